/// Windows (`\r\n`) and old Mac (`\r`) line endings, made `\n` once, when a
/// source is read.
///
/// cmark ends a line at `\n`, `\r\n` or `\r`; Swift treats `"\r\n"` as one
/// `Character`, so `split(separator: "\n")` would see one long line. After
/// this every later step (front matter, math, cmark, YAML, caret lines) counts
/// lines the same way cmark does, and a column is a UTF-8 byte offset in the
/// line as shown.
enum LineEndings {
    static func normalized(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var afterCR = false
        for byte in text.utf8 {
            if byte == 13 {
                out.append(10)
                afterCR = true
            } else {
                if !(byte == 10 && afterCR) { out.append(byte) }
                afterCR = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
