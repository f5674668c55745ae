import Foundation
import Testing
@testable import WorkbookKit

// `workbook serve` never leaves a reader waiting blindly: it listens before
// the first build is done, answers pages not built yet with a waiting page,
// and reports the running cells' progress at /__workbook/progress for the
// script it adds to every HTML response.

/// A GET on the loopback server (ServeIntegrationTests' plain-socket request).
private func get(_ port: UInt16, _ path: String) async throws -> (status: Int, body: String) {
    let response = try await fetch(port: port, path)
    return (response.status, response.body)
}

private func state(_ json: String) throws -> BuildProgressBoard.State {
    try JSONDecoder().decode(BuildProgressBoard.State.self, from: Data(json.utf8))
}

/// A chapter whose train cell runs long enough to be watched (the shipped
/// sample, 4 000 steps), after a quick cell.
private let slowChapter = """
    ---
    title: T
    ---

    # A

    Before the training.

    ```run loss
    y: [0.5, 0.5]
    t: 1
    label: tab-quick
    ```

    ```run train
    dataset: sample
    hidden: 50
    lr: 0.1
    batch: 100
    iterations: 4000
    seed: 3
    label: fig-slow
    ```

    """

@Test(.timeLimit(.minutes(5)))
func serveShowsTheRestAtOnceAndTheSlowCellsProgress() async throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let chapters = root.appendingPathComponent("chapters")
    try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
    try Data(slowChapter.utf8).write(to: chapters.appendingPathComponent("01-t.md"))
    var build = BuildOptions()
    build.chapters = chapters.path
    build.output = root.appendingPathComponent("output").path
    build.jobs = 1
    var options = ServeOptions(build: build)
    options.port = 0
    let server = PreviewServer(options: options, log: .silent)
    let port = try await server.start()

    // Listening while the first build runs: a page not built yet is the
    // waiting page, with both scripts (or, if the quick first pass is already
    // done, the page itself).
    let first = try await get(port, "/01-t.html")
    #expect(first.status == 200)
    #expect(first.body.contains("Building the workbook") || first.body.contains("Before the training"), "\(first.body)")
    #expect(first.body.contains(LiveProgress.progressPath))
    #expect(first.body.contains(LiveReload.versionPath))
    #expect(try await get(port, "/missing.css").status == 404)

    // The first pass leaves the slow cell for the second: the rest of the
    // chapter is there, and the cell's place says it is still running.
    for _ in 0..<1200 where server.version < 1 { try await Task.sleep(nanoseconds: 50_000_000) }
    #expect(server.version >= 1)
    let quick = try await get(port, "/01-t.html")
    #expect(quick.body.contains("Before the training"))
    #expect(quick.body.contains("id=\"tab-quick\""))
    if server.version == 1 { #expect(quick.body.contains("This cell is still running")) }

    // The second pass: the endpoint names the running train cell, its page
    // and its status line (iteration, loss) while it runs.
    var seen: BuildProgressBoard.RunningCell?
    while server.version < 2 {
        let now = try state(try await get(port, LiveProgress.progressPath).body)
        if let cell = now.cells.first(where: { $0.label == "fig-slow" && $0.message.contains("iteration") }) {
            #expect(now.building)
            seen = cell
            break
        }
        try await Task.sleep(nanoseconds: 20_000_000)
    }
    let running = try #require(seen, "the train cell's progress was reported while it ran")
    #expect(running.page == "01-t.html")
    #expect(running.place.hasSuffix("01-t.md:15 train"))
    #expect(running.message.contains("loss"))
    #expect((0...1).contains(running.fraction))

    // Then the page holds the trained cell and the board is idle.
    for _ in 0..<3600 where server.version < 2 { try await Task.sleep(nanoseconds: 50_000_000) }
    #expect(server.version == 2)
    let page = try await get(port, "/01-t.html")
    #expect(page.body.contains("id=\"fig-slow\""))
    #expect(!page.body.contains("This cell is still running"))
    let idle = try state(try await get(port, LiveProgress.progressPath).body)
    #expect(!idle.building)
    #expect(idle.cells.isEmpty)
    #expect(idle.total == 2 && idle.done == 2)
    #expect(try await get(port, "/missing.html").status == 404)
    // The page on disk has no script.
    let onDisk = try String(contentsOf: root.appendingPathComponent("output/01-t.html"), encoding: .utf8)
    #expect(!onDisk.contains(LiveProgress.progressPath))
    await server.stop()
}

/// The board from events alone: running cells in the order they started, their
/// latest progress, an edition's pages under its folder, done cells removed.
@Test func theBoardFollowsTheBuildsEvents() throws {
    let board = BuildProgressBoard(servedFolder: "/w/output")
    board.setBuilding(true)
    let train = CellID(file: "chapters/07.md", line: 94, directive: "train", label: "fig-train", page: "07.html", output: "/w/output")
    let japanese = CellID(file: "chapters/ja/07.md", line: 65, directive: "train", label: "fig-train", page: "07.html",
                          output: "/w/output/ja")
    board.record(.cellStarted(train))
    board.record(.cellStarted(japanese))
    board.record(.cellProgress(CellProgress(cell: train, fraction: 0.5, message: "seed 1: iteration 5000/10000, loss 0.4",
                                            elapsed: 10)))
    var now = try state(String(decoding: board.json(), as: UTF8.self))
    #expect(now.building)
    #expect(now.cells.map(\.page) == ["07.html", "ja/07.html"])
    #expect(now.cells[0].message == "seed 1: iteration 5000/10000, loss 0.4")
    #expect(now.cells[0].secondsLeft == 10)
    #expect(now.cells[0].place == "chapters/07.md:94 train")
    #expect(now.cells[1].fraction == 0 && now.cells[1].secondsLeft == nil)
    board.record(.cellFinished(CellDone(cell: train, seconds: 20, reason: "ran", finished: 1, total: 2)))
    now = try state(String(decoding: board.json(), as: UTF8.self))
    #expect(now.cells.map(\.page) == ["ja/07.html"])
    #expect(now.done == 1 && now.total == 2)
    board.setBuilding(false)
    now = try state(String(decoding: board.json(), as: UTF8.self))
    #expect(!now.building && now.cells.isEmpty)
}
