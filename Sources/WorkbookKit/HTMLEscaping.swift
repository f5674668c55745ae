/// The one place where text becomes HTML — pages, MathML and highlighted code
/// alike (they are all parts of an HTML page). Everything that comes from a
/// chapter and is not Markdown rendered by cmark passes through here. (SVG
/// is escaped by SVGPlot, which makes it; that is XML's one escaper.)
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'` so the text is safe in element
    /// content and in quoted attribute values; control characters, which HTML
    /// does not allow, become U+FFFD (see `ControlCharacters`).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ControlCharacters.isControl(ch) ? "\u{FFFD}" : ch)
            }
        }
        return out
    }
}
