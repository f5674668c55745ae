import Foundation
import Testing
@testable import WorkbookKit

/// Golden test: the tree dump of a fixture covering every chapter feature.
/// Re-record with `RECORD_GOLDENS=1 swift test --filter ChapterSample`.
@Test func chapterSampleTreeDumpMatchesGolden() throws {
    let fixture = try #require(Bundle.module.url(forResource: "chapter-sample", withExtension: "md", subdirectory: "Fixtures"))
    let source = try String(contentsOf: fixture, encoding: .utf8)
    let dump = Chapter.parse(source: source, path: "chapters/chapter-sample.md").treeDump()

    if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/chapter-sample.tree.txt")
        try dump.write(to: golden, atomically: true, encoding: .utf8)
        return
    }
    let golden = try #require(Bundle.module.url(forResource: "chapter-sample.tree", withExtension: "txt", subdirectory: "Golden"))
    let expected = try String(contentsOf: golden, encoding: .utf8)
    #expect(dump == expected)
}
