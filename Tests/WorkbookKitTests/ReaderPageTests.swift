import Foundation
import Testing
@testable import WorkbookKit

/// The pages as a reader meets them: numbers in two precisions and each once,
/// the map to the book, failed cells with their captions, errors on the
/// index, Japanese terms marked, keyboard links.

private func page(_ source: String, path: String = "chapters/01-t.md") -> (page: String, index: String, chapter: Chapter) {
    let chapter = Chapter.parse(source: source, path: path)
    let context = RunContext(defaultSeed: 1, data: DataProvider(configured: nil, workbookRoot: "/nonexistent"), sourceRoot: "/nonexistent")
    let (plans, results) = planAndRun([chapter], context: context)
    let site = SiteMapBuilder.make(title: "T", chapters: [chapter], plans: plans)
    let html = ChapterPageRenderer(
        chapter: chapter, number: 1, results: results, figureFiles: [:],
        prose: ProseRenderer(mathML: MathRendering.render(chapter).html, of: chapter, site: site, currentFile: chapter.slug + ".html"),
        site: site, diagnosticText: { $0.formatted(source: source) }).render()
    let index = IndexPageRenderer(site: site, errors: IndexPageRenderer.errors(chapters: [chapter], cells: zip(plans, results).map { ($0.chapterIndex, $1) })).render()
    return (html, index, chapter)
}

@Test func numbersShowAReadingValueAndTheExactDigits() {
    // Exact: tolerance 0 (text).
    #expect(OutputRenderer.readingText(0.09750000000000003) == "0.0975")
    #expect(OutputRenderer.readingText(0.1999999999990898) == "0.2")
    #expect(OutputRenderer.readingText(0.83275) == "0.83275")
    #expect(OutputRenderer.readingText(1.0373788922158197e-18) == "1.03738e-18")
    #expect(OutputRenderer.readingText(25) == "25.0")
    #expect(OutputRenderer.readingText(.infinity) == "inf")
    #expect(OutputRenderer.number(0.09750000000000003)
            == "<data value=\"0.09750000000000003\">0.0975</data><span class=\"exact\">0.09750000000000003</span>")
    #expect(OutputRenderer.number(0.5) == "<data value=\"0.5\">0.5</data>")
}

@Test func aValueAlreadyInTheCellsTableIsNotListedAgain() {
    let table = OutputTable(name: "t", columns: ["a", "b"], rows: [[.number(0.25), .number(1.0 / 3)]])
    let html = OutputRenderer.render([.table(table), .value(key: "b", name: "b again", value: 1.0 / 3), .value(key: "other", name: "other", value: 7)],
                                     figureFiles: [])
    #expect(!html.contains("b again"))
    #expect(html.contains("other"))
    #expect(html.components(separatedBy: "0.3333333333333333").count - 1 == 2)  // data value + exact line, once
}

@Test func wideFiguresAreMarkedToScrollOnAPhone() {
    let wide = OutputFigure(name: "f", svg: "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"990\" height=\"360\"></svg>")
    let narrow = OutputFigure(name: "f", svg: "<svg width=\"560\" height=\"520\"></svg>")
    #expect(OutputRenderer.render([.figure(wide)], figureFiles: []).contains("class=\"plot wide\""))
    #expect(OutputRenderer.render([.figure(narrow)], figureFiles: []).contains("class=\"plot\""))
}

private let mapped = """
---
title: Loss (損失関数)
book:
  sum-of-squares: 4.2.1
  fig-sse: 4-2
  fig-cee: [図4-3, 図4-4]
---

## Sum of squares

```run loss
y: [0.1, 0.9]
t: 1
label: fig-sse
```

```run loss
y: [0.1, 0.9]
t: 1
label: fig-cee
```
"""

@Test func theBookMapNamesSectionsAndFigures() throws {
    let (html, index, chapter) = page(mapped)
    #expect(chapter.diagnostics.isEmpty, "\(chapter.diagnostics)")
    #expect(chapter.book["fig-sse"] == ["図4-2"])
    #expect(chapter.book["fig-cee"] == ["図4-3", "図4-4"])
    #expect(html.contains("Sum of squares<span class=\"book-ref\">book 4.2.1</span>"))
    #expect(html.contains("<span class=\"figure-number\">Figure 1.2</span><span class=\"book-ref\">(<span lang=\"ja\">図</span>4-3, <span lang=\"ja\">図</span>4-4)</span>"))
    // The index: sections first, then figures in the book's order.
    let rows = index.components(separatedBy: "<tr><td>").dropFirst().map { $0.prefix(90) }
    #expect(rows.count == 4)
    #expect(rows[0].hasPrefix("4.2.1</td>"))
    #expect(rows[1].hasPrefix("<span lang=\"ja\">図</span>4-2</td><td><a href=\"01-t.html#fig-sse\">Figure 1.1"))
    #expect(rows[3].hasPrefix("<span lang=\"ja\">図</span>4-4</td>"))
}

@Test func aBookKeyThatNamesNothingIsAWarningAtTheKey() throws {
    let source = "---\ntitle: T\nbook:\n  fig-nope: 図4-1\n  intro: 4-x\n---\n\n## Intro\n"
    let chapter = Chapter.parse(source: source, path: "chapters/01-t.md")
    let messages = chapter.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
    #expect(messages.contains("4:3 'fig-nope' in 'book' is neither a heading id nor a cell label of this chapter"))
    #expect(messages.contains("5:10 '4-x' is not a section or figure of the book"))
    #expect(chapter.diagnostics.allSatisfy { $0.severity == .warning })
}

@Test func aFailedCellKeepsItsCaptionAndTheIndexLinksToIt() throws {
    let source = "---\ntitle: T\n---\n\n```run loss\ny: [0.1, 0.9]\nt: 1\nfunctions: [msee]\nlabel: fig-bad\ncaption: The loss of a bad cell\n```\n"
    let (html, index, _) = page(source)
    #expect(html.contains("cell-failed"))
    #expect(html.contains("<span class=\"figure-number\">Figure 1.1</span>: The loss of a bad cell</figcaption>"))
    #expect(index.contains("<a class=\"chapter-errors\" href=\"01-t.html#fig-bad\">1 error</a>"))
}

@Test func japaneseRunsAreMarkedOutsideTagsSVGAndMath() {
    let html = "<p title=\"勾配\">The gradient (勾配), 2乗和誤差.</p><svg><text>損失</text></svg><math><mtext>損失</mtext></math><p>ミニバッチ</p>"
    #expect(JapaneseSpans.mark(html) == "<p title=\"勾配\">The gradient (<span lang=\"ja\">勾配</span>), 2<span lang=\"ja\">乗和誤差</span>.</p><svg><text>損失</text></svg><math><mtext>損失</mtext></math><p><span lang=\"ja\">ミニバッチ</span></p>")
    #expect(JapaneseSpans.mark("<p lang=\"ja\">勾配</p>") == "<p lang=\"ja\">勾配</p>")
}

@Test func previousAndNextChaptersHaveAccessKeys() throws {
    let chapters = [Chapter.parse(source: "---\ntitle: A\n---\n", path: "chapters/01-a.md"),
                    Chapter.parse(source: "---\ntitle: B\n---\n", path: "chapters/02-b.md")]
    let site = SiteMapBuilder.make(title: "T", chapters: chapters, plans: [])
    let html = ChapterPageRenderer(chapter: chapters[1], number: 2, results: [], figureFiles: [:],
                                   prose: ProseRenderer(site: site, currentFile: "02-b.html"),
                                   site: site, diagnosticText: { $0.message }).render()
    #expect(html.contains("<a class=\"prev\" rel=\"prev\" accesskey=\"p\" href=\"01-a.html\">"))
    #expect(!html.contains("<script"))
}
