/// The one way Workbook prints a number on a page or in a diagnostic: the
/// shortest text that reads back as the same `Double` (as Python's `repr`
/// does), so every digit the book prints appears — `0.1999999999990898`.
/// Non-finite values are spelled out so that divergence is visible.
public func formatNumber(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    return "\(value)"
}
