/// Cuts math out of Markdown source before cmark sees it, and notes `@label`
/// references on the way (both need the same "is this prose?" knowledge).
///
/// Works on UTF-8 bytes: every character it looks for is ASCII, and columns
/// are UTF-8 byte columns like cmark's. Each math span becomes a placeholder
/// followed by one `"\n" + lineFiller` per newline it contained, so every
/// line after it keeps its number and no blank line (paragraph break) appears.
///
/// Only prose is scanned: the runs of lines that cmark's block structure puts
/// in paragraphs and headings (`ProseOutline`, a first cmark parse of the
/// text), so code blocks, raw HTML and link reference definitions are left
/// untouched, in lists and block quotes too. Runs, not single paragraphs:
/// display math may span a line that cmark, before the math is cut out,
/// reads as a list item (`- b`) or a new paragraph. Inside a run, the
/// inline-level scan skips code spans and backslash escapes such as `\$`
/// (cmark knows no math, so this part stays ours).
struct MathProtector {
    struct Result {
        var text: String
        var math: [MathSpan]
        var references: [CrossReference]
        var diagnostics: [Diagnostic]
        /// Positions in `text` → positions in the source.
        var map: SourceMap
    }

    static func protect(_ source: String, file: String) -> Result {
        var scanner = MathProtector(bytes: Array(source.utf8), file: file)
        scanner.run(ProseOutline(markdown: source))
        return Result(
            text: String(decoding: scanner.out, as: UTF8.self),
            math: scanner.math, references: scanner.references, diagnostics: scanner.diagnostics,
            map: SourceMap(original: scanner.bytes, protected: scanner.out, edits: scanner.edits))
    }

    private let bytes: [UInt8]
    private let file: String
    private var out: [UInt8] = []
    private var math: [MathSpan] = []
    private var references: [CrossReference] = []
    private var diagnostics: [Diagnostic] = []
    private var edits: [SourceMap.Edit] = []
    /// Byte offset where each line starts.
    private var lineStarts: [Int] = [0]

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        out.reserveCapacity(bytes.count)
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
            lineStarts.append(i + 1)
        }
    }

    // MARK: Lines

    private func lineEnd(_ line: Int) -> Int {
        line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
    }

    private func location(of offset: Int) -> SourceLocation {
        // Binary search for the line containing `offset`.
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return SourceLocation(file: file, line: lo + 1, column: offset - lineStarts[lo] + 1)
    }

    // MARK: Scanning

    private mutating func run(_ outline: ProseOutline) {
        if let fence = outline.unclosedFence {
            diagnostics.append(.warning(
                "code fence is not closed; everything after it is code",
                at: SourceLocation(file: file, line: fence.line, column: fence.column),
                hint: "end the block with a line of the same fence, e.g. ```", length: 3))
        }
        var line = 0
        for run in outline.runs {
            if line < run.lowerBound {
                out += bytes[lineStarts[line]..<lineStarts[run.lowerBound]]
            }
            // A run of prose lines: math and code spans may span lines in it.
            scanProse(from: lineStarts[run.lowerBound], to: min(lineEnd(run.upperBound) + 1, bytes.count))
            line = run.upperBound + 1
        }
        if line < lineStarts.count { out += bytes[lineStarts[line]...] }
    }

    private static let dollar = UInt8(ascii: "$")
    fileprivate static let backtick = UInt8(ascii: "`")
    private static let backslash = UInt8(ascii: "\\")
    private static let at = UInt8(ascii: "@")

    private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }
    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private static func isLabel(_ b: UInt8) -> Bool {
        isLetter(b) || isDigit(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }
    private static func isPunctuation(_ b: UInt8) -> Bool {
        (33...47).contains(b) || (58...64).contains(b) || (91...96).contains(b) || (123...126).contains(b)
    }

    private mutating func scanProse(from start: Int, to end: Int) {
        var i = start
        var backtickRuns: BacktickRuns?
        while i < end {
            let b = bytes[i]
            if b == Self.backslash, i + 1 < end, Self.isPunctuation(bytes[i + 1]) {
                out += bytes[i...i + 1]
                i += 2
            } else if b == Self.backtick {
                var n = i
                while n < end, bytes[n] == Self.backtick { n += 1 }
                let run = n - i
                if backtickRuns == nil { backtickRuns = BacktickRuns(bytes, from: start, to: end) }
                if let close = backtickRuns?.end(ofFirstRunOf: run, from: n) {
                    out += bytes[i..<close]
                    i = close
                } else {
                    out += bytes[i..<n]
                    i = n
                }
            } else if b == Self.dollar, i + 1 < end, bytes[i + 1] == Self.dollar {
                if let close = closingDollars(display: true, from: i + 2, to: end) {
                    addMath(from: i, contentStart: i + 2, contentEnd: close, end: close + 2, display: true)
                    i = close + 2
                } else {
                    diagnostics.append(.error(
                        "unclosed display math '$$'", at: location(of: i),
                        hint: "close it with '$$' before the next blank line, or write '\\$\\$' for dollar signs",
                        length: 2))
                    out += bytes[i...i + 1]
                    i += 2
                }
            } else if b == Self.dollar, i + 1 < end, !Self.isSpace(bytes[i + 1]),
                      let close = closingDollars(display: false, from: i + 1, to: end) {
                addMath(from: i, contentStart: i + 1, contentEnd: close, end: close + 1, display: false)
                i = close + 1
            } else if b == Self.at {
                i = reference(at: i, end: end)
            } else {
                out.append(b)
                i += 1
            }
        }
    }

    /// The maximal runs of backticks in a block, by length, so that finding the run
    /// that closes a code span is a binary search. Searching the rest of the block
    /// for every opener took time n^1.5: a paragraph of unmatched runs 1, 2, …, 800
    /// backticks long (320 KB) took 31 s.
    private struct BacktickRuns {
        /// Length → the (start, end) offsets of every run of that length, in order.
        private var runs: [Int: [(start: Int, end: Int)]] = [:]

        init(_ bytes: [UInt8], from start: Int, to end: Int) {
            var i = start
            while i < end {
                guard bytes[i] == MathProtector.backtick else { i += 1; continue }
                var n = i
                while n < end, bytes[n] == MathProtector.backtick { n += 1 }
                runs[n - i, default: []].append((i, n))
                i = n
            }
        }

        /// Offset just past the first run of exactly `count` backticks starting at or after `offset`.
        func end(ofFirstRunOf count: Int, from offset: Int) -> Int? {
            guard let candidates = runs[count] else { return nil }
            var low = 0, high = candidates.count
            while low < high {
                let mid = (low + high) / 2
                if candidates[mid].start < offset { low = mid + 1 } else { high = mid }
            }
            return low < candidates.count ? candidates[low].end : nil
        }
    }

    /// Offset of the closing `$` / `$$`. Inline math (pandoc's rule) must not
    /// end after a space or before a digit, so `$5 and $6` is no math.
    private func closingDollars(display: Bool, from start: Int, to end: Int) -> Int? {
        var i = start
        while i < end {
            let b = bytes[i]
            if b == Self.backslash {
                i += 2
                continue
            }
            if b == Self.dollar {
                if display {
                    if i + 1 < end, bytes[i + 1] == Self.dollar { return i }
                    return nil  // A lone `$` inside `$$…$$` is not allowed.
                }
                if i > start, !Self.isSpace(bytes[i - 1]), !(i + 1 < end && Self.isDigit(bytes[i + 1])) {
                    return i
                }
                return nil
            }
            i += 1
        }
        return nil
    }

    private mutating func addMath(from open: Int, contentStart: Int, contentEnd: Int, end: Int, display: Bool) {
        let tex = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self)
        let protectedStart = out.count
        defer { edits.append(SourceMap.Edit(protected: protectedStart..<out.count, original: open..<end)) }
        out += Array(MathPlaceholder.placeholder(for: math.count).utf8)
        math.append(MathSpan(tex: tex, display: display, location: location(of: open)))
        let newlines = bytes[open..<end].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        for _ in 0..<newlines {
            out.append(10)
            out += Array(String(MathPlaceholder.lineFiller).utf8)
        }
    }

    /// Records `@label` unless the `@` is part of a word (an e-mail address) or
    /// names a domain (`@example.com`), and leaves a `ReferencePlaceholder` in its place.
    private mutating func reference(at i: Int, end: Int) -> Int {
        out.append(Self.at)
        let start = lineStarts[location(of: i).line - 1]
        if i > start {
            // After a letter or digit of any script (`me@mail.org`, `図@x`) the `@` is
            // part of a word; after punctuation or a space (`、@fig-a`, `(@fig-a)`) it
            // starts a reference.
            var k = i - 1
            while k > start, bytes[k] & 0xC0 == 0x80 { k -= 1 }
            if let before = String(decoding: bytes[k..<i], as: UTF8.self).last, before.isLetter || before.isNumber {
                return i + 1
            }
        }
        guard i + 1 < end, Self.isLetter(bytes[i + 1]) else { return i + 1 }
        var j = i + 1
        while j < end, Self.isLabel(bytes[j]) { j += 1 }
        if j < end, bytes[j] == UInt8(ascii: "."), j + 1 < end, Self.isLetter(bytes[j + 1]) {
            return i + 1  // `@example.com`: a domain, not a label.
        }
        var labelEnd = j
        while labelEnd > i + 2, bytes[labelEnd - 1] == UInt8(ascii: "-") || bytes[labelEnd - 1] == UInt8(ascii: "_") {
            labelEnd -= 1
        }
        // The reference itself becomes a placeholder, found again by index when the
        // page is rendered: one detector of `@label`, this one.
        out.removeLast()
        edits.append(SourceMap.Edit(protected: out.count..<out.count + ReferencePlaceholder.placeholder(for: references.count).utf8.count,
                                    original: i..<labelEnd))
        out += Array(ReferencePlaceholder.placeholder(for: references.count).utf8)
        references.append(CrossReference(
            label: String(decoding: bytes[i + 1..<labelEnd], as: UTF8.self), location: location(of: i)))
        out += bytes[labelEnd..<j]
        return j
    }
}
