import Foundation
import Testing
import WorkbookKit

/// Runs the built `workbook` executable, as a reader would, and checks its
/// exit status and output. SwiftPM builds the executable next to the tests.
private func runWorkbook(_ arguments: [String], in directory: URL) throws -> (status: Int32, stdout: String, stderr: String) {
    let products = Bundle.module.bundleURL.deletingLastPathComponent()
    let executable = products.appendingPathComponent("workbook")
    try #require(FileManager.default.isExecutableFile(atPath: executable.path), "build the workbook executable first (swift build)")
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

@Test func buildOfAChapterWithMistakesExitsOneAndPrintsCompilerStyleErrors() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root.appendingPathComponent("chapters"), withIntermediateDirectories: true)
    try copyFixture("e2e/chapters", to: root.appendingPathComponent("chapters"))
    let result = try runWorkbook(["build", "--jobs", "1"], in: root)
    #expect(result.status == 1)
    #expect(result.stderr.contains("""
        chapters/01-fixture.md:20:1: error: unknown parameter 'lrate'
        lrate: 3
        ^~~~~
        """))
    #expect(result.stdout.contains("Built 1 chapter into output/: 1 ran, 0 cached, 2 failed (2 errors)"))
    #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/01-fixture.html").path))
}

@Test func badUsageExitsTwo() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(try runWorkbook(["build", "--jobs", "0"], in: root).status == 2)
    let missing = try runWorkbook(["build"], in: root)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("no chapters folder at 'chapters'"))
}

@Test func directivesListsEveryDirectiveWithItsParameters() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try runWorkbook(["directives"], in: root)
    #expect(result.status == 0)
    #expect(result.stdout == DirectiveReference.text(.standard))
    for directive in DirectiveRegistry.standard.directives {
        #expect(result.stdout.contains("\(directive.name) — \(directive.summary)"))
    }
    #expect(try runWorkbook(["directives", "nosuch"], in: root).status == 2)
}

@Test func outputIntoTheChaptersOrTheWorkbookFolderOrRootExitsTwo() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root.appendingPathComponent("chapters"), withIntermediateDirectories: true)
    try "---\ntitle: A\n---\n".write(to: root.appendingPathComponent("chapters/01-a.md"), atomically: true, encoding: .utf8)
    for output in ["/", ".", "chapters", "/usr", "/etc"] {
        let result = try runWorkbook(["build", "--output", output], in: root)
        #expect(result.status == 2, "--output \(output)")
        #expect(result.stderr.contains("refusing to write the output into"), "--output \(output)")
    }
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("index.html").path))
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("chapters/index.html").path))
}

@Test func dataFolderThatDoesNotExistExitsTwo() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root.appendingPathComponent("chapters"), withIntermediateDirectories: true)
    let result = try runWorkbook(["build", "--data", "no-such-folder"], in: root)
    #expect(result.status == 2)
    #expect(result.stderr.contains("--data 'no-such-folder' is not a folder"))
}
