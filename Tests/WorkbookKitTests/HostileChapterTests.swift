import Foundation
import Testing
@testable import WorkbookKit

// Chapters that are mistaken or hostile: each must give located diagnostics,
// never a crash, and never stop the other chapters from building.

private let lfChapter = "---\ntitle: T\n---\n\nSome text.\n\n```run loss\ny: [0.1, 0.9]\nt: [0, 1]\n```\n"

@Test func crlfChapterParsesLikeTheLFOne() throws {
    let lf = Chapter.parse(source: lfChapter, path: "c.md")
    let crlf = Chapter.parse(source: lfChapter.replacingOccurrences(of: "\n", with: "\r\n"), path: "c.md")
    let cr = Chapter.parse(source: lfChapter.replacingOccurrences(of: "\n", with: "\r"), path: "c.md")
    #expect(crlf.cells.count == 1)
    #expect(crlf.cells == lf.cells)
    #expect(cr.cells == lf.cells)
    #expect(crlf.diagnostics == lf.diagnostics)
    #expect(cr.diagnostics == lf.diagnostics)
    #expect(crlf.title == "T")
    #expect(cr.title == "T")
}

@Test func nulByteInAChapterIsKeptForCmark() throws {
    let chapter = Chapter.parse(source: "---\ntitle: T\n---\n\nbefore\u{0}after\n", path: "c.md")
    guard case .prose(let html, _)? = chapter.htmlBlocks.first else { Issue.record("no prose"); return }
    #expect(html.contains("after"))
}

@Test func unterminatedFenceWarnsAtItsOpeningLine() throws {
    let source = "---\ntitle: T\n---\n\n```run loss\ny: [0.1]\nt: [0]\n"
    let chapter = Chapter.parse(source: source, path: "c.md")
    let lineCount = source.split(separator: "\n", omittingEmptySubsequences: false).count
    #expect(chapter.diagnostics.allSatisfy { $0.location.line <= lineCount })
    #expect(chapter.diagnostics.contains { $0.severity == .warning && $0.location.line == 5 && $0.message.contains("not closed") })
}

/// A workbook folder with `chapters/` holding the given files.
private func workbook(_ files: [String: String]) throws -> URL {
    let root = try makeTemporaryDirectory()
    let chapters = root.appendingPathComponent("chapters")
    try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
    for (name, text) in files {
        try text.write(to: chapters.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return root
}

private func load(_ root: URL) throws -> [Chapter] {
    try ChapterLoader.loadChapters(in: root.appendingPathComponent("chapters").path)
}

@Test func invalidUTF8IsAnErrorAtTheFirstBadByte() throws {
    let root = try workbook(["01-a.md": "---\ntitle: A\n---\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    var bytes = Array("---\ntitle: B\n---\n\nok é\nbad ".utf8)
    bytes += [0xFF, 0x41, 0x0A]
    try Data(bytes).write(to: root.appendingPathComponent("chapters/02-b.md"))
    let chapters = try load(root)
    #expect(chapters.map(\.slug) == ["01-a", "02-b"])
    let error = try #require(chapters[1].diagnostics.first)
    #expect(error.severity == .error)
    #expect(error.message.contains("UTF-8"))
    #expect(error.location.line == 6)
    #expect(error.location.column == 5)
    #expect(chapters[0].diagnostics.isEmpty)
}

@Test func chapterThatIsADirectoryIsALocatedError() throws {
    let root = try workbook(["01-a.md": "---\ntitle: A\n---\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root.appendingPathComponent("chapters/02-dir.md"), withIntermediateDirectories: true)
    let chapters = try load(root)
    #expect(chapters.count == 2)
    #expect(chapters[1].diagnostics.map(\.message) == ["chapter '02-dir.md' is a directory, not a file"])
    #expect(chapters[1].diagnostics.first?.location.line == 1)
}

@Test func chapterThatIsAFIFOIsRefusedWithoutOpeningIt() throws {
    let root = try workbook(["01-a.md": "---\ntitle: A\n---\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    let fifo = root.appendingPathComponent("chapters/02-pipe.md").path
    #expect(mkfifo(fifo, 0o644) == 0)
    let chapters = try load(root)  // would block forever if it opened the FIFO
    #expect(chapters.count == 2)
    #expect(chapters[1].diagnostics.first?.message.contains("not a regular file") == true)
}

@Test func danglingSymlinkChapterIsALocatedError() throws {
    let root = try workbook(["01-a.md": "---\ntitle: A\n---\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createSymbolicLink(
        atPath: root.appendingPathComponent("chapters/02-gone.md").path, withDestinationPath: "nowhere.md")
    let chapters = try load(root)
    #expect(chapters.count == 2)
    #expect(chapters[1].diagnostics.first?.message.contains("points to nothing") == true)
}

@Test func symlinkOutOfTheWorkbookIsRefusedWithAWarning() throws {
    let root = try workbook(["01-a.md": "---\ntitle: A\n---\n"])
    let outside = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root); try? FileManager.default.removeItem(at: outside) }
    try "---\ntitle: Secret\n---\nsecret text\n".write(to: outside.appendingPathComponent("s.md"), atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
        atPath: root.appendingPathComponent("chapters/02-link.md").path, withDestinationPath: outside.appendingPathComponent("s.md").path)
    // A symlink that stays inside the workbook folder is followed.
    try "---\ntitle: Inside\n---\n".write(to: root.appendingPathComponent("shared.md"), atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
        atPath: root.appendingPathComponent("chapters/03-inside.md").path, withDestinationPath: "../shared.md")
    let chapters = try load(root)
    #expect(chapters.map(\.slug) == ["01-a", "02-link", "03-inside"])
    #expect(chapters[1].diagnostics.first?.severity == .warning)
    #expect(chapters[1].diagnostics.first?.message.contains("outside the workbook folder") == true)
    #expect(chapters[1].blocks.isEmpty)
    #expect(chapters[2].title == "Inside")
}

@Test(.enabled(if: getuid() != 0, "root can read any file"))
func unreadableChapterIsALocatedError() throws {
    let root = try workbook(["01-a.md": "---\ntitle: A\n---\n", "02-b.md": "---\ntitle: B\n---\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    let path = root.appendingPathComponent("chapters/02-b.md").path
    #expect(chmod(path, 0) == 0)
    let chapters = try load(root)
    #expect(chapters.count == 2)
    #expect(chapters[1].diagnostics.first?.message.contains("cannot read") == true)
}

@Test func buildWritesEveryChapterAndShowsChapterProblemsOnThePage() throws {
    let root = try workbook([
        "01-good.md": "---\ntitle: Good\n---\n\nFine.\n",
        "02-empty.md": "",
        "03-unclosed.md": "---\ntitle: X\n\nText\n",
        "04-notyaml.md": "---\ntitle: [x\n---\n",
        "05-math.md": "---\ntitle: M\n---\n\n$$\nx^2\n",
        "06-ref.md": "---\ntitle: R\n---\n\n# See @nowhere\n",
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root.appendingPathComponent("chapters/07-dir.md"), withIntermediateDirectories: true)
    var options = BuildOptions()
    options.chapters = root.appendingPathComponent("chapters").path
    options.output = root.appendingPathComponent("output").path
    options.jobs = 1
    let report = try WorkbookBuilder(options: options, log: .silent).build()
    #expect(!report.succeeded)
    for slug in ["02-empty", "03-unclosed", "04-notyaml", "05-math", "06-ref", "07-dir"] {
        let page = try String(contentsOf: root.appendingPathComponent("output/\(slug).html"), encoding: .utf8)
        #expect(page.contains("class=\"chapter-diagnostics\""), "\(slug) shows no diagnostics box")
        #expect(page.contains("\(slug).md:"), "\(slug): the box names no location")
    }
    let good = try String(contentsOf: root.appendingPathComponent("output/01-good.html"), encoding: .utf8)
    #expect(!good.contains("class=\"chapter-diagnostics\""))
}

@Test func settingsErrorsShowTheSourceLineAndCaret() throws {
    let root = try workbook(["01-a.md": "---\ntitle: A\n---\n", "workbook.yml": "title: X\nseed: lots\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    var options = BuildOptions()
    options.chapters = root.appendingPathComponent("chapters").path
    options.output = root.appendingPathComponent("output").path
    let collected = EventCollector()
    _ = try WorkbookBuilder(options: options, log: collected.log).build()
    let text = try #require(collected.diagnostics.first { $0.contains("'seed' must be a whole number") })
    #expect(text.contains("workbook.yml:2:7: error"))
    #expect(text.contains("\nseed: lots\n      ^~~~"))
}

@Test func yamlHighlighterStopsAtTheLineEndOfAnUnclosedQuote() {
    for line in ["x: [0, \"5]", "x: [0, '5", "x: {\"a", "[\"", "- [0, \"5\\", "x: \"a\\"] {
        let html = SyntaxHighlighter.highlight(line, language: "yaml")
        #expect(html.contains("5") || html.contains("a") || html.contains("["), "\(line)")
    }
}

@Test func settingsDataFolderThatDoesNotExistIsALocatedError() throws {
    let root = try workbook(["workbook.yml": "title: X\ndata: no/such/folder\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    let loaded = WorkbookSettings.read(path: root.appendingPathComponent("chapters/workbook.yml").path, root: root.path)
    let error = try #require(loaded.diagnostics.first)
    #expect(error.message.hasPrefix("data folder 'no/such/folder' does not exist"))
    #expect(error.location.line == 2)
    #expect(error.location.column == 7)
    #expect(loaded.settings.data == "no/such/folder")  // kept: cells that read data fail too, none falls back
}

/// libyaml's nesting limit is reported in our words, at the value, for cells and front matter alike.
@Test func yamlNestedTooDeeplyIsALocatedErrorInOurWords() {
    let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
    let cell = Chapter.parse(source: "---\ntitle: T\n---\n\n```run loss\ny: \(deep)\nt: 1\n```\n", path: "c.md")
    let front = Chapter.parse(source: "---\ntitle: \(deep)\n---\n\nx\n", path: "c.md")
    for (chapter, what, line) in [(cell, "run cell body", 6), (front, "front matter", 2)] {
        let error = chapter.diagnostics.first { $0.severity == .error }
        #expect(error?.message == "\(what) nests lists and mappings too deeply for YAML")
        #expect(error?.location.line == line)
    }
}
