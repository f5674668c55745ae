import Foundation
import Testing
@testable import WorkbookKit

// A train cell caches each seed on its own: adding a seed to the list trains
// only that seed, removing one trains nothing, and the page is the same as a
// build from nothing.

private func trainChapter(seeds: String) -> String {
    """
    ---
    title: T
    ---

    ```run train
    hidden: 10
    lr: 0.1
    batch: 20
    iterations: 40
    dataset: sample
    seed: \(seeds)
    ```

    """
}

/// Builds the chapter in `root` and returns the seeds whose training reported progress.
private func build(_ root: URL, seeds: String, output: String = "output", useCache: Bool = true) throws -> (trained: Set<String>, report: BuildReport) {
    var options = try workbookOptions(in: root, chapters: ["01-t.md": trainChapter(seeds: seeds)])
    options.output = root.appendingPathComponent(output).path
    options.useCache = useCache
    let events = EventCollector()
    let report = try WorkbookBuilder(options: options, log: events.log).build()
    var trained: Set<String> = []
    for case .cellProgress(let progress) in events.events {
        if let seed = progress.message.split(separator: ":").first { trained.insert(String(seed)) }
    }
    return (trained, report)
}

@Test func addingASeedTrainsOnlyThatSeedAndRemovingOneTrainsNothing() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let first = try build(root, seeds: "[1]")
    #expect(first.report.failed == 0)
    #expect(first.trained == ["seed 1"])

    let added = try build(root, seeds: "[1, 2]")
    #expect(added.report.ran == 1)
    #expect(added.trained == ["seed 2"])

    let removed = try build(root, seeds: "[2]")
    #expect(removed.report.ran == 1)
    #expect(removed.trained.isEmpty)

    // The pages built from parts are the bytes of a build from nothing.
    let fresh = try build(root, seeds: "[1, 2]", output: "fresh", useCache: false)
    #expect(fresh.trained == ["seed 1", "seed 2"])
    _ = try build(root, seeds: "[1, 2]")
    // (The record says how each build got the cell: "cached" in one, "ran" in the other.)
    for file in ["01-t.html", "01-t.json"] {
        let read = { (folder: String) in
            try String(contentsOf: root.appendingPathComponent(folder + "/" + file), encoding: .utf8)
                .replacingOccurrences(of: #""status" *: *"[a-z]+""#, with: "", options: .regularExpression)
        }
        #expect(try read("output") == read("fresh"), "\(file)")
    }
}

@Test func aDamagedSeedPartIsTrainedAgain() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    _ = try build(root, seeds: "[1]")
    let cache = root.appendingPathComponent("output/.cache")
    let parts = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("part-") }
    #expect(parts.count == 1)
    for part in parts { try Data("{\"format\":1}".utf8).write(to: cache.appendingPathComponent(part)) }
    let again = try build(root, seeds: "[1, 3]")
    #expect(again.trained == ["seed 1", "seed 3"])
}
