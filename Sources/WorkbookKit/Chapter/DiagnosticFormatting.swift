import Foundation

/// Compiler-style rendering of diagnostics, so editors and terminals that
/// understand `swiftc` output (clickable `file:line:column`) understand ours.
extension Diagnostic {
    /// Formats the diagnostic like the Swift compiler:
    ///
    ///     chapters/01-loss.md:57:5: error: unknown parameter 'lrate'
    ///         lrate: 0.1
    ///         ^~~~~
    ///     note: did you mean 'lr'?
    ///
    /// `source` is the full text of `location.file`. The source line and caret
    /// are left out when `source` is nil or the line does not exist. Tabs in
    /// the source line are kept in the caret line so the caret stays aligned.
    public func formatted(source: String?) -> String {
        formatted(lines: source.map(SourceLines.init))
    }

    /// The same, with the line looked up in `lines` (built once per file: looking
    /// each line up from the start of the file made 20 000 diagnostics take 95 s).
    public func formatted(lines: SourceLines?) -> String {
        var out = description
        if let line = lines?.line(location.line) {
            let (text, column) = Self.window(of: line, around: location.column)
            out += "\n" + text + "\n" + caretLine(under: text, column: column)
        }
        if let hint {
            out += "\nnote: " + hint
        }
        // A control character from the chapter (an ESC could restyle the terminal) is shown as its picture.
        return ControlCharacters.visible(out)
    }

    /// Formats several diagnostics, looking up each one's source by file name.
    public static func formatted(_ diagnostics: [Diagnostic], sources: [String: String]) -> String {
        let lines = sources.mapValues(SourceLines.init)
        return diagnostics.map { $0.formatted(lines: lines[$0.location.file]) }.joined(separator: "\n")
    }

    private func caretLine(under text: String, column: Int) -> String {
        // Columns are UTF-8 byte offsets; walk characters until we pass them.
        var pad = ""
        var bytes = 0
        for ch in text {
            if bytes >= column - 1 { break }
            pad.append(ch == "\t" ? "\t" : " ")
            bytes += String(ch).utf8.count
        }
        if bytes < column - 1 {
            pad += String(repeating: " ", count: column - 1 - bytes)
        }
        return pad + "^" + String(repeating: "~", count: max(0, min(length, Self.windowBytes) - 1))
    }

    /// Source lines longer than this many UTF-8 bytes are shown as a window around
    /// the column, with "…" where text was left out, as compilers do. Without it every
    /// diagnostic on one long line repeated the whole line: 4 000 unknown `@refs` on one
    /// 40 KB line printed 160 MB and took minutes.
    static let windowBytes = 120

    /// The part of `line` shown for a diagnostic at byte column `column`, and the
    /// column within that part.
    static func window(of line: String, around column: Int) -> (text: String, column: Int) {
        let bytes = Array(line.utf8)
        guard bytes.count > windowBytes else { return (line, column) }
        var start = max(0, min(column - 1 - windowBytes / 3, bytes.count - windowBytes))
        var end = min(bytes.count, start + windowBytes)
        // Never cut inside a UTF-8 sequence (continuation bytes are 10xxxxxx).
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let head = start > 0 ? "…" : "", tail = end < bytes.count ? "…" : ""
        let text = head + String(decoding: bytes[start..<end], as: UTF8.self) + tail
        return (text, column - start + head.utf8.count)
    }

}
