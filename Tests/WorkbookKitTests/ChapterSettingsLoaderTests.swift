import Foundation
import Testing
@testable import WorkbookKit

@Test func settingsDefaultsWhenFileIsMissing() {
    let (settings, diagnostics) = WorkbookSettings.load(path: "/nonexistent/workbook.yml")
    #expect(settings == WorkbookSettings(title: "Workbook", seed: 0, data: nil, author: nil))
    #expect(diagnostics.isEmpty)
}

@Test func settingsAreRead() {
    let (settings, diagnostics) = WorkbookSettings.parse(
        yaml: "title: Deep Learning\nseed: 42\ndata: data/mnist\nauthor: Ada\n", file: "workbook.yml")
    #expect(settings == WorkbookSettings(title: "Deep Learning", seed: 42, data: "data/mnist", author: "Ada"))
    #expect(diagnostics.isEmpty)
}

@Test func badSettingsAreLocated() {
    let (settings, diagnostics) = WorkbookSettings.parse(yaml: "title: X\nseed: lots\nautor: Ada\n", file: "workbook.yml")
    #expect(settings.seed == 0)
    #expect(settings.title == "X")
    #expect(diagnostics == [
        .error("'seed' must be a whole number", at: WorkbookKit.SourceLocation(file: "workbook.yml", line: 2, column: 7),
               hint: "for example 'seed: 42'", length: 4),
        .warning("unknown setting 'autor'", at: WorkbookKit.SourceLocation(file: "workbook.yml", line: 3, column: 1),
                 hint: "known settings: author, data, editions, seed, title", length: 5),
    ])
}

@Test func settingsYAMLErrorIsLocated() {
    let (_, diagnostics) = WorkbookSettings.parse(yaml: "title: X\nseed: [1\n", file: "workbook.yml")
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.location.file == "workbook.yml")
    #expect(diagnostics.first?.message.hasPrefix("workbook.yml is not valid YAML") == true)
}

@Test func loaderListsSortedMarkdownAndKeepsUserPaths() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chapter-loader-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for name in ["02-b.md", "01-a.md", "_draft.md", ".hidden.md", "notes.txt", "10-c.md"] {
        try "---\ntitle: \(name)\n---\nText\n".write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let chapters = try ChapterLoader.loadChapters(in: dir.path)
    #expect(chapters.map(\.slug) == ["01-a", "02-b", "10-c"])
    #expect(chapters.first?.path == dir.path + "/01-a.md")
    #expect(chapters.first?.blocks.first?.location == WorkbookKit.SourceLocation(file: dir.path + "/01-a.md", line: 4, column: 1))
    #expect(try ChapterLoader.chapterPaths(in: dir.path + "/").first == dir.path + "/01-a.md")
}
