/// The text that stands in for math in the Markdown that cmark parses
/// (`MathProtector` makes it, `PlaceholderResolver` turns it into `.math`
/// nodes; it never reaches the document model).
///
/// A placeholder is `U+E000`, the decimal index into the reader's math spans,
/// `U+E001`. Private-use characters are plain text to cmark, never escaped or
/// interpreted, and cannot occur in real prose by accident (the reader
/// refuses nothing: a stray one is simply left as text).
enum MathPlaceholder {
    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"
    /// Starts each extra line a multi-line math span leaves behind, so that
    /// line numbers after it stay right and no blank line (a paragraph break)
    /// appears; the resolver removes it with the soft break before it.
    static let lineFiller: Unicode.Scalar = "\u{E002}"

    /// `"\u{E000}12\u{E001}"` for index 12.
    static func placeholder(for index: Int) -> String {
        "\(open)\(index)\(close)"
    }
}
