/// Which lines of a chapter are prose, as cmark's block structure says — the
/// first of the reader's two cmark parses (`MathProtector` uses it before it
/// cuts math out of those lines; the second parse reads the protected text).
///
/// Prose lines are the lines of paragraphs and headings, at any depth of
/// lists and block quotes. Everything else — code blocks, raw HTML blocks,
/// link reference definitions, thematic breaks, blank lines — is not scanned
/// for math or references.
struct ProseOutline {
    /// Runs of consecutive prose lines (0-based, inclusive) that math may span;
    /// an ATX heading (one line) is a run of its own.
    var runs: [ClosedRange<Int>] = []
    /// The opening fence (1-based line, column) of a fenced code block that
    /// is not closed and so runs to the end of the chapter.
    var unclosedFence: (line: Int, column: Int)?

    init(markdown: String) {
        let lines = markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var prose = [Bool](repeating: false, count: lines.count)
        var single = [Bool](repeating: false, count: lines.count)
        let lastLine = lines.lastIndex { !$0.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 } }.map { $0 + 1 } ?? 0

        func visit(_ block: MarkupBlock) {
            let range = block.range
            switch block.kind {
            case .paragraph, .heading:
                for line in range.startLine...max(range.startLine, range.endLine) where line - 1 < prose.count && line >= 1 {
                    prose[line - 1] = true
                }
                if case .heading = block.kind, range.startLine == range.endLine, range.startLine >= 1,
                   range.startLine - 1 < single.count {
                    single[range.startLine - 1] = true  // ATX
                }
            case .blockQuote(let blocks):
                blocks.forEach(visit)
            case .list(let list):
                for item in list.items { item.blocks.forEach(visit) }
            case let .codeBlock(_, literal):
                if unclosedFence == nil, range.endLine >= lastLine,
                   Self.isUnclosedFence(range: range, literal: literal, lines: lines) {
                    unclosedFence = (range.startLine, range.startColumn)
                }
            case .thematicBreak, .rawHTML:
                break
            }
        }
        CmarkParser.markup(markdown).forEach(visit)

        var line = 0
        while line < prose.count {
            guard prose[line] else { line += 1; continue }
            var last = line
            if !single[line] {
                while last + 1 < prose.count, prose[last + 1], !single[last + 1] { last += 1 }
            }
            runs.append(line...last)
            line = last + 1
        }
    }

    /// A fenced code block (its first line, from its start column, opens with
    /// three or more backticks or tildes, and is not the code's own first line
    /// as in an indented block) that has no closing fence: cmark gives it every
    /// line after the opening one, so its range is one line longer than its
    /// code (a closed block's is two).
    private static func isUnclosedFence(range: SourceRange, literal: String, lines: [Substring.UTF8View]) -> Bool {
        guard range.startLine >= 1, range.startLine <= lines.count, range.startColumn >= 1 else { return false }
        let line = lines[range.startLine - 1]
        let start = line.index(line.startIndex, offsetBy: range.startColumn - 1, limitedBy: line.endIndex) ?? line.endIndex
        let rest = line[start...]
        guard let first = rest.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~"),
              rest.prefix(while: { $0 == first }).count >= 3 else { return false }
        let firstCodeLine = literal.utf8.prefix { $0 != UInt8(ascii: "\n") }
        if !literal.isEmpty, firstCodeLine.elementsEqual(rest.prefix { $0 != 13 }) { return false }  // indented code "```…"
        let codeLines = literal.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return range.endLine - range.startLine + 1 == codeLines + 1
    }
}
