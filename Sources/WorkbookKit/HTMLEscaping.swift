/// The one place where text becomes HTML — pages, prose (`MarkupHTML`), MathML
/// and highlighted code alike (they are all parts of an HTML page). Everything
/// that comes from a chapter passes through here. (SVG is escaped by SVGPlot,
/// which makes it; that is XML's one escaper.)
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'` so the text is safe in element
    /// content and in quoted attribute values; control characters, which HTML
    /// does not allow, become U+FFFD (see `ControlCharacters`).
    /// `keepingApostrophes: true` leaves `'` as it is, as cmark's HTML does in prose
    /// (whose attribute values are always in double quotes).
    public static func escape(_ text: String) -> String { escape(text, keepingApostrophes: false) }

    public static func escape(_ text: String, keepingApostrophes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += keepingApostrophes ? "'" : "&#39;"
            default: out.unicodeScalars.append(ControlCharacters.isControl(ch) ? "\u{FFFD}" : ch)
            }
        }
        return out
    }

    /// A URL for an `href`/`src` attribute, as cmark writes it
    /// (houdini_escape_href): letters, digits and ``-_.+!*(),%#@?=;:/$~`` stay,
    /// `&` becomes `&amp;`, `'` `&#x27;`, every other byte `%XX`.
    public static func escapeURL(_ url: String) -> String {
        var out = ""
        out.reserveCapacity(url.utf8.count)
        for byte in url.utf8 {
            if urlSafe[Int(byte)] {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == UInt8(ascii: "&") {
                out += "&amp;"
            } else if byte == UInt8(ascii: "'") {
                out += "&#x27;"
            } else {
                out += "%" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 0xF)])
            }
        }
        return out
    }

    private static let hexDigits = Array("0123456789ABCDEF")

    /// cmark's `HREF_SAFE` table: which ASCII bytes a URL keeps as they are.
    private static let urlSafe: [Bool] = (0..<256).map { byte in
        guard byte < 128, let scalar = Unicode.Scalar(byte) else { return false }
        return ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            || "-_.+!*(),%#@?=;:/$~".unicodeScalars.contains(scalar)
    }
}
