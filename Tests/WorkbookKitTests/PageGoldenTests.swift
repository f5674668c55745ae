import Foundation
import Testing
@testable import WorkbookKit

/// The HTML of the fixture chapter's page, compared byte for byte with
/// `Golden/page-fixture.html`. Re-record with `RECORD_GOLDENS=1 swift test`
/// and review the diff.
@Test func fixturePageMatchesTheGoldenFile() throws {
    let source = try String(contentsOf: Bundle.module.resourceURL!
        .appendingPathComponent("Fixtures/e2e/chapters/01-fixture.md"), encoding: .utf8)
    let page = renderPage(source, path: "chapters/01-fixture.md", figureFiles: ["fig-loss": ["01-fixture/fig-loss.svg"]])
    try GoldenFile.check(page, against: "page-fixture.html")
}

/// Runs every cell of one chapter (no cache, no data set) and renders its page.
private func renderPage(_ source: String, path: String, figureFiles: [String: [String]] = [:]) -> String {
    let chapter = Chapter.parse(source: source, path: path)
    let context = RunContext(defaultSeed: 1, data: DataProvider(configured: nil, workbookRoot: "/nonexistent"), sourceRoot: "/nonexistent")
    let (plans, results) = planAndRun([chapter], context: context)
    let site = SiteMapBuilder.make(title: "Fixture workbook", chapters: [chapter], plans: plans)
    return ChapterPageRenderer(
        chapter: chapter, number: 1, results: results, figureFiles: figureFiles,
        prose: ProseRenderer(mathML: MathRendering.render(chapter).html, of: chapter, site: site, currentFile: chapter.slug + ".html"),
        site: site, diagnosticText: { $0.formatted(source: source) }).render()
}

@Test func unknownTeXCommandIsADiagnosticAtItsColumn() throws {
    let source = "---\ntitle: T\n---\n\nThe rate $\\eta = \\lamda x$ here.\n"
    let chapter = Chapter.parse(source: source, path: "chapters/01-t.md")
    let rendered = MathRendering.render(chapter)
    let diagnostic = try #require(rendered.diagnostics.first)
    #expect(diagnostic.message.contains("\\lamda"))
    #expect(diagnostic.hint?.contains("\\lambda") == true)
    // `$` is at column 10; `\lamda` starts 8 characters into the TeX.
    #expect(diagnostic.location == WorkbookKit.SourceLocation(file: "chapters/01-t.md", line: 5, column: 18))
    #expect(rendered.html[0].contains("math-error"))
}

@Test func echoFalseHidesTheParameters() throws {
    let page = renderPage("---\ntitle: T\n---\n\n```run loss\ny: [0.5, 0.5]\nt: 1\necho: false\n```\n", path: "chapters/01-t.md")
    #expect(!page.contains("cell-params"))
    #expect(page.contains("cross-entropy"))
}

@Test func mathErrorColumnsCountBytesAfterNonASCIIText() throws {
    // Diagnostics count columns in UTF-8 bytes, like cmark and swiftc: "損失" is 6 bytes.
    let source = "---\ntitle: T\n---\n\n$\\text{損失} \\lamda$\n"
    let chapter = Chapter.parse(source: source, path: "chapters/01-t.md")
    let diagnostic = try #require(MathRendering.render(chapter).diagnostics.first)
    // `$` at column 1; "\text{損失} " is 10 characters but 14 bytes, so `\lamda` starts at byte column 16
    // (counting characters would say 12).
    #expect(diagnostic.location.column == 16)
}

/// The JSON record of a chapter with a `loss` cell of two predictions and a
/// `derivative` cell, compared byte for byte with `Golden/record-loss.json`:
/// the schema of README's "Outputs" (stable machine keys next to display names).
@Test func recordMatchesTheGoldenFile() throws {
    let source = """
        ---
        title: Record
        ---

        ```run loss
        y: [[0.1, 0.9], [0.6, 0.4]]
        t: 1
        label: fig-loss
        ```

        ```run derivative
        f: x^2
        at: [1, 2]
        ```
        """
    let chapter = Chapter.parse(source: source, path: "chapters/01-record.md")
    let context = RunContext(defaultSeed: 1, data: DataProvider(configured: nil, workbookRoot: "/nonexistent"), sourceRoot: "/nonexistent")
    let results = planAndRun([chapter], context: context).results
    let record = ChapterRecord.json(chapter: chapter, results: results, figureFiles: ["fig-loss": ["01-record/fig-loss.svg"]])
    try GoldenFile.check(record.render(), against: "record-loss.json")
}
