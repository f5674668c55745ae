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

/// The `//|` lines are one YAML mapping, read by the path of run cell bodies.
@Suite struct SwiftCellOptionYAMLTests {
    let at = SourceLocation(file: "chapters/01-x.md", line: 10, column: 1)

    @Test func aQuotedCaptionMayHoldAColon() {
        let cell = SwiftCellSource(body: "//| caption: \"a: b\"\n//| label: 'fig-q'\nprint(1)\n", bodyLocation: at)
        #expect(cell.diagnostics.isEmpty)
        #expect(cell.options.caption == "a: b")
        #expect(cell.options.label == "fig-q")
        #expect(cell.parameters.map(\.value.location.column) == [14, 12])
    }

    @Test func anUnquotedColonInACaptionIsAYAMLErrorWithAHint() throws {
        let cell = SwiftCellSource(body: "//| caption: My net: its gradient\nprint(1)\n", bodyLocation: at)
        let error = try #require(cell.diagnostics.first)
        #expect(cell.diagnostics.count == 1)
        #expect(error.message == "the '//|' block is not valid YAML: mapping values are not allowed in this context")
        #expect(error.location == SourceLocation(file: "chapters/01-x.md", line: 10, column: 20))
        #expect(error.hint?.contains("in quotes") == true)
    }

    @Test func aBadValueInAnIndentedFenceIsAtItsColumn() {
        // The body of a fence indented by two: cmark removed the indentation, bodyLocation.column is 3.
        let cell = SwiftCellSource(body: "//|echo: maybe\n  //| timeout: 0\nlet x = 1\n",
                                   bodyLocation: SourceLocation(file: "c.md", line: 4, column: 3))
        #expect(cell.diagnostics.map(\.message) == [
            "'echo' expects true or false, found 'maybe'",
            "'timeout' expects a positive number of seconds, found '0'",
        ])
        #expect(cell.diagnostics.map(\.location) == [SourceLocation(file: "c.md", line: 4, column: 12),
                                                     SourceLocation(file: "c.md", line: 5, column: 18)])
        #expect(cell.diagnostics.map(\.length) == [5, 1])
        #expect(cell.code == "let x = 1\n")
    }

    @Test func aRepeatedOptionIsAnErrorAtTheRepeat() {
        let cell = SwiftCellSource(body: "//| label: a\n//| echo: false\n//| label: b\n", bodyLocation: at)
        #expect(cell.diagnostics == [.error(
            "duplicate key 'label' in the '//|' block", at: SourceLocation(file: "chapters/01-x.md", line: 12, column: 5),
            hint: "each key may appear only once; remove or rename one of them", length: 5)])
    }

    @Test func anErrorAtTheEndOfTheOptionsIsShownOnTheLastOptionLine() throws {
        let cell = SwiftCellSource(body: "//| label: fig-a\n//| caption: \"open\nlet x = 1\n", bodyLocation: at)
        let error = try #require(cell.diagnostics.first)
        #expect(error.location.line == 11)
        #expect(cell.code == "let x = 1\n")
        #expect(cell.pairsBeforeError.map(\.key) == ["label"])
    }

    @Test func optionsThatAreNotAMappingAreOneError() {
        let cell = SwiftCellSource(body: "//| just words\nprint(1)\n", bodyLocation: at)
        #expect(cell.diagnostics.map(\.message) == ["the '//|' block must be a mapping of 'key: value' lines"])
        #expect(cell.diagnostics.map(\.location.column) == [5])
        #expect(cell.diagnostics.first?.hint == "write one option per line, e.g. '//| label: fig-mine'")
    }

    @Test func aNonScalarValueSaysWhatItFound() {
        let cell = SwiftCellSource(body: "//| echo: [1, 2]\n//| caption: {a: 1}\n", bodyLocation: at)
        #expect(cell.diagnostics.map(\.message) == [
            "'echo' expects true or false, found a list", "'caption' expects text, found a mapping"])
    }
}
