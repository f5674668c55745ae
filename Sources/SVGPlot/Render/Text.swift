/// Escapes text for XML character data and attribute values: `&`, `<`, `>`,
/// `"` and `'`. Characters XML 1.0 does not allow (most control characters)
/// are dropped. This is the only escaping function of the library.
public func svgEscape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
        default:
            let v = scalar.value
            if v < 0x20 || (0xFFFE...0xFFFF).contains(v) { continue }
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// A readable number for text (descriptions, notes): up to 4 significant digits,
/// scientific notation for very large or small magnitudes, no float noise.
func readableNumber(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "undefined" : (value > 0 ? "∞" : "−∞") }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    var text: String
    if magnitude >= 1e6 || magnitude < 1e-3 {
        text = String(format: "%.3e", value)
        text = tidyScientific(text)
    } else {
        text = String(format: "%.4g", value)
        if text.contains("e") { text = tidyScientific(text) }
    }
    return text.replacingOccurrences(of: "-", with: "−")
}

/// "1.500e+13" → "1.5e13", "2.000e-05" → "2e-5".
func tidyScientific(_ text: String) -> String {
    let parts = text.split(separator: "e", maxSplits: 1)
    guard parts.count == 2 else { return text }
    let mantissa = trimmingFractionZeros(String(parts[0]))
    var exponent = String(parts[1])
    var negative = false
    if exponent.hasPrefix("+") { exponent.removeFirst() }
    if exponent.hasPrefix("-") { negative = true; exponent.removeFirst() }
    while exponent.count > 1 && exponent.hasPrefix("0") { exponent.removeFirst() }
    return mantissa + "e" + (negative ? "-" : "") + exponent
}
