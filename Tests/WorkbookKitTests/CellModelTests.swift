import Foundation
import Testing
@testable import WorkbookKit

/// The run cell as the parse step leaves it: its label and its own problems
/// are on the node, read by the one YAML path, and the plan starts from them.
@Suite struct CellModelTests {
    private func parse(_ body: String) -> Chapter {
        Chapter.parse(source: "---\ntitle: T\n---\n" + body, path: "c.md")
    }

    private func loc(_ line: Int, _ column: Int) -> WorkbookKit.SourceLocation { SourceLocation(file: "c.md", line: line, column: column) }

    @Test func aLabelBeforeTheYAMLErrorIsKnownAtParseTime() throws {
        // Lines: 4 blank, 5 fence, 6 label, 7 y (unclosed), 8 t, 9 fence.
        let chapter = parse("\n```run loss\nlabel: fig-x\ny: [0.1, 0.9\nt: 1\n```\n")
        let cell = try #require(chapter.cells.first)
        #expect(cell.labelText == "fig-x")
        #expect(cell.parameters.isEmpty)
        #expect(cell.stoppedAt == loc(8, 2))
    }

    @Test func aLabelAfterTheYAMLErrorIsNotKnown() throws {
        let cell = try #require(parse("\n```run loss\ny: [0.1\nlabel: fig-x\n```\n").cells.first)
        #expect(cell.labelText == nil)
        #expect(cell.stoppedAt != nil)
    }

    @Test func pairsBeforeAnErrorThatClosesAnEarlierConstructAreKept() throws {
        // The error is found at the end of the text; the quote opened on line 7.
        let cell = try #require(parse("\n```run loss\nlabel: fig-q\ncaption: \"open\nt: 1\n```\n").cells.first)
        #expect(cell.labelText == "fig-q")
    }

    @Test func aCellsProblemsAreOnItsNodeAndOnceInTheChaptersList() throws {
        let chapter = parse("\n```run loss extra\nlabel: fig-a\nt: 1\nt: 2\n```\n\n```run loss\ny: 1 # \u{0}\n```\nAfter \u{0}\n")
        let cells = chapter.cells
        #expect(cells[0].diagnostics.map(\.message) == [
            "unexpected text after directive name 'loss'", "duplicate key 't' in run cell body"])
        // The control character on the cell's line belongs to it; the one on the
        // line after its closing fence belongs to the prose.
        #expect(cells[1].diagnostics.map(\.location) == [loc(12, 8)])
        #expect(chapter.diagnostics.map(\.location) == [loc(5, 8), loc(8, 1), loc(12, 8), loc(14, 7)])
        #expect(chapter.diagnostics.filter { d in cells.contains { $0.diagnostics.contains(d) } }.count == 3)
    }

    @Test func aSwiftCellsOptionProblemsAreOnItsNode() throws {
        let cell = try #require(parse("\n```swift run\n//| lable: fig-a\nprint(1)\n```\n").cells.first)
        #expect(cell.diagnostics.map(\.message) == ["unknown option 'lable' for a Swift cell"])
        #expect(cell.diagnostics.first?.location == loc(6, 5))
    }

    @Test func aYAMLMistakeInALabelledCellIsOneError() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let options = try workbookOptions(in: root, chapters: [
            "01-c.md": "---\ntitle: T\n---\n\nSee @fig-x.\n\n```run loss\nlabel: fig-x\ny: [0.1, 0.9\nt: 1\n```\n"])
        let report = try WorkbookBuilder(options: options, log: .silent).build()
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.message) == [
            "run cell body is not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"])
        let page = try String(contentsOfFile: options.output + "/01-c.html", encoding: .utf8)
        #expect(page.contains("<a class=\"xref\" href=\"#fig-x\">"))
    }

    @Test func aReferenceToALabelAfterTheErrorNamesTheCell() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let options = try workbookOptions(in: root, chapters: [
            "01-c.md": "---\ntitle: T\n---\n\nSee @fig-x.\n\n```run loss\ny: [0.1\nlabel: fig-x\n```\n"])
        let report = try WorkbookBuilder(options: options, log: .silent).build()
        let unknown = try #require(report.diagnostics.first { $0.message == "reference to unknown label '@fig-x'" })
        #expect(unknown.hint == "the cell at line 7 stops at a YAML error; a label written after the error is not known until it is fixed")
        #expect(report.diagnostics.filter { $0.severity == .error }.count == 2)
    }

    @Test func anUnquotedValueWithAColonIsAnErrorWithAHint() throws {
        let chapter = parse("\n```run loss\ncaption: Loss: the first steps\n```\n")
        let error = try #require(chapter.diagnostics.first)
        #expect(error.message == "run cell body is not valid YAML: mapping values are not allowed in this context")
        #expect(error.location == loc(6, 14))
        #expect(error.hint == "a value that holds ': ' is written in quotes, e.g. caption: \"Loss: the first steps\"")
    }

    @Test func aLineWithoutAColonIsReportedWhereItsWordsStart() throws {
        let chapter = parse("\n```run loss\nt: 1\njust words\n```\n")
        #expect(chapter.diagnostics.map(\.location) == [loc(7, 1)])
    }
}
