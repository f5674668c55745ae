import Foundation
import Testing
@testable import WorkbookKit

/// A two-edition workbook in a temporary folder: English in `chapters/`,
/// Japanese in `chapters/ja/`, the same cells with other captions and legend words.
private struct EditionWorkbook {
    let root: URL
    var chapters: URL { root.appendingPathComponent("chapters") }
    var output: URL { root.appendingPathComponent("output") }

    static let english = """
        ---
        title: Slopes
        ---
        The slope of a curve (@fig-curve) and its derivative (@tab-slope).

        ```run plot
        f: [x^2, 2*x]
        x: [0, 2]
        points: 21
        labels: [the curve, its slope]
        label: fig-curve
        caption: A curve and its slope
        ```

        ```run derivative
        f: x^2
        at: [1, 2]
        label: tab-slope
        caption: Derivatives of x squared
        ```

        """

    static let japanese = """
        ---
        title: 傾き
        ---
        曲線（@fig-curve）とその微分（@tab-slope）。

        ```run plot
        f: [x^2, 2*x]
        x: [0, 2]
        points: 21
        labels: [曲線, その傾き]
        label: fig-curve
        caption: 曲線とその傾き
        ```

        ```run derivative
        at: [1, 2]
        f: x^2
        label: tab-slope
        caption: x の 2 乗の微分
        echo: false
        ```

        """

    static let settings = """
        title: Workbook
        seed: 1
        editions:
          - lang: en
            chapters: .
          - lang: ja
            chapters: ja
            title: ワークブック

        """

    init(settings: String = EditionWorkbook.settings, japanese: String = EditionWorkbook.japanese) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("editions-\(UUID().uuidString)")
        let ja = root.appendingPathComponent("chapters/ja")
        try FileManager.default.createDirectory(at: ja, withIntermediateDirectories: true)
        try settings.write(to: chapters.appendingPathComponent("workbook.yml"), atomically: true, encoding: .utf8)
        try EditionWorkbook.english.write(to: chapters.appendingPathComponent("01-slopes.md"), atomically: true, encoding: .utf8)
        try japanese.write(to: ja.appendingPathComponent("01-slopes.md"), atomically: true, encoding: .utf8)
    }

    func build(edition: String? = nil) throws -> (reports: [EditionBuilder.Report], diagnostics: [String]) {
        var options = BuildOptions()
        options.chapters = chapters.path
        options.output = output.path
        options.jobs = 2
        let collected = EventCollector()
        let log = collected.log
        let reports = try EditionBuilder(options: options, only: edition, log: log).build()
        return (reports, collected.diagnostics)
    }

    func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func write(_ text: String, to path: String) throws {
        try text.write(to: chapters.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }
}

@Suite struct EditionBuildTests {
    @Test func bothEditionsRunEachCellOnce() throws {
        let workbook = try EditionWorkbook()
        defer { try? FileManager.default.removeItem(at: workbook.root) }
        let (reports, diagnostics) = try workbook.build()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(reports.map(\.language) == ["en", "ja"])
        #expect(reports.map(\.report.ran) == [2, 0])
        #expect(reports.map(\.report.cached) == [0, 2])

        // A prose edit (and a new caption) in one edition runs nothing.
        try workbook.write(EditionWorkbook.japanese.replacingOccurrences(of: "曲線（", with: "この曲線（")
            .replacingOccurrences(of: "caption: 曲線とその傾き", with: "caption: 放物線とその傾き"), to: "ja/01-slopes.md")
        let again = try workbook.build()
        #expect(again.reports.map(\.report.ran) == [0, 0])
        #expect(try workbook.page("ja/01-slopes.html").contains("放物線とその傾き"))
    }

    @Test func oneEditionAloneFillsTheCacheForTheOther() throws {
        let workbook = try EditionWorkbook()
        defer { try? FileManager.default.removeItem(at: workbook.root) }
        let japanese = try workbook.build(edition: "ja")
        #expect(japanese.reports.map(\.language) == ["ja"])
        #expect(japanese.reports[0].report.ran == 2)
        #expect(!FileManager.default.fileExists(atPath: workbook.output.appendingPathComponent("01-slopes.html").path))
        let all = try workbook.build()
        #expect(all.reports.map(\.report.ran) == [0, 0])
    }

    @Test func pagesNameTheirLanguageAndLinkTheOtherEdition() throws {
        let workbook = try EditionWorkbook()
        defer { try? FileManager.default.removeItem(at: workbook.root) }
        _ = try workbook.build()
        let english = try workbook.page("01-slopes.html"), japanese = try workbook.page("ja/01-slopes.html")
        #expect(english.contains("<html lang=\"en\">"))
        #expect(japanese.contains("<html lang=\"ja\">"))
        #expect(english.contains("<link rel=\"alternate\" hreflang=\"ja\" href=\"ja/01-slopes.html\">"))
        #expect(japanese.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"../01-slopes.html\">"))
        #expect(japanese.contains("<a href=\"../01-slopes.html\" hreflang=\"en\" lang=\"en\">English</a>"))
        #expect(english.contains("<a href=\"ja/01-slopes.html\" hreflang=\"ja\" lang=\"ja\">日本語</a>"))
        // Figure numbers agree: 図 1.1 ↔ Figure 1.1, in captions and in references.
        #expect(english.contains("<span class=\"figure-number\">Figure 1.1</span>"))
        #expect(japanese.contains("<span class=\"figure-number\">図 1.1</span>"))
        #expect(japanese.contains("<a class=\"xref\" href=\"#tab-slope\">図&nbsp;1.2</a>"))
        #expect(japanese.contains("第 1 章") && japanese.contains(">目次<") && japanese.contains("ワークブック"))
        // The tool's words and the chapter's legend words are the edition's own; numbers are the same.
        #expect(japanese.contains("中心差分") && !japanese.contains("central difference"))
        #expect(japanese.contains(">曲線</text>") && !japanese.contains(">the curve</text>"))
        #expect(english.contains(">the curve</text>"))
        let svg = try workbook.page("ja/01-slopes/fig-curve.svg")
        #expect(svg.contains("lang=\"ja\"") && svg.contains("Noto Sans CJK JP") && svg.contains(">その傾き</text>"))
        // echo: false is presentation: the Japanese cell hides its parameters, the English one shows them.
        #expect(english.components(separatedBy: "class=\"cell-params\"").count == 3)
        #expect(japanese.components(separatedBy: "class=\"cell-params\"").count == 2)
        #expect(try workbook.page("ja/index.html").contains("<html lang=\"ja\">"))
        #expect(try workbook.page("ja/directives.html").contains("<th scope=\"col\">パラメータ</th>"))
    }

    @Test func aMissingFolderAndALanguageWithoutTableAreWarningsAndTheRestBuilds() throws {
        let settings = EditionWorkbook.settings + """
              - lang: fr
                chapters: fr
              - lang: eo
                chapters: ja

            """
        let workbook = try EditionWorkbook(settings: settings)
        defer { try? FileManager.default.removeItem(at: workbook.root) }
        let (reports, diagnostics) = try workbook.build()
        let file = workbook.chapters.appendingPathComponent("workbook.yml").path
        #expect(diagnostics.contains { $0.hasPrefix("\(file):9:5: warning: chapters folder '") && $0.contains("of edition 'fr' does not exist") }, "\(diagnostics)")
        #expect(diagnostics.contains { $0.hasPrefix("\(file):11:5: warning: no string table for language 'eo'") }, "\(diagnostics)")
        #expect(reports.map(\.language) == ["en", "ja", "eo"])
        #expect(reports.map(\.report.ran) == [2, 0, 0])
        #expect(try workbook.page("eo/01-slopes.html").contains("<html lang=\"eo\">"))
        #expect(try workbook.page("eo/01-slopes.html").contains("Figure 1.1"))
    }

    @Test func cellsAndChaptersWithoutCounterpartAreLocatedWarnings() throws {
        let japanese = EditionWorkbook.japanese.replacingOccurrences(of: "label: tab-slope", with: "label: tab-slope-ja")
        let workbook = try EditionWorkbook(japanese: japanese)
        defer { try? FileManager.default.removeItem(at: workbook.root) }
        try workbook.write("---\ntitle: Extra\n---\nOnly in English.\n", to: "02-extra.md")
        let (reports, diagnostics) = try workbook.build()
        let ja = workbook.chapters.appendingPathComponent("ja/01-slopes.md").path
        let en = workbook.chapters.appendingPathComponent("01-slopes.md").path
        let extra = workbook.chapters.appendingPathComponent("02-extra.md").path
        #expect(diagnostics.contains { $0.hasPrefix("\(ja):18:8: warning: cell 'tab-slope-ja' is in edition 'ja' only") }, "\(diagnostics)")
        #expect(diagnostics.contains { $0.hasPrefix("\(en):18:8: warning: cell 'tab-slope' has no counterpart in edition 'ja'") }, "\(diagnostics)")
        #expect(diagnostics.contains { $0.hasPrefix("\(extra):1:1: warning: chapter '02-extra.md' has no counterpart in edition 'ja'") }, "\(diagnostics)")
        // Both editions build; the unpaired cell runs on its own (caption and label are not in the key, so it even shares the entry).
        #expect(reports.map(\.report.chapters) == [2, 1])
        #expect(reports.allSatisfy { $0.report.failed == 0 })
        // The Japanese page's switch leads to the English page, and from the English-only page to the Japanese index.
        #expect(try workbook.page("02-extra.html").contains("<a href=\"ja/index.html\" hreflang=\"ja\""))
    }

    @Test func aCellThatComputesSomethingElseIsAWarningAndRunsOnItsOwn() throws {
        let japanese = EditionWorkbook.japanese.replacingOccurrences(of: "at: [1, 2]", with: "at: [1, 3]")
        let workbook = try EditionWorkbook(japanese: japanese)
        defer { try? FileManager.default.removeItem(at: workbook.root) }
        let (reports, diagnostics) = try workbook.build()
        let ja = workbook.chapters.appendingPathComponent("ja/01-slopes.md").path
        #expect(diagnostics.contains { $0.hasPrefix("\(ja):15:8: warning: cell 'tab-slope' computes something other than its counterpart") }, "\(diagnostics)")
        #expect(reports.map(\.report.ran) == [2, 1])
    }

    @Test func editionsAreReadFromWorkbookYAMLWithLocatedErrors() {
        let yaml = """
            editions:
              - lang: en
              - lang: ja
                chapters: ja
                colour: red
              - lang: ja
              - lang: "../x"
              - chapters: nowhere
            """
        let (settings, diagnostics) = WorkbookSettings.parse(yaml: yaml, file: "workbook.yml")
        #expect(settings.editions.map(\.language) == ["en", "ja"])
        #expect(settings.editions.map(\.chapters) == [".", "ja"])
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
            "5:5 unknown edition setting 'colour'",
            "6:5 edition 'ja' is declared twice (first at line 3)",
            "7:5 language code '../x' may contain only letters, digits and '-'",
            "8:5 an edition needs 'lang', its language code",
        ])
    }

    @Test func editionLinksAreRelativeBetweenOutputFolders() {
        let en = EditionLayout(EditionDeclaration(language: "en"), index: 0, chapters: "chapters", output: "output")
        let ja = EditionLayout(EditionDeclaration(language: "ja", chapters: "ja"), index: 1, chapters: "chapters", output: "output")
        let ko = EditionLayout(EditionDeclaration(language: "ko", chapters: "ko"), index: 2, chapters: "chapters", output: "output")
        #expect(ja.chaptersFolder == "chapters/ja" && ja.outputFolder == "output/ja" && en.outputFolder == "output")
        #expect(en.relativePath(to: ja) == "ja/")
        #expect(ja.relativePath(to: en) == "../")
        #expect(ja.relativePath(to: ko) == "../ko/")
        #expect(ja.relativePath(to: ja) == "")
    }
}
