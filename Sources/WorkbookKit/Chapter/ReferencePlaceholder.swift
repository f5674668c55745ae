/// The text that stands in for an `@label` reference in the Markdown that
/// cmark parses: `U+E003`, the decimal index into the reader's references,
/// `U+E004`. Like math (`MathPlaceholder`), references are found once, by
/// `MathProtector`, and become `.reference` nodes (`PlaceholderResolver`):
/// no second scan that could disagree with the first.
enum ReferencePlaceholder {
    static let open: Unicode.Scalar = "\u{E003}"
    static let close: Unicode.Scalar = "\u{E004}"

    static func placeholder(for index: Int) -> String {
        "\(open)\(index)\(close)"
    }
}
