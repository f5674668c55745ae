import Foundation
import Testing
@testable import WorkbookKit

// Page names come from chapter file names; they must be safe in links and must
// never replace the contents page, the directives page or another chapter.

@Test(arguments: [
    ("01-loss", "01-loss"), ("a b", "a-b"), ("#x", "-x"), ("q?", "q-"), ("%41", "-41"), ("it's", "it-s"),
    ("a\"b", "a-b"), ("損失関数", "損失関数"), ("é", "é"), (".hidden", "-hidden"), ("", "chapter"), ("v1.2~x", "v1.2~x"),
])
func pageNamesKeepOnlyCharactersSafeInALink(name: String, page: String) {
    #expect(PageNames.safe(name) == page)
}

private func chapter(_ slug: String) -> Chapter {
    Chapter.parse(source: "---\ntitle: T\n---\n\nx\n", path: "chapters/\(slug).md")
}

@Test func reservedAndCollidingPageNamesGetASuffixAndAWarning() {
    var chapters = ["index", "Directives", "a b", "a-b", "A-B", "timings", "02-ok"].map(chapter)
    PageNames.assign(&chapters)
    #expect(chapters.map(\.slug) == ["index-2", "Directives-2", "a-b", "a-b-2", "A-B-3", "timings-2", "02-ok"])
    #expect(chapters.last?.diagnostics.isEmpty == true)
    #expect(chapters[0].diagnostics.first?.message == "this chapter's page is 'index-2.html': 'index' is a name the build uses for its own files")
    #expect(chapters[3].diagnostics.first?.message == "this chapter's page is 'a-b-2.html': another chapter already has the page 'a-b.html'")
    #expect(chapters[0].diagnostics.first?.location.line == 1)
}

@Test func aChapterNamedIndexDoesNotReplaceTheContentsPage() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let options = try workbookOptions(in: root, chapters: Dictionary(uniqueKeysWithValues: ["index", "#x"].map {
        ("\($0).md", "---\ntitle: Chapter \($0)\n---\n\nx\n")
    }))
    _ = try WorkbookBuilder(options: options, log: .silent).build()
    let index = try String(contentsOfFile: options.output + "/index.html", encoding: .utf8)
    #expect(index.contains("class=\"chapter-link\" href=\"index-2.html\""))
    #expect(index.contains("class=\"chapter-link\" href=\"-x.html\""))
    #expect(FileManager.default.fileExists(atPath: options.output + "/-x.html"))
    let page = try String(contentsOfFile: options.output + "/index-2.html", encoding: .utf8)
    #expect(page.contains("Chapter index"))
}

@Test func repeatedHeadingsAreNumberedInOrderAroundLiteralSuffixes() {
    var ids = HeadingIDs()
    #expect(["A", "A-1", "A", "A", "B"].map { ids.id(for: $0) } == ["a", "a-1", "a-2", "a-3", "b"])
    var many = HeadingIDs()
    let last = (0..<5000).map { _ in many.id(for: "Same") }.last
    #expect(last == "same-4999")
}
