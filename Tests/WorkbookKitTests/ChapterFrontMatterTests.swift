import Testing
@testable import WorkbookKit

private func loc(_ line: Int, _ column: Int) -> WorkbookKit.SourceLocation {
    WorkbookKit.SourceLocation(file: "chapters/01-loss.md", line: line, column: column)
}

@Test func frontMatterGivesTitleAndSummaryAndKeepsLineNumbers() {
    let source = "---\ntitle: Loss\nsummary: >\n  Two\n  lines\n---\n\nHello\n"
    let chapter = Chapter.parse(source: source, path: "chapters/01-loss.md")
    #expect(chapter.title == "Loss")
    #expect(chapter.summary == "Two lines")
    #expect(chapter.slug == "01-loss")
    #expect(chapter.path == "chapters/01-loss.md")
    #expect(chapter.diagnostics.isEmpty)
    #expect(chapter.htmlBlocks == [.prose(html: "<p>Hello</p>\n", location: loc(8, 1))])
}

@Test func missingTitleIsAnErrorWithFallbackFromFileName() {
    let chapter = Chapter.parse(source: "Hello\n", path: "chapters/01-mean_loss.md")
    #expect(chapter.title == "Mean loss")
    #expect(chapter.diagnostics.count == 1)
    #expect(chapter.diagnostics.first?.message == "chapter has no title")
    #expect(chapter.diagnostics.first?.severity == .error)
}

@Test func badFrontMatterYAMLIsLocatedInTheFile() {
    let chapter = Chapter.parse(source: "---\ntitle: A\nsummary: [x\n---\nText\n", path: "chapters/01-loss.md")
    let error = chapter.diagnostics.first { $0.message.hasPrefix("front matter is not valid YAML") }
    #expect(error?.location.line == 4)  // YAML ends (EOF) where the closing --- is
    #expect(chapter.title == "01-loss" || chapter.title == "Loss")
}

@Test func unknownFrontMatterKeyWarnsAtTheKey() {
    let chapter = Chapter.parse(source: "---\ntitle: A\n  \nauthr: me\n---\n", path: "chapters/01-loss.md")
    #expect(chapter.diagnostics == [.warning(
        "unknown front matter key 'authr'", at: loc(4, 1), hint: "known keys: book, summary, title", length: 5)])
}

@Test func unclosedFrontMatterIsAnError() {
    let chapter = Chapter.parse(source: "---\ntitle: A\n\nText\n", path: "chapters/01-loss.md")
    #expect(chapter.diagnostics.contains { $0.message == "front matter is not closed" && $0.location == loc(1, 1) })
}

@Test func headingsGetUniqueSlugIDsAndInlineHTML() {
    let source = "---\ntitle: T\n---\n# Mean *squared* error\n\n## Mean squared error\n\nSetext\n------\n\n### Ünïcode & $x_1$!\n"
    let headings = Chapter.parse(source: source, path: "chapters/01-loss.md").headings
    #expect(headings.map(\.id) == ["mean-squared-error", "mean-squared-error-1", "setext", "ünïcode-x-1"])
    #expect(headings.map(\.level) == [1, 2, 2, 3])
    let html = Chapter.parse(source: source, path: "chapters/01-loss.md").htmlBlocks.map { block -> String in
        if case .heading(_, _, _, let html, _) = block { html } else { "" }
    }
    #expect(html[0] == "Mean <em>squared</em> error")
    #expect(headings[0].text == "Mean squared error")
    #expect(headings[3].text == "Ünïcode & x_1!")
    #expect(html[3] == "Ünïcode &amp; \u{E000}0\u{E001}!")
    #expect(headings.map(\.location) == [loc(4, 1), loc(6, 1), loc(8, 1), loc(11, 1)])
}

@Test func blocksKeepTheirPositions() {
    let source = "---\ntitle: T\n---\n\nPara one\ncontinues.\n\n> quote\n\n```python\nprint(1)\n```\n\n    indented\n"
    let chapter = Chapter.parse(source: source, path: "chapters/01-loss.md")
    #expect(chapter.htmlBlocks == [
        .prose(html: "<p>Para one\ncontinues.</p>\n", location: loc(5, 1)),
        .prose(html: "<blockquote>\n<p>quote</p>\n</blockquote>\n", location: loc(8, 1)),
        .code(language: "python", code: "print(1)\n", location: loc(10, 1)),
        .code(language: "", code: "indented\n", location: loc(14, 5)),
    ])
}

@Test func rawHTMLIsOmittedWithAWarning() {
    let chapter = Chapter.parse(source: "---\ntitle: T\n---\n<div>\nhi\n</div>\n", path: "chapters/01-loss.md")
    #expect(chapter.htmlBlocks == [.prose(html: "<!-- raw HTML omitted -->\n", location: loc(4, 1))])
    #expect(chapter.diagnostics.map(\.severity) == [.warning])
    #expect(chapter.diagnostics.first?.location == loc(4, 1))
}

@Test func htmlCommentsAreDroppedSilently() {
    let chapter = Chapter.parse(source: "---\ntitle: T\n---\n<!-- todo -->\n\nText <!-- x --> here\n", path: "chapters/01-loss.md")
    #expect(chapter.diagnostics.isEmpty)
    #expect(chapter.htmlBlocks.first == .prose(html: "<!-- raw HTML omitted -->\n", location: loc(4, 1)))
}

@Test func runCellInsideAListWarns() {
    let chapter = Chapter.parse(source: "---\ntitle: T\n---\n- item\n\n  ```run train\n  a: 1\n  ```\n", path: "chapters/01-loss.md")
    #expect(chapter.cells.isEmpty)
    #expect(chapter.diagnostics.map(\.message) == ["run cell inside a list or block quote is shown as code and not run"])
    #expect(chapter.diagnostics.first?.location == loc(6, 3))
}
