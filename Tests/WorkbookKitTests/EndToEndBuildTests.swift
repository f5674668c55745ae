import Foundation
import Testing
@testable import WorkbookKit

/// Builds the fixture workbook into a temporary folder and checks the page,
/// the JSON record and the diagnostics.
private func buildFixture(useCache: Bool = true, into root: URL? = nil) throws -> (root: URL, report: BuildReport, diagnostics: [String], lines: [String]) {
    let root = try root ?? {
        let r = try makeTemporaryDirectory()
        try FileManager.default.createDirectory(at: r.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        try copyFixture("e2e/chapters", to: r.appendingPathComponent("chapters"))
        return r
    }()
    var options = BuildOptions()
    options.chapters = root.appendingPathComponent("chapters").path
    options.output = root.appendingPathComponent("output").path
    options.useCache = useCache
    options.jobs = 2
    let collected = EventCollector()
    let log = collected.log
    let report = try WorkbookBuilder(options: options, log: log).build()
    return (root, report, collected.diagnostics, collected.infos)
}

/// Collects lines from any thread (the preview server's events in its tests).
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var diagnostics: [String] = []
    private(set) var infos: [String] = []
    func add(diagnostic: String) { lock.lock(); diagnostics.append(diagnostic); lock.unlock() }
    func add(info: String) { lock.lock(); infos.append(info); lock.unlock() }
}

/// Collects a build's events (from any thread) for a test to look at.
final class EventCollector: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var events: [BuildEvent] = []

    var log: BuildLog { BuildLog { event in self.lock.lock(); self.events.append(event); self.lock.unlock() } }

    /// The compiler-style text of every diagnostic event, in order.
    var diagnostics: [String] {
        events.compactMap { if case .diagnostic(_, let text) = $0 { text } else { nil } }
    }

    /// Every cell that is done, in completion order.
    var cells: [CellDone] {
        events.compactMap {
            switch $0 {
            case .cellFinished(let done), .cellCached(let done), .cellFailed(let done), .cellSkipped(let done): done
            default: nil
            }
        }
    }

    /// `chapters/01-x.md:5 plot fig-a (ran: new cell)` for each cell that is done.
    var infos: [String] { cells.map { "\($0.cell.place) \($0.cell.label) (\($0.reason))" } }
}

@Test func fixtureBuildsPagesRecordsAndDiagnostics() throws {
    let (root, report, diagnostics, _) = try buildFixture()
    defer { try? FileManager.default.removeItem(at: root) }
    let output = root.appendingPathComponent("output")

    // Two cells fail, one runs, and the build says so.
    #expect(report.ran == 1)
    #expect(report.failed == 2)
    #expect(!report.succeeded)

    // Diagnostics read like the compiler's, with the file, line and column.
    let chapterPath = root.appendingPathComponent("chapters/01-fixture.md").path
    #expect(diagnostics.contains { $0.hasPrefix("\(chapterPath):20:1: error: unknown parameter 'lrate'") })
    #expect(diagnostics.contains { $0.hasPrefix("\(chapterPath):23:8: error: unknown directive 'nosuch'") })

    // The page has the prose, the math as MathML, the values, the reference and the errors.
    let page = try String(contentsOf: output.appendingPathComponent("01-fixture.html"), encoding: .utf8)
    #expect(page.contains("<h1>Fixture chapter</h1>"))
    #expect(page.contains("<math"))
    #expect(page.contains("0.09750000000000003"))
    #expect(page.contains("<a class=\"xref\" href=\"#fig-loss\">Figure&nbsp;1.1</a>"))
    #expect(page.contains("unknown parameter &#39;lrate&#39;"))
    #expect(page.contains("class=\"cell-error\""))
    #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).contains("01-fixture.html"))
    #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("style.css").path))
    #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("directives.html").path))

    // The JSON record holds the values at full precision and the errors with their place.
    let data = try Data(contentsOf: output.appendingPathComponent("01-fixture.json"))
    let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let cells = try #require(record["cells"] as? [[String: Any]])
    #expect(cells.count == 3)
    #expect(cells[0]["label"] as? String == "fig-loss")
    #expect(cells[0]["status"] as? String == "ran")
    let values = try #require(cells[0]["values"] as? [String: [String: Any]])
    let crossEntropy = try #require(values["y[0].cross_entropy"])
    #expect(crossEntropy["name"] as? String == "cross-entropy")
    #expect(abs(try #require(crossEntropy["value"] as? Double) - 0.510825457099338) < 1e-12)  // the book's value, tolerance 1e-12
    #expect(cells[1]["status"] as? String == "error")
    let error = try #require(cells[1]["error"] as? [String: Any])
    #expect(error["line"] as? Int == 20)
    #expect(error["column"] as? Int == 1)
}

@Test func secondBuildComesFromTheCacheAndIsByteIdentical() throws {
    let first = try buildFixture()
    defer { try? FileManager.default.removeItem(at: first.root) }
    let page = first.root.appendingPathComponent("output/01-fixture.html")
    let before = try Data(contentsOf: page)
    let second = try buildFixture(into: first.root)
    #expect(second.report.ran == 0)
    #expect(second.report.cached == 1)
    #expect(try Data(contentsOf: page) == before)
}
