/// The text that stands in for an `@label` reference in prose HTML until the
/// page is rendered: `U+E003`, the decimal index into `chapter.references`,
/// `U+E004`. Like math (`MathPlaceholder`), references are found once, by
/// the chapter reader, and the renderer puts the link at the placeholder —
/// no second scan of the HTML that could disagree with the first.
public enum ReferencePlaceholder {
    public static let open: Character = "\u{E003}"
    public static let close: Character = "\u{E004}"

    public static func placeholder(for index: Int) -> String {
        "\(open)\(index)\(close)"
    }

    /// Replaces every placeholder in `html` by `replacement(index)`.
    public static func substitute(in html: String, _ replacement: (Int) -> String) -> String {
        MathPlaceholder.substitute(in: html, open: open, close: close, replacement)
    }
}
