import Foundation
import Testing
@testable import WorkbookKit

/// A workbook of two chapters written by the test itself.
private func makeWorkbook() throws -> URL {
    let root = try makeTemporaryDirectory()
    let chapters = root.appendingPathComponent("chapters")
    try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
    try """
    ---
    title: One
    ---

    Prose of chapter one, with $y_{k}$ and a reference to @fig-b.

    ```run loss
    y: [0.1, 0.9]
    t: [0, 1]
    label: fig-a
    ```

    ```run plot
    f: [x^2, sigmoid(x)]
    x: [-2, 2]
    points: 50
    label: fig-b
    ```
    """.write(to: chapters.appendingPathComponent("01-one.md"), atomically: true, encoding: .utf8)
    try """
    ---
    title: Two
    ---

    ```run loss
    y: [0.2, 0.8]
    t: 1
    ```
    """.write(to: chapters.appendingPathComponent("02-two.md"), atomically: true, encoding: .utf8)
    return root
}

private func build(_ root: URL, output: String = "output", useCache: Bool = true, jobs: Int = 2) throws -> (BuildReport, [String]) {
    var options = BuildOptions()
    options.chapters = root.appendingPathComponent("chapters").path
    options.output = root.appendingPathComponent(output).path
    options.useCache = useCache
    options.jobs = jobs
    let lines = EventCollector()
    let report = try WorkbookBuilder(options: options, log: lines.log).build()
    return (report, lines.infos)
}

/// Every file under `directory` (relative path → bytes), leaving out the cache and the timings.
private func snapshot(_ directory: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: directory.path)!
    while let path = enumerator.nextObject() as? String {
        if path.hasPrefix(".cache") || path == "timings.json" { continue }
        var isDirectory: ObjCBool = false
        let full = directory.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: full.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[path] = try Data(contentsOf: full)
        }
    }
    return files
}

@Test func twoCleanBuildsAreByteIdentical() throws {
    let root = try makeWorkbook()
    defer { try? FileManager.default.removeItem(at: root) }
    let (first, _) = try build(root, output: "out-a", jobs: 1)
    let (second, _) = try build(root, output: "out-b", jobs: 2)
    #expect(first.ran == 3 && second.ran == 3)
    let a = try snapshot(root.appendingPathComponent("out-a"))
    let b = try snapshot(root.appendingPathComponent("out-b"))
    #expect(a.keys.sorted() == b.keys.sorted())
    #expect(a.count >= 8)  // 2 pages, 2 records, index, reference, stylesheet, figures
    for (path, data) in a {
        #expect(b[path] == data, "\(path) differs between two clean builds")
    }
}

@Test func editingProseRunsNoCellAndEditingACellRunsOnlyThatCell() throws {
    let root = try makeWorkbook()
    defer { try? FileManager.default.removeItem(at: root) }
    _ = try build(root)
    let chapter = root.appendingPathComponent("chapters/01-one.md")
    var text = try String(contentsOf: chapter, encoding: .utf8)

    text = text.replacingOccurrences(of: "Prose of chapter one", with: "Edited prose of chapter one")
    try text.write(to: chapter, atomically: true, encoding: .utf8)
    let (afterProse, _) = try build(root)
    #expect(afterProse.ran == 0)
    #expect(afterProse.cached == 3)
    let page = try String(contentsOf: root.appendingPathComponent("output/01-one.html"), encoding: .utf8)
    #expect(page.contains("Edited prose"))

    text = text.replacingOccurrences(of: "points: 50", with: "points: 60")
    try text.write(to: chapter, atomically: true, encoding: .utf8)
    let (afterCell, lines) = try build(root)
    #expect(afterCell.ran == 1)
    #expect(afterCell.cached == 2)
    #expect(lines.contains { $0.contains("fig-b") && $0.contains("(ran: points changed)") })
}

@Test func reorderingAndReformattingParametersKeepsTheCache() throws {
    let root = try makeWorkbook()
    defer { try? FileManager.default.removeItem(at: root) }
    _ = try build(root)
    let chapter = root.appendingPathComponent("chapters/02-two.md")
    var text = try String(contentsOf: chapter, encoding: .utf8)
    text = text.replacingOccurrences(of: "y: [0.2, 0.8]\nt: 1", with: "t: 1.0   # the label\ny:\n  - 0.20\n  - 0.8")
    try text.write(to: chapter, atomically: true, encoding: .utf8)
    let (report, _) = try build(root)
    #expect(report.ran == 0)
}

@Test func noCacheRunsEverythingAndADamagedEntryIsRebuilt() throws {
    let root = try makeWorkbook()
    defer { try? FileManager.default.removeItem(at: root) }
    _ = try build(root)
    let (again, _) = try build(root, useCache: false)
    #expect(again.ran == 3)
    let cache = root.appendingPathComponent("output/.cache")
    for name in try FileManager.default.contentsOfDirectory(atPath: cache.path) where !name.hasPrefix("last-") {
        try Data("{ not json".utf8).write(to: cache.appendingPathComponent(name))
    }
    let (repaired, _) = try build(root)
    #expect(repaired.ran == 3)
    #expect(repaired.succeeded)
}

@Test func unsafeLabelsAndUnknownReferencesAreDiagnostics() throws {
    let root = try makeWorkbook()
    defer { try? FileManager.default.removeItem(at: root) }
    let chapter = root.appendingPathComponent("chapters/02-two.md")
    try """
    ---
    title: Two
    ---

    See @fig-nowhere.

    ```run loss
    y: [0.2, 0.8]
    t: 1
    label: ../../x
    ```
    """.write(to: chapter, atomically: true, encoding: .utf8)
    var options = BuildOptions()
    options.chapters = root.appendingPathComponent("chapters").path
    options.output = root.appendingPathComponent("output").path
    let lines = EventCollector()
    let report = try WorkbookBuilder(options: options, log: lines.log).build()
    #expect(!report.succeeded)
    #expect(lines.diagnostics.contains { $0.contains(":5:5: error: reference to unknown label '@fig-nowhere'") })
    #expect(lines.diagnostics.contains { $0.contains(":10:8: error: label '../../x' may contain only letters") })
    // Nothing was written outside the output folder.
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("x.svg").path))
}

@Test func onlyALabelRunsThatCellAndKeepsTheWorkbookNumbering() throws {
    let root = try makeWorkbook()
    defer { try? FileManager.default.removeItem(at: root) }
    var options = BuildOptions()
    options.chapters = root.appendingPathComponent("chapters").path
    options.output = root.appendingPathComponent("output").path
    options.only = "fig-b"
    let report = try WorkbookBuilder(options: options, log: .silent).build()
    #expect(report.chapters == 1)
    #expect(report.ran == 1)
    #expect(report.skipped == 1)  // fig-a: not selected and not cached yet
    let output = root.appendingPathComponent("output")
    #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("01-one.html").path))
    #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("02-two.html").path))
    let page = try String(contentsOf: output.appendingPathComponent("01-one.html"), encoding: .utf8)
    #expect(page.contains("Figure 1.2"))
    #expect(page.contains("not run"))
}

@Test func aMistakeInACellGivesOneErrorNotASecondOneAtItsReferences() throws {
    let root = try makeWorkbook()
    defer { try? FileManager.default.removeItem(at: root) }
    let chapter = root.appendingPathComponent("chapters/01-one.md")
    let text = try String(contentsOf: chapter, encoding: .utf8).replacingOccurrences(of: "points: 50", with: "points: many")
    try text.write(to: chapter, atomically: true, encoding: .utf8)
    var options = BuildOptions()
    options.chapters = root.appendingPathComponent("chapters").path
    options.output = root.appendingPathComponent("output").path
    let lines = EventCollector()
    let report = try WorkbookBuilder(options: options, log: lines.log).build()
    #expect(report.failed == 1)
    #expect(lines.diagnostics.count == 1)
    #expect(lines.diagnostics.first?.contains("error: 'points' expects integer") == true)
    let page = try String(contentsOf: root.appendingPathComponent("output/01-one.html"), encoding: .utf8)
    #expect(page.contains("<a class=\"xref\" href=\"#fig-b\">Figure&nbsp;1.2</a>"))
}

/// The build reports what it does as events, in the order of the pipeline: each chapter
/// read once, each cell done once (counted 1…N in completion order), every page written
/// by the commit step, the report last.
@Test func aBuildReportsItsStepsAsEvents() throws {
    let root = try makeWorkbook()
    defer { try? FileManager.default.removeItem(at: root) }
    var options = BuildOptions()
    options.chapters = root.appendingPathComponent("chapters").path
    options.output = root.appendingPathComponent("output").path
    options.jobs = 2
    let collected = EventCollector()
    let report = try WorkbookBuilder(options: options, log: collected.log).build()
    let read = collected.events.compactMap { if case .chapterRead(let path) = $0 { path } else { nil } }
    #expect(read.map { ($0 as NSString).lastPathComponent } == ["01-one.md", "02-two.md"])
    let cells = collected.cells
    #expect(cells.count == 3)
    #expect(cells.map(\.finished).sorted() == [1, 2, 3] && cells.allSatisfy { $0.total == 3 })
    #expect(Set(cells.map(\.cell.label)).contains("fig-b"))
    #expect(cells.allSatisfy { $0.reason == "ran: new cell" })
    #expect(cells.first { $0.cell.label == "fig-b" }?.cell.page == "01-one.html")
    let started = collected.events.filter { if case .cellStarted = $0 { true } else { false } }
    #expect(started.count == 3)
    let written = collected.events.compactMap { if case .pageWritten(let path, _) = $0 { path } else { nil } }
    #expect(written.contains("01-one.html") && written.contains("index.html") && written.contains("timings.json"))
    guard case .buildFinished(let finished)? = collected.events.last else { Issue.record("no buildFinished last"); return }
    #expect(finished.ran == report.ran && report.ran == 3)
}

/// `author:` in workbook.yml names the author in the head of every page (it was read and ignored).
@Test func theAuthorIsNamedInEveryPage() throws {
    let root = try makeWorkbook()
    defer { try? FileManager.default.removeItem(at: root) }
    try "author: Ada & Co\n".write(to: root.appendingPathComponent("chapters/workbook.yml"), atomically: true, encoding: .utf8)
    _ = try build(root)
    for page in ["index.html", "01-one.html", "directives.html"] {
        let html = try String(contentsOf: root.appendingPathComponent("output/" + page), encoding: .utf8)
        #expect(html.contains("<meta name=\"author\" content=\"Ada &amp; Co\">"), "\(page)")
    }
    try FileManager.default.removeItem(at: root.appendingPathComponent("chapters/workbook.yml"))
    _ = try build(root, output: "no-author")
    let plain = try String(contentsOf: root.appendingPathComponent("no-author/index.html"), encoding: .utf8)
    #expect(!plain.contains("name=\"author\""))
}

/// The workers claim the cells with the largest cost estimate first (a long
/// training cell late in the book no longer starts last and runs alone), while
/// the page keeps document order.
@Test func theLongestCellStartsFirstAndThePageKeepsItsOrder() throws {
    let root = try makeWorkbook()
    defer { try? FileManager.default.removeItem(at: root) }
    try """
    ---
    title: Three
    ---

    ```run loss
    y: [0.3, 0.7]
    t: 1
    label: tab-early
    ```

    ```run train
    dataset: sample
    hidden: 5
    iterations: 30
    label: fig-late
    ```
    """.write(to: root.appendingPathComponent("chapters/03-three.md"), atomically: true, encoding: .utf8)
    var options = BuildOptions()
    options.chapters = root.appendingPathComponent("chapters").path
    options.output = root.appendingPathComponent("output").path
    options.jobs = 1
    let collected = EventCollector()
    _ = try WorkbookBuilder(options: options, log: collected.log).build()
    let started = collected.events.compactMap { if case .cellStarted(let id) = $0 { id.label } else { nil } }
    #expect(started.first == "fig-late", "\(started)")
    #expect(started.count == 5)
    let page = try String(contentsOf: root.appendingPathComponent("output/03-three.html"), encoding: .utf8)
    let early = try #require(page.range(of: "id=\"tab-early\"")), late = try #require(page.range(of: "id=\"fig-late\""))
    #expect(early.lowerBound < late.lowerBound)
}
