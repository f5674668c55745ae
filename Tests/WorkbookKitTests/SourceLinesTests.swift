import Testing
import WorkbookKit

@Test func sourceLinesLooksUpEachLineWithoutItsLineEnd() {
    let lines = SourceLines("a\nbé\r\n\nlast")
    #expect(lines.line(1) == "a")
    #expect(lines.line(2) == "bé")
    #expect(lines.line(3) == "")
    #expect(lines.line(4) == "last")
    #expect(lines.line(5) == nil)
    #expect(lines.line(0) == nil)
    #expect(SourceLines("").line(1) == "")
    #expect(SourceLines("x\n").line(2) == "")
}

/// Thousands of diagnostics in one long file are each shown with their own line
/// (the look-up used to walk from the top of the file for every diagnostic).
@Test func manyDiagnosticsShowTheirOwnLines() {
    let source = (1...20_000).map { "line \($0)" }.joined(separator: "\n")
    let lines = SourceLines(source)
    for n in stride(from: 1, through: 20_000, by: 997) {
        let text = Diagnostic.error("e", at: SourceLocation(file: "f", line: n, column: 1)).formatted(lines: lines)
        #expect(text == "f:\(n):1: error: e\nline \(n)\n^")
    }
}
