import Foundation
import Testing
@testable import WorkbookKit

/// `serve` watches what `source` cells read: the workbook folder's own
/// `Sources/DeepLearning`, or the tool checkout's when the workbook has none.

private func workbook(withLibrary: Bool) throws -> URL {
    let root = try makeTemporaryDirectory()
    try FileManager.default.createDirectory(at: root.appendingPathComponent("chapters"), withIntermediateDirectories: true)
    if withLibrary {
        let library = root.appendingPathComponent("Sources/DeepLearning")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        try Data("public func f() {}\n".utf8).write(to: library.appendingPathComponent("F.swift"))
    }
    return root
}

private func options(_ root: URL) -> BuildOptions {
    var options = BuildOptions()
    options.chapters = root.appendingPathComponent("chapters").path
    options.output = root.appendingPathComponent("output").path
    return options
}

@Test func serveWatchesTheWorkbookFoldersOwnLibrary() throws {
    let root = try workbook(withLibrary: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let library = root.appendingPathComponent("Sources/DeepLearning").path
    #expect(LibrarySources.root(workbookRoot: root.path, toolRoot: "/nonexistent") == root.path)
    let paths = ChangeWatcher.paths(for: options(root))
    #expect(paths == [root.appendingPathComponent("chapters").path, library])
    #expect(ServeOptions(build: options(root)).watchedPaths == paths)

    // An edit to the library is a change the server rebuilds for.
    var watcher = ChangeWatcher(paths: paths)
    var changed = watcher.poll(); #expect(!changed)
    try Data("public func f() { }\n".utf8).write(to: URL(fileURLWithPath: library).appendingPathComponent("F.swift"))
    changed = watcher.poll(); #expect(changed)
}

@Test func aWorkbookWithoutALibraryShowsAndWatchesTheToolsCheckout() throws {
    let root = try workbook(withLibrary: false)
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(LibrarySources.root(workbookRoot: root.path, toolRoot: "/tool") == "/tool")
    let paths = ChangeWatcher.paths(for: options(root))
    #expect(!paths.contains { $0.hasPrefix(root.path + "/Sources") })
    #expect(paths.first == root.appendingPathComponent("chapters").path)
    // The tool's library (this repository's, when the tests run from a checkout) when it exists.
    let tool = (ToolLocation.rootOrWorkingDirectory as NSString).appendingPathComponent("Sources/DeepLearning")
    #expect(paths.dropFirst() == (FileManager.default.fileExists(atPath: tool) ? [tool] : []))
}

@Test func anExplicitSourceRootAndTheDataFolderAreWatched() throws {
    let root = try workbook(withLibrary: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let other = try workbook(withLibrary: true)
    defer { try? FileManager.default.removeItem(at: other) }
    var build = options(root)
    build.sourceRoot = other.path
    build.data = root.appendingPathComponent("data").path
    #expect(ChangeWatcher.paths(for: build)
            == [build.chapters, root.appendingPathComponent("data").path, other.appendingPathComponent("Sources/DeepLearning").path])
}
