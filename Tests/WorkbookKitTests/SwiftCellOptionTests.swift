import Testing
@testable import WorkbookKit

@Suite struct SwiftCellOptionTests {
    let at = SourceLocation(file: "chapters/01-x.md", line: 10, column: 1)

    @Test func leadingOptionLinesAreReadAndTheCodeStartsAfterThem() {
        let cell = SwiftCellSource(body: "//| label: fig-mine\n//| caption: \"My own: descent\"\n//| echo: false\n//| timeout: 2.5\nlet x = 1\n//| not an option any more\n", bodyLocation: at)
        #expect(cell.diagnostics.isEmpty)
        #expect(cell.options == SwiftCellOptions(label: "fig-mine", caption: "My own: descent", echo: false, timeout: 2.5))
        #expect(cell.code == "let x = 1\n//| not an option any more\n")
        #expect(cell.codeLocation.line == 14)
        #expect(cell.lineCount == 2)
    }

    @Test func unknownOptionIsReportedAtItsColumnWithDidYouMean() {
        let cell = SwiftCellSource(body: "//| lable: fig-a\nprint(1)\n", bodyLocation: at)
        #expect(cell.diagnostics.count == 1)
        let d = cell.diagnostics[0]
        #expect(d.severity == .error)
        #expect(d.message == "unknown option 'lable' for a Swift cell")
        #expect(d.location == SourceLocation(file: "chapters/01-x.md", line: 10, column: 5))
        #expect(d.length == 5)
        #expect(d.hint == "did you mean 'label'?")
        #expect(d.formatted(source: String(repeating: "\n", count: 9) + "//| lable: fig-a\n") ==
            "chapters/01-x.md:10:5: error: unknown option 'lable' for a Swift cell\n//| lable: fig-a\n    ^~~~~\nnote: did you mean 'label'?")
    }

    @Test func badValuesAreReportedAtTheValue() {
        let cell = SwiftCellSource(body: "//| echo: maybe\n//| timeout: -1\n//| label: two words\n", bodyLocation: at)
        #expect(cell.diagnostics.map(\.message) == [
            "'echo' expects true or false, found 'maybe'",
            "'timeout' expects a positive number of seconds, found '-1'",
            "'label' expects one word such as 'fig-descent'",
        ])
        #expect(cell.diagnostics.map(\.location.column) == [11, 14, 12])
        #expect(cell.diagnostics.map(\.location.line) == [10, 11, 12])
    }

    @Test func aBodyWithoutOptionsIsAllCode() {
        let cell = SwiftCellSource(body: "print(\"hi\")\n", bodyLocation: at)
        #expect(cell.options == SwiftCellOptions())
        #expect(cell.code == "print(\"hi\")\n")
        #expect(cell.codeLocation == at)
    }
}

@Suite struct SwiftProgramTests {
    @Test func cellsAreConcatenatedInOrderWithSourceLocationsAndMarkers() {
        let chapter = SwiftCellChapter(["let a = 1\n", "//| label: b\nprint(a)\n"])
        let program = SwiftProgram(file: chapter.file, cells: chapter.cells)
        #expect(program.text == """
            import Foundation
            import DeepLearning
            import SVGPlot
            import WorkbookCellSupport
            _workbookCellBegin(0)
            #sourceLocation(file: "chapters/01-cells.md", line: 6)
            let a = 1
            #sourceLocation()
            _workbookCellEnd(0)
            _workbookCellBegin(1)
            #sourceLocation(file: "chapters/01-cells.md", line: 13)
            print(a)
            #sourceLocation()
            _workbookCellEnd(1)

            """)
        #expect(chapter.line(of: "print(a)") == 13)
        #expect(program.cell(atLine: 6) == 0)
        #expect(program.cell(atLine: 13) == 1)
        #expect(program.cell(atLine: 9) == nil)
    }

    @Test func fileNamesAreSwiftStringLiterals() {
        #expect(SwiftProgram.literal("a\"b\\c.md") == "\"a\\\"b\\\\c.md\"")
    }
}
