import Foundation
import Testing
@testable import WorkbookKit

/// Swift cells inside a whole build: the chapter parser, the plan, one
/// program per chapter, the page, the JSON record and the cache.
@Suite(.enabled(if: SwiftCellTestEnvironment.available, "needs swiftc and the tool's build products"))
struct SwiftCellBuildTests {
    static let good = """
        ---
        title: Mine
        ---

        As @fig-mine shows.

        ```swift run
        //| label: fig-mine
        //| caption: My own line
        func double(_ x: Double) -> Double { 2 * x }
        print("double", double(21))
        var axes = Axes(title: "line")
        axes.add(.line(x: [0, 1], y: [0, 2], label: "2x"))
        show(Figure(axes: [axes]))
        ```

        Prose between.

        ```swift run
        show(double(0.25), name: "quarter")
        check(double(0.25), equals: 0.5)
        ```

        ```run loss
        y: [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
        t: 2
        ```
        """

    static let trapping = """
        ---
        title: Trap
        ---

        ```swift run
        print("first")
        ```

        ```swift run
        let empty: [Int] = []
        print(empty[0])
        ```

        ```swift run
        //| lable: x
        print("never")
        ```
        """

    func build(_ chapters: [String: String], useCache: Bool = true, root: URL? = nil) throws -> (URL, BuildReport, [String], [String]) {
        let root = try root ?? makeTemporaryDirectory()
        let folder = root.appendingPathComponent("chapters")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in chapters { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        var options = BuildOptions()
        options.chapters = folder.path
        options.output = root.appendingPathComponent("output").path
        options.useCache = useCache
        options.jobs = 2
        let collected = EventCollector()
        let log = collected.log
        let report = try WorkbookBuilder(options: options, log: log).build()
        return (root, report, collected.diagnostics, collected.infos)
    }

    @Test func swiftCellsBuildIntoThePageAndTheRecordAndComeFromTheCacheAfterwards() throws {
        let (root, report, diagnostics, _) = try build(["01-mine.md": Self.good])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(report.ran == 3 && report.failed == 0)
        let page = try String(contentsOf: root.appendingPathComponent("output/01-mine.html"), encoding: .utf8)
        #expect(page.contains("<span class=\"cell-directive\">swift run</span>"))
        #expect(page.contains("double 42.0"))
        #expect(page.contains("✓ check passed — a number: agree within 1e-09"))
        #expect(page.contains("href=\"#fig-mine\""))
        #expect(page.contains("Figure 1.1</span>: My own line"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/01-mine/fig-mine.svg").path))
        let record = try String(contentsOf: root.appendingPathComponent("output/01-mine.json"), encoding: .utf8)
        #expect(record.contains("\"quarter\": {") && record.contains("\"value\": 0.5"))

        // Prose edits run nothing; editing the second cell reruns the program, not the directive.
        let edited = Self.good.replacingOccurrences(of: "Prose between.", with: "Other prose.")
        let (_, again, _, _) = try build(["01-mine.md": edited], root: root)
        #expect(again.ran == 0 && again.cached == 3)
        let changed = edited.replacingOccurrences(of: "double(0.25), name", with: "double(0.5), name")
        let (_, third, _, _) = try build(["01-mine.md": changed], root: root)
        #expect(third.ran == 2 && third.cached == 1)
        let newRecord = try String(contentsOf: root.appendingPathComponent("output/01-mine.json"), encoding: .utf8)
        #expect(newRecord.contains("\"quarter\": {") && newRecord.contains("\"value\": 1"))
    }

    @Test func aTrapAndABadOptionFailTheirChapterButNotTheOthers() throws {
        let (root, report, diagnostics, _) = try build(["01-mine.md": Self.good, "02-trap.md": Self.trapping])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(!report.succeeded)
        #expect(diagnostics.contains { $0.contains("chapters/02-trap.md:15:5: error: unknown option 'lable' for a Swift cell") && $0.contains("did you mean 'label'?") })
        let page = try String(contentsOf: root.appendingPathComponent("output/01-mine.html"), encoding: .utf8)
        #expect(page.contains("double 42.0"))

        // Without the bad option the program runs: the trap is at its line, the first cell keeps its output.
        let fixed = Self.trapping.replacingOccurrences(of: "//| lable: x\n", with: "")
        let (_, second, trapDiagnostics, _) = try build(["01-mine.md": Self.good, "02-trap.md": fixed], root: root)
        #expect(second.failed == 1)
        #expect(trapDiagnostics.contains { $0.contains("chapters/02-trap.md:11:") && $0.contains("error: trap: Fatal error: Index out of range") })
        let trapPage = try String(contentsOf: root.appendingPathComponent("output/02-trap.html"), encoding: .utf8)
        #expect(trapPage.contains("first"))
        #expect(trapPage.contains("not run: the program stopped in the Swift cell at line 10"))
    }
}
