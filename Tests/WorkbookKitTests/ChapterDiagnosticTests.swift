import Testing
@testable import WorkbookKit

@Test func diagnosticFormatsLikeTheSwiftCompiler() {
    let source = (1...56).map { _ in "" }.joined(separator: "\n") + "\n    lrate: 0.1\n"
    let diagnostic = Diagnostic.error(
        "unknown parameter 'lrate'", at: WorkbookKit.SourceLocation(file: "chapters/01-loss.md", line: 57, column: 5),
        hint: "did you mean 'lr'?", length: 5)
    #expect(diagnostic.formatted(source: source) == """
        chapters/01-loss.md:57:5: error: unknown parameter 'lrate'
            lrate: 0.1
            ^~~~~
        note: did you mean 'lr'?
        """)
}

@Test func caretFollowsTabsAndCountsUTF8Bytes() {
    let source = "\tné: x\n"
    // `x` is at byte column 7: tab(1) n(1) é(2) :(1) space(1).
    let diagnostic = Diagnostic.warning("odd", at: WorkbookKit.SourceLocation(file: "a.md", line: 1, column: 7))
    #expect(diagnostic.formatted(source: source) == "a.md:1:7: warning: odd\n\tné: x\n\t    ^")
}

@Test func withoutSourceOnlyTheHeadlineAndNote() {
    let diagnostic = Diagnostic(.note, "here", at: WorkbookKit.SourceLocation(file: "a.md", line: 9, column: 1), hint: "fix")
    #expect(diagnostic.formatted(source: nil) == "a.md:9:1: note: here\nnote: fix")
    #expect(diagnostic.formatted(source: "one line") == "a.md:9:1: note: here\nnote: fix")
    #expect(diagnostic.description == "a.md:9:1: note: here")
}

@Test func chapterDiagnosticFormatsAgainstItsSource() throws {
    let source = "---\ntitle: T\n---\n\n```run train\nlr: 1\nlr: 2\n```\n"
    let chapter = Chapter.parse(source: source, path: "chapters/01-loss.md")
    let diagnostic = try #require(chapter.diagnostics.first)
    #expect(diagnostic.formatted(source: source) == """
        chapters/01-loss.md:7:1: error: duplicate key 'lr' in run cell body
        lr: 2
        ^~
        note: each key may appear only once; remove or rename one of them
        """)
}

/// A diagnostic on a very long line shows a window of it, so many diagnostics on one
/// line cost linear time and output (4 000 unknown `@refs` on a 40 KB line printed the
/// whole line 4 000 times: minutes and 800 MB).
@Test func aLongLineIsShownAsAWindowAroundTheColumn() {
    let line = String(repeating: "@fig-x ", count: 6_000) + "@target" + String(repeating: " tail", count: 2_000)
    let column = 6_000 * 7 + 1
    let diagnostic = Diagnostic.error("reference to unknown label '@target'",
                                      at: WorkbookKit.SourceLocation(file: "a.md", line: 1, column: column), length: 7)
    let lines = diagnostic.formatted(source: line + "\n").components(separatedBy: "\n")
    #expect(lines.count == 3)
    #expect(lines[1].utf8.count <= Diagnostic.windowBytes + 6)  // the window and two "…"
    #expect(lines[1].hasPrefix("…") && lines[1].hasSuffix("…"))
    // The caret stands under the '@' of '@target' (one column per character).
    let caret = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
    let at = lines[1].range(of: "@target").map { lines[1].distance(from: lines[1].startIndex, to: $0.lowerBound) }
    #expect(caret != nil && caret == at)
    #expect(lines[2].hasSuffix("^~~~~~~"))
    // Short lines are shown whole, as before.
    let short = Diagnostic.error("x", at: WorkbookKit.SourceLocation(file: "a.md", line: 1, column: 3)).formatted(source: "ab@c\n")
    #expect(short == "a.md:1:3: error: x\nab@c\n  ^")
}
