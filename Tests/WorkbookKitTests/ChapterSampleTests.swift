import Foundation
import Testing
@testable import WorkbookKit

/// Golden test: the tree dump of a fixture covering every chapter feature.
/// Re-record with `RECORD_GOLDENS=1 swift test --filter ChapterSample`.
@Test func chapterSampleTreeDumpMatchesGolden() throws {
    let fixture = try #require(Bundle.module.url(forResource: "chapter-sample", withExtension: "md", subdirectory: "Fixtures"))
    let source = try String(contentsOf: fixture, encoding: .utf8)
    let dump = Chapter.parse(source: source, path: "chapters/chapter-sample.md").treeDump()
    try GoldenFile.check(dump, against: "chapter-sample.tree.txt")
}
