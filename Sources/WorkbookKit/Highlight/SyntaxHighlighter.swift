/// Syntax highlighting for code blocks: escaped HTML with `<span
/// class="tok-…">` around tokens, so the static workbook can colour code
/// with CSS alone. One small hand-written tokenizer per language; no regex
/// engine, no grammar files, no script in the page.
public enum SyntaxHighlighter {
    /// Highlights `code` written in `language` (`swift`, `python`/`py`,
    /// `yaml`/`yml`, case-insensitive). Any other language returns the code
    /// escaped and otherwise unchanged. Escaping (`HTML.escape`) is
    /// exact and spans never cross a line break, so callers may split the
    /// result into lines.
    public static func highlight(_ code: String, language: String) -> String {
        switch language.lowercased() {
        case "swift": return SwiftTokenizer.highlight(code)
        case "python", "py", "python3": return PythonTokenizer.highlight(code)
        case "yaml", "yml": return YAMLTokenizer.highlight(code)
        default: return HTML.escape(code)
        }
    }
}
