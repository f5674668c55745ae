import Foundation
import Testing
@testable import WorkbookKit

/// Compiles and runs real Swift cells against the tool's own DeepLearning and
/// SVGPlot. Each test is one chapter program; the bad-input cases of issue 16
/// each have one here (the option case is in SwiftCellOptionTests, the
/// missing toolchain also in SwiftToolchainTests).
@Suite(.enabled(if: SwiftCellTestEnvironment.available, "needs swiftc and the tool's build products"))
struct SwiftCellRunTests {
    @Test func cellsShareStateAndShowPrintsValuesFiguresAndChecks() throws {
        let chapter = SwiftCellChapter([
            """
            func numericalDiff(_ f: (Double) -> Double, _ x: Double) -> Double {
                let h = 1e-4
                return (f(x + h) - f(x - h)) / (2 * h)
            }
            let slope = numericalDiff({ 0.01 * $0 * $0 + 0.1 * $0 }, 5)
            print("slope", slope)
            """,
            """
            //| label: fig-line
            //| caption: A line
            show(slope, name: "slope")
            check(slope, equals: numericalDerivative(of: { 0.01 * $0 * $0 + 0.1 * $0 }, at: 5), tolerance: 1e-12)
            check([1.0, 2.0, 3.0], equals: [1.0, 2.5, 3.0], tolerance: 0.1)
            var axes = Axes(title: "y = x")
            axes.add(.line(x: [0, 1], y: [0, 1], label: "y"))
            show(Figure(axes: [axes]))
            show(Table(columns: ["name", "value"], rows: [["slope", .number(slope)]]))
            print("end", terminator: "")
            """,
        ])
        let run = try SwiftCellTestEnvironment.run(chapter)
        #expect(run.cells.map(\.status) == [.finished, .finished], "\(run.cells.map(\.diagnostics))")
        #expect(run.cells[0].printed == "slope 0.1999999999990898\n")
        #expect(run.cells[0].diagnostics.isEmpty)
        let items = run.cells[1].items
        #expect(items.first == .output(.value(key: "slope", name: "slope", value: 0.1999999999990898)))
        #expect(run.cells[1].diagnostics.map(\.message) == ["check failed: 3 numbers: element 1 differs: 2.0 (yours) vs 2.5 (reference), difference 0.5 > tolerance 0.1"])
        let checks = items.compactMap { if case .check(let c) = $0 { c } else { nil } }
        try #require(checks.count == 2)
        #expect(checks.map(\.passed) == [true, false])
        #expect(checks[1].summary == "3 numbers: element 1 differs: 2.0 (yours) vs 2.5 (reference), difference 0.5 > tolerance 0.1")
        #expect(checks[1].location.line == chapter.line(of: "check([1.0"))
        #expect(run.cells[1].diagnostics.map(\.severity) == [.warning])
        #expect(run.cells[1].diagnostics.first?.location.line == chapter.line(of: "check([1.0"))
        #expect(items.contains { if case .output(.figure(let f)) = $0 { f.svg.hasPrefix("<svg") } else { false } })
        #expect(items.contains(.output(.table(OutputTable(name: "", columns: ["name", "value"], rows: [[.text("slope"), .number(0.1999999999990898)]])))))
        #expect(items.last == .printed("end"))
    }

    @Test func aSyntaxErrorIsReportedAtTheChapterLineAndNothingRuns() throws {
        let chapter = SwiftCellChapter(["let a = 1\n", "let b = [1, 2 3]\nprint(b)\n", "print(a)\n"])
        let run = try SwiftCellTestEnvironment.run(chapter)
        #expect(run.cells.map(\.status) == [.notRun, .failed, .notRun])
        let error = try #require(run.cells[1].errors.first)
        #expect(error.location.file == chapter.file)
        #expect(error.location == SourceLocation(file: chapter.file, line: chapter.line(of: "let b = [1, 2 3]"), column: 15))
        #expect(error.message == "expected ',' separator")
        #expect(error.hint == "fix-it: insert ','")
        #expect(run.cells[2].diagnostics.map(\.message) == ["not run: the chapter's Swift program did not compile"])
    }

    @Test func aTypeErrorHasItsColumnAndCaretLength() throws {
        let chapter = SwiftCellChapter(["let n: Int = \"three\"\n"])
        let run = try SwiftCellTestEnvironment.run(chapter)
        let error = try #require(run.cells[0].errors.first)
        #expect(error.message == "cannot convert value of type 'String' to specified type 'Int'")
        #expect(error.location == SourceLocation(file: chapter.file, line: chapter.line(of: "let n: Int"), column: 14))
        #expect(error.formatted(source: chapter.markdown).hasSuffix("let n: Int = \"three\"\n             ^~~~~~~"))
    }

    @Test func anUnknownIdentifierIsReportedInItsCell() throws {
        let chapter = SwiftCellChapter(["let x = 1.0\n", "print(numericalDif(x))\n"])
        let run = try SwiftCellTestEnvironment.run(chapter)
        #expect(run.cells[0].status == .notRun)
        let error = try #require(run.cells[1].errors.first)
        #expect(error.message == "cannot find 'numericalDif' in scope")
        #expect(error.location.line == chapter.line(of: "print(numericalDif"))
        #expect(error.location.column == 7)
    }

    @Test func aTrapIsReportedAtItsLineEarlierCellsKeepOutputsLaterCellsDoNotRun() throws {
        let chapter = SwiftCellChapter([
            "print(\"before\")\n",
            "func third(_ a: [Int]) -> Int {\n    a[2]\n}\nprint(\"in\")\nprint(third([1, 2]))\n",
            "print(\"after\")\n",
        ])
        let run = try SwiftCellTestEnvironment.run(chapter)
        #expect(run.cells.map(\.status) == [.finished, .failed, .notRun])
        #expect(run.cells[0].printed == "before\n")
        #expect(run.cells[1].printed == "in\n")
        let trap = try #require(run.cells[1].errors.first)
        #expect(trap.message == "trap: Fatal error: Index out of range")
        #expect(trap.location.line == chapter.line(of: "    a[2]"))
        #expect(trap.hint == "called from line \(chapter.line(of: "print(third"))")
        #expect(run.cells[2].diagnostics.map(\.message) == ["not run: the program stopped in the Swift cell at line \(chapter.line(of: "func third"))"])
    }

    @Test func nilUnwrapFatalErrorAndOverflowAreTrapsAtTheirLines() throws {
        for (code, message) in [
            ("let missing: Int? = nil\nprint(missing!)\n", "trap: Fatal error: Unexpectedly found nil while unwrapping an Optional value"),
            ("let k = 3\nif k > 2 { fatalError(\"k too big\") }\n", "trap: Fatal error: k too big"),
            ("var big = Int.max - 1\nfor _ in 0..<3 { big += 1 }\n", "trap: Swift runtime failure: arithmetic overflow"),
        ] {
            let chapter = SwiftCellChapter([code])
            let run = try SwiftCellTestEnvironment.run(chapter)
            let trap = try #require(run.cells[0].errors.first)
            #expect(trap.message == message)
            #expect(trap.location.line == chapter.line(of: String(code.split(separator: "\n")[1])))
        }
    }

    @Test func aRunawayLoopStopsAtTheCellsTimeout() throws {
        let chapter = SwiftCellChapter(["print(\"ok\")\n", "//| timeout: 1\nvar i = 0\nwhile true { i &+= 1 }\n", "print(\"never\")\n"])
        let run = try SwiftCellTestEnvironment.run(chapter)
        #expect(run.cells.map(\.status) == [.finished, .failed, .notRun])
        let error = try #require(run.cells[1].errors.first)
        #expect(error.message == "the cell ran longer than its timeout of 1.0 s and was stopped")
        #expect(error.location.line == chapter.line(of: "var i = 0"))
    }

    @Test func aCellPrintingWithoutEndIsCutAndStopped() throws {
        let chapter = SwiftCellChapter(["//| timeout: 2\nwhile true { print(String(repeating: \"x\", count: 1000)) }\n"])
        let run = try SwiftCellTestEnvironment.run(chapter, textLimit: 64 * 1024)
        let cell = run.cells[0]
        #expect(cell.status == .failed)
        #expect(cell.printed.hasPrefix(String(repeating: "x", count: 1000) + "\n"))
        #expect(cell.printed.utf8.count < 64 * 1024 + 200)
        #expect(cell.printed.contains("… output cut"))
        #expect(cell.diagnostics.contains { $0.severity == .warning && $0.message.hasPrefix("output cut at 65536 bytes") })
        #expect(cell.errors.first?.message.hasPrefix("the cell ran longer than its timeout") == true)
    }

    @Test func aMissingToolchainIsAnErrorAtTheFirstCell() throws {
        let chapter = SwiftCellChapter(["print(1)\n", "print(2)\n"])
        let missing = SwiftToolchain.Missing(lookedFor: ["WORKBOOK_SWIFTC (not set)"])
        let run = try SwiftCellTestEnvironment.run(chapter, toolchain: .failure(missing))
        #expect(run.cells.map(\.status) == [.failed, .notRun])
        #expect(run.cells[0].errors.map(\.message) == ["no Swift compiler found to compile Swift cells; looked for WORKBOOK_SWIFTC (not set)"])
    }

    @Test func theCompiledProgramIsReusedForTheSameCode() throws {
        let chapter = SwiftCellChapter(["let answer = 6 * 7\nprint(answer)\n"])
        let cache = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        let runner = SwiftChapterRunner(cacheDirectory: cache, workingDirectory: cache.path)
        let first = runner.run(file: chapter.file, cells: chapter.cells)
        let second = runner.run(file: chapter.file, cells: chapter.cells)
        #expect(!first.reusedBinary && second.reusedBinary)
        #expect(first.cells == second.cells)
        #expect(second.cells[0].printed == "42\n")
    }
}
