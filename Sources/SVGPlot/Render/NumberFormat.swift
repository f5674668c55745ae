import Foundation

/// The one number formatter of every SVG this library writes: at most two
/// decimals, no trailing zeros, no `-0`, never `nan` or `inf`.
///
/// Deterministic: the same `Double` always gives the same bytes.
public func svgNumber(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let rounded = (value * 100).rounded() / 100
    if rounded == 0 { return "0" }
    return trimmingFractionZeros(String(format: "%.2f", rounded))
}

/// "1.500" → "1.5", "2.00" → "2"; text without a decimal point is unchanged.
func trimmingFractionZeros(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var text = text
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}
