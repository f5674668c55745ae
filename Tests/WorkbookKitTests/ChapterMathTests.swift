import Testing
@testable import WorkbookKit

private func loc(_ line: Int, _ column: Int) -> WorkbookKit.SourceLocation {
    WorkbookKit.SourceLocation(file: "m.md", line: line, column: column)
}

private func parse(_ body: String) -> Chapter {
    Chapter.parse(source: "---\ntitle: T\n---\n" + body, path: "m.md")
}

private let p0 = MathPlaceholder.placeholder(for: 0)
private let p1 = MathPlaceholder.placeholder(for: 1)

@Test func placeholderShape() {
    #expect(MathPlaceholder.placeholder(for: 12) == "\u{E000}12\u{E001}")
}

@Test func inlineMathSurvivesMarkdownUntouched() {
    let chapter = parse("Output $y_{k}$ and $a*b*c \\{ \\\\$ end.\n")
    #expect(chapter.math == [
        MathSpan(tex: "y_{k}", display: false, location: loc(4, 8)),
        MathSpan(tex: "a*b*c \\{ \\\\", display: false, location: loc(4, 20)),
    ])
    #expect(chapter.htmlBlocks == [.prose(html: "<p>Output \(p0) and \(p1) end.</p>\n", location: loc(4, 1))])
}

@Test func displayMathAloneIsABlockParagraph() {
    let chapter = parse("\n$$E = \\frac{1}{2}\\sum_k (y_k - t_k)^2$$\n\nAfter\n")
    #expect(chapter.math == [MathSpan(tex: "E = \\frac{1}{2}\\sum_k (y_k - t_k)^2", display: true, location: loc(5, 1))])
    #expect(chapter.htmlBlocks == [
        .prose(html: "<p>\(p0)</p>\n", location: loc(5, 1)),
        .prose(html: "<p>After</p>\n", location: loc(7, 1)),
    ])
}

@Test func multiLineDisplayMathKeepsLaterLinesRight() {
    let chapter = parse("$$\nx_1 \\\\\n* y\n$$\n\n# Next\n")
    #expect(chapter.math.first?.tex == "\nx_1 \\\\\n* y\n")
    #expect(chapter.htmlBlocks == [
        .prose(html: "<p>\(p0)</p>\n", location: loc(4, 1)),
        .heading(level: 1, text: "Next", id: "next", html: "Next", location: loc(9, 1)),
    ])
}

@Test func escapedDollarsAndPricesAreNotMath() {
    let chapter = parse("It costs \\$5 or $6 and $7.\n")
    #expect(chapter.math.isEmpty)
    #expect(chapter.htmlBlocks.first == .prose(html: "<p>It costs $5 or $6 and $7.</p>\n", location: loc(4, 1)))
}

@Test func mathInCodeIsUntouched() {
    let chapter = parse("Code `$x_1$` and ``a ` $y$`` here.\n\n```\n$z$\n```\n\n    $w$\n")
    #expect(chapter.math.isEmpty)
    #expect(chapter.htmlBlocks == [
        .prose(html: "<p>Code <code>$x_1$</code> and <code>a ` $y$</code> here.</p>\n", location: loc(4, 1)),
        .code(language: "", code: "$z$\n", location: loc(6, 1)),
        .code(language: "", code: "$w$\n", location: loc(10, 5)),
    ])
}

@Test func unclosedDisplayMathIsAnError() {
    let chapter = parse("Text $$x + y\n\nMore\n")
    #expect(chapter.math.isEmpty)
    #expect(chapter.diagnostics.map(\.message) == ["unclosed display math '$$'"])
    #expect(chapter.diagnostics.first?.location == loc(4, 6))
    #expect(chapter.diagnostics.first?.length == 2)
}

@Test func referencesAreRecordedOutsideCodeAndEmails() {
    // One detector: what is recorded here is exactly what the page links (by placeholder).
    let chapter = parse("See @fig-loss, @eq_1. and `@code` or me@mail.org or @example.com.\n")
    #expect(chapter.references == [
        CrossReference(label: "fig-loss", location: loc(4, 5)),
        CrossReference(label: "eq_1", location: loc(4, 16)),
    ])
    #expect(chapter.htmlBlocks.first == .prose(
        html: "<p>See \(ReferencePlaceholder.placeholder(for: 0)), \(ReferencePlaceholder.placeholder(for: 1)). and <code>@code</code> or me@mail.org or @example.com.</p>\n",
        location: loc(4, 1)))
}

/// After punctuation of any script a reference starts (a Japanese sentence writes `、@fig-a`);
/// after a letter of any script it does not (`図@x` is a word).
@Test func referencesAfterJapanesePunctuationButNotAfterLetters() {
    let chapter = parse("損失は、@fig-a（@fig-b）で図@x\n")
    #expect(chapter.references.map(\.label) == ["fig-a", "fig-b"])
}

@Test func mathInQuotedFenceIsUntouched() {
    let chapter = parse("> ~~~\n> $q$\n> ~~~\n\n> and $r$\n")
    #expect(chapter.math.map(\.tex) == ["r"])
    #expect(chapter.math.first?.location == loc(8, 7))
}

@Test func mathAndReferencesInURLsGetTheirTextBack() {
    // A placeholder cmark put in a destination, a title or an autolink is no math and no reference.
    let chapter = parse("[a](http://x.org/$5$ \"t @fig-t\") <https://x.org/@me> and $y$ @fig-a\n")
    #expect(chapter.math.map(\.tex) == ["y"])
    #expect(chapter.references.map(\.label) == ["fig-a"])
    #expect(chapter.htmlBlocks.first == .prose(
        html: "<p><a href=\"http://x.org/$5$\" title=\"t @fig-t\">a</a> <a href=\"https://x.org/@me\">https://x.org/@me</a> and \(p0) \(ReferencePlaceholder.placeholder(for: 0))</p>\n",
        location: loc(4, 1)))
}

@Test func mathAndReferenceNodesHaveTheirRangesInTheFile() {
    let chapter = parse("A $x_1$ and @fig-a *b*\n")
    guard case .prose(let block, _)? = chapter.blocks.first, case .paragraph(let inlines) = block.kind else {
        Issue.record("no paragraph"); return
    }
    #expect(inlines.map(\.range.description) == ["4:1-4:2", "4:3-4:7", "4:8-4:12", "4:13-4:18", "4:19-4:19", "4:20-4:22"])
    #expect(inlines[1].kind == .math(MathSpan(tex: "x_1", display: false, location: loc(4, 3))))
    #expect(inlines[3].kind == .reference(CrossReference(label: "fig-a", location: loc(4, 13))))
}

// Math and references are scanned where cmark's block structure puts prose
// (ProseOutline), not where a second block scanner guessed it.

@Test func aFenceInAQuoteEndsWithTheQuote() {
    // The quote's end closes its fence; the paragraph after it is prose.
    let chapter = parse("> ```\n> $a$\n\nThen $b$ here.\n")
    #expect(chapter.math.map(\.tex) == ["b"])
    #expect(chapter.diagnostics.isEmpty)
}

@Test func indentedCodeInAListItemIsCode() {
    // Four columns past the item's content are code, as cmark reads it.
    let chapter = parse("- item\n\n      $code$ @fig-x\n")
    #expect(chapter.math.isEmpty)
    #expect(chapter.references.isEmpty)
}

@Test func rawHTMLAndLinkDefinitionsAreNotProse() {
    let chapter = parse("<div>\n$x$\n</div>\n\n[r]: http://x.org/@me\n\n[a][r] and $y$\n")
    #expect(chapter.math.map(\.tex) == ["y"])
    #expect(chapter.references.isEmpty)
}

@Test func displayMathMaySpanALineThatLooksLikeAListItem() {
    let chapter = parse("$$\na\n- b\n+ c\n$$\n")
    #expect(chapter.math.map(\.tex) == ["\na\n- b\n+ c\n"])
    #expect(chapter.htmlBlocks == [.prose(html: "<p>\(p0)</p>\n", location: loc(4, 1))])
}

@Test func unclosedFencesWarnWhereverTheyAreAndOnlyThen() {
    func warnings(_ body: String) -> [WorkbookKit.SourceLocation] {
        parse(body).diagnostics.filter { $0.message.hasPrefix("code fence is not closed") }.map(\.location)
    }
    #expect(warnings("- ```\n  code\n") == [loc(4, 3)])
    #expect(warnings("Text\n\n~~~~\na\n~~~\n") == [loc(6, 1)])   // a shorter fence does not close
    #expect(warnings("```\n") == [loc(4, 1)])
    #expect(warnings("```\na\n```\n").isEmpty)
    #expect(warnings("```\na\n```").isEmpty)
    #expect(warnings("    ```\n    x\n").isEmpty)                 // indented code that shows a fence
    #expect(warnings("> ```\n> a\n\nz\n").isEmpty)                // closed by the end of its quote
}
