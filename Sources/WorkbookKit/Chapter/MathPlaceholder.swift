import Foundation

/// The text that stands in for math in prose HTML until a later stage puts
/// MathML there.
///
/// A placeholder is `U+E000`, the decimal index into `chapter.math`, `U+E001`.
/// Private-use characters are plain text to cmark, never escaped or
/// interpreted, and cannot occur in HTML produced from real prose by accident.
/// Display math that is a paragraph on its own appears in the HTML as
/// `<p>` + placeholder + `</p>` (see `blockHTML(for:)`).
public enum MathPlaceholder {
    public static let open: Character = "\u{E000}"
    public static let close: Character = "\u{E001}"
    /// Starts the extra lines a multi-line math span leaves behind so that line
    /// numbers after it stay right; the chapter reader removes these (with the
    /// preceding newline) from the HTML it produces.
    static let lineFiller: Character = "\u{E002}"

    /// `"\u{E000}12\u{E001}"` for index 12.
    public static func placeholder(for index: Int) -> String {
        "\(open)\(index)\(close)"
    }

    /// `<p>\u{E000}3\u{E001}</p>`: how a display formula standing alone in its
    /// paragraph looks in prose HTML. Replace this whole string to render the
    /// formula as a block instead of inside a paragraph.
    public static func blockHTML(for index: Int) -> String {
        "<p>" + placeholder(for: index) + "</p>"
    }

    /// Replaces every placeholder in `html` by `replacement(index)`.
    /// Text that only looks like a broken placeholder is left alone.
    public static func substitute(in html: String, _ replacement: (Int) -> String) -> String {
        substitute(in: html, open: open, close: close, replacement)
    }

    /// Replaces every `open` + index + `close` in `html` by `replacement(index)`.
    static func substitute(in html: String, open: Character, close: Character, _ replacement: (Int) -> String) -> String {
        guard html.contains(open) else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let start = rest.firstIndex(of: open) {
            out += rest[..<start]
            let afterOpen = rest.index(after: start)
            let digits = rest[afterOpen...].prefix { $0.isASCII && $0.isNumber }
            let end = digits.endIndex
            if !digits.isEmpty, end < rest.endIndex, rest[end] == close, let index = Int(digits) {
                out += replacement(index)
                rest = rest[rest.index(after: end)...]
            } else {
                out.append(open)
                rest = rest[afterOpen...]
            }
        }
        out += rest
        return out
    }

    /// Removes the line fillers (each with its preceding newline) that
    /// multi-line math leaves in cmark's output.
    static func removingLineFillers(_ html: String) -> String {
        guard html.contains(lineFiller) else { return html }
        return html.replacingOccurrences(of: "\n\(lineFiller)", with: "")
            .replacingOccurrences(of: String(lineFiller), with: "")
    }
}
