/// A source text with the byte offset of each of its lines, found once, so a
/// diagnostic's source line is a look-up and not a walk from the top of the file.
/// Lines end at `\n` (sources are normalised when read; a `\r` before the `\n`
/// is left out of the line, as in files read without normalising).
public struct SourceLines: Sendable {
    private let bytes: [UInt8]
    private let starts: [Int]

    public init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 10 { starts.append(offset + 1) }
        self.starts = starts
    }

    /// Line `number` (1-based) without its line end, or nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= starts.count else { return nil }
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == 13 { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
