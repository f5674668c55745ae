/// Moves positions in the protected text (`MathProtector`'s output, which
/// cmark parses) back to the chapter file. The protected text has the same
/// lines as the file, but a placeholder is not as long as the math or
/// reference it stands for, so columns after one on its line differ.
struct SourceMap {
    /// One replacement: bytes `protected` of the protected text stand for bytes `original` of the file.
    struct Edit {
        var protected: Range<Int>
        var original: Range<Int>
    }

    /// In order of position.
    private let edits: [Edit]
    private let protectedLineStarts: [Int]
    private let originalLineStarts: [Int]

    init(original: [UInt8], protected: [UInt8], edits: [Edit]) {
        self.edits = edits
        originalLineStarts = Self.lineStarts(original)
        protectedLineStarts = Self.lineStarts(protected)
    }

    private static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        return starts
    }

    func original(_ range: SourceRange) -> SourceRange {
        guard !edits.isEmpty else { return range }
        let start = original(line: range.startLine, column: range.startColumn, end: false)
        let end = original(line: range.endLine, column: range.endColumn, end: true)
        return SourceRange(startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column)
    }

    /// A position inside a placeholder is the first byte of what it stands
    /// for (`end`: the last byte). Positions cmark leaves out (line or column 0) stay.
    private func original(line: Int, column: Int, end: Bool) -> (line: Int, column: Int) {
        guard line >= 1, line <= protectedLineStarts.count, column >= 1 else { return (line, column) }
        let offset = protectedLineStarts[line - 1] + column - 1
        // The last edit that starts at or before `offset`.
        var low = 0, high = edits.count
        while low < high {
            let mid = (low + high) / 2
            if edits[mid].protected.lowerBound <= offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return (line, column) }
        let edit = edits[low - 1]
        let mapped = offset < edit.protected.upperBound
            ? (end ? edit.original.upperBound - 1 : edit.original.lowerBound)
            : edit.original.upperBound + (offset - edit.protected.upperBound)
        // The line holding `mapped`.
        var lo = 0, hi = originalLineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if originalLineStarts[mid] <= mapped { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, mapped - originalLineStarts[lo] + 1)
    }
}
