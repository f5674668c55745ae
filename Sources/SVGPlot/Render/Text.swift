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

/// Estimated width in pixels of `text` at `size` px in the system sans-serif
/// stack (no font metrics are available; wide CJK glyphs count as 1 em).
func textWidth(_ text: String, size: Double) -> Double {
    var em = 0.0
    for scalar in text.unicodeScalars {
        let v = scalar.value
        if isWide(v) {
            em += 1.0
        } else if v > 0x7F {
            em += 0.65
        } else if v >= 0x30 && v <= 0x39 {
            em += 0.62
        } else if "il.,:;|!'`".unicodeScalars.contains(scalar) {
            em += 0.3
        } else if "()[]{}".unicodeScalars.contains(scalar) {
            em += 0.36
        } else if v >= 0x41 && v <= 0x5A {
            em += 0.68
        } else if v == 0x20 {
            em += 0.28
        } else {
            em += 0.56
        }
    }
    return em * size
}

/// East Asian wide characters (CJK, kana, hangul, full-width forms).
private func isWide(_ v: UInt32) -> Bool {
    (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
        || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
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
