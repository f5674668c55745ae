import Foundation
import Testing
@testable import WorkbookKit

/// The HTML of the fixture chapter's page, compared byte for byte with
/// `Golden/page-fixture.html`. Re-record with `RECORD_GOLDENS=1 swift test`
/// and review the diff.
@Test func fixturePageMatchesTheGoldenFile() throws {
    let source = try String(contentsOf: Bundle.module.resourceURL!
        .appendingPathComponent("Fixtures/e2e/chapters/01-fixture.md"), encoding: .utf8)
    let chapter = Chapter.parse(source: source, path: "chapters/01-fixture.md")
    let context = RunContext(defaultSeed: 1, data: DataProvider(configured: nil, workbookRoot: "/nonexistent"), sourceRoot: "/nonexistent")
    let executor = Executor(registry: .standard, cache: nil, readCache: false, context: context, jobs: 1)
    let plans = executor.plan([chapter])
    let results = executor.run(plans) { _ in }
    let site = SiteMapBuilder.make(title: "Fixture workbook", chapters: [chapter], plans: plans)
    let math = MathRendering.render(chapter)
    let page = ChapterPageRenderer(
        chapter: chapter, number: 1, results: results,
        figureFiles: ["fig-loss": ["01-fixture/fig-loss.svg"]],
        prose: ProseRenderer(math: math.html, site: site, currentFile: "01-fixture.html"),
        site: site, diagnosticText: { $0.formatted(source: source) }).render()
    try expectGolden(page, named: "page-fixture.html")
}

/// Compares `text` with a golden file, or writes it when RECORD_GOLDENS=1.
func expectGolden(_ text: String, named name: String, filePath: String = #filePath) throws {
    if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let url = Bundle.module.resourceURL!.appendingPathComponent("Golden/\(name)")
    let golden = try String(contentsOf: url, encoding: .utf8)
    #expect(text == golden, "\(name) differs from its golden file; re-record with RECORD_GOLDENS=1 and review the diff")
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
    let source = "---\ntitle: T\n---\n\n```run loss\ny: [0.5, 0.5]\nt: 1\necho: false\n```\n"
    let chapter = Chapter.parse(source: source, path: "chapters/01-t.md")
    let context = RunContext(defaultSeed: 1, data: DataProvider(configured: nil, workbookRoot: "/nonexistent"), sourceRoot: "/nonexistent")
    let executor = Executor(registry: .standard, cache: nil, readCache: false, context: context, jobs: 1)
    let plans = executor.plan([chapter])
    let results = executor.run(plans) { _ in }
    let site = SiteMapBuilder.make(title: "W", chapters: [chapter], plans: plans)
    let page = ChapterPageRenderer(chapter: chapter, number: 1, results: results, figureFiles: [:],
                                   prose: ProseRenderer(math: [], site: site, currentFile: "01-t.html"),
                                   site: site, diagnosticText: { $0.formatted(source: source) }).render()
    #expect(!page.contains("cell-params"))
    #expect(page.contains("cross-entropy"))
}
