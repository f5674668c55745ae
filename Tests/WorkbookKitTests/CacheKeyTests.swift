import DeepLearning
import Foundation
import Testing
@testable import WorkbookKit

/// A directive that reads a data set *and* has inputs of its own (here: the
/// source root), the combination the cache key used to get wrong.
private enum DataAndInputsDirective: DirectiveDefinition {
    static let name = "data-and-inputs"
    static let summary = "a test directive that reads data and has inputs"
    static let example = "dataset: auto"
    struct Parameters: DirectiveParameters {
        @Parameter(.text, default: "auto", doc: "the data set") var dataset: DataSetName
    }
    static func inputs(_ p: Parameters, context: RunContext) -> String { "inputs of " + context.sourceRoot }
    static func estimate(_ p: Parameters, common: CommonParameters) -> Double { 0 }
    static func run(_ p: Parameters, context: RunContext) throws -> [CellOutput] { [.note(p.dataset.text)] }
}

/// A data set folder of four small files: the identity only looks at their sizes and times.
private func makeDataFolder(in root: URL) throws -> URL {
    let folder = root.appendingPathComponent("data-set")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for file in DataSet.fileNames {
        try Data([0, 0, 8, 1]).write(to: folder.appendingPathComponent(file))
    }
    return folder
}

private func arguments(_ directive: Directive, _ body: String, registry: DirectiveRegistry) throws -> CellArguments {
    let source = "---\ntitle: T\n---\n\n```run \(directive.name)\n\(body)\n```\n"
    let cell = Chapter.parse(source: source, path: "chapters/01-t.md").cells[0]
    guard case .valid(_, let arguments) = CellValidator(registry: registry).validate(cell) else {
        Issue.record("the cell did not validate")
        return CellArguments()
    }
    return arguments
}

private func executor(data: URL?, sourceRoot: String, registry: DirectiveRegistry) -> RunStep {
    let provider = DataProvider(configured: data?.path, workbookRoot: data?.deletingLastPathComponent().path ?? "/nonexistent",
                                toolRoot: data?.deletingLastPathComponent().path ?? "/nonexistent")
    return RunStep(cache: nil, readCache: true,
                    context: RunContext(defaultSeed: 1, data: provider, sourceRoot: sourceRoot), jobs: 1)
}

@Test func aDirectiveThatReadsDataKeepsItsOtherInputsInTheKey() throws {
    // Before the fix, `identity ?? "" + inputs` left the inputs out for any directive reading data.
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let folder = try makeDataFolder(in: root)
    let directive = Directive(DataAndInputsDirective.self)
    let registry = DirectiveRegistry([directive])
    let cell = try arguments(directive, "dataset: auto", registry: registry)
    #expect(directive.dataParameter == "dataset")
    let a = executor(data: folder, sourceRoot: "/one", registry: registry).cacheInputs(directive, cell)
    let b = executor(data: folder, sourceRoot: "/two", registry: registry).cacheInputs(directive, cell)
    #expect(a != b, "the directive's own inputs must enter the key")
    #expect(a.contains(folder.path), "the data identity must enter the key")
}

@Test func theDataIdentityChangesWhenAFileChanges() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let folder = try makeDataFolder(in: root)
    let directive = Directive(DataAndInputsDirective.self)
    let registry = DirectiveRegistry([directive])
    let cell = try arguments(directive, "dataset: auto", registry: registry)
    let run = executor(data: folder, sourceRoot: "/one", registry: registry)
    let before = run.cacheInputs(directive, cell)
    try Data([0, 0, 8, 1, 0, 0, 0, 0]).write(to: folder.appendingPathComponent(DataSet.fileNames[0]))  // a new size
    #expect(run.cacheInputs(directive, cell) != before)
}

@Test func theToolIdentityIsPartOfTheKey() throws {
    let directory = FileManager.default.temporaryDirectory
    let cell = CellArguments(values: ["lr": .number(0.1)])
    let one = CellCache(directory: directory, toolIdentity: "workbook|100|1").key(directive: "descent", arguments: cell, inputs: "")
    let rebuilt = CellCache(directory: directory, toolIdentity: "workbook|100|2").key(directive: "descent", arguments: cell, inputs: "")
    #expect(one != rebuilt)
    // …and so are the directive, the parameters and the inputs.
    let cache = CellCache(directory: directory, toolIdentity: "workbook|100|1")
    #expect(cache.key(directive: "plot", arguments: cell, inputs: "") != one)
    #expect(cache.key(directive: "descent", arguments: CellArguments(values: ["lr": .number(0.2)]), inputs: "") != one)
    #expect(cache.key(directive: "descent", arguments: cell, inputs: "data") != one)
}

@Test func theSourceFingerprintFollowsTheLibrarysFiles() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let library = root.appendingPathComponent(SwiftDeclarationScanner.libraryDirectory)
    try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
    try "func a() {}\n".write(to: library.appendingPathComponent("A.swift"), atomically: true, encoding: .utf8)
    let directive = Directive(SourceDirective.self)
    let cell = try arguments(directive, "symbol: a", registry: .standard)
    let run = executor(data: nil, sourceRoot: root.path, registry: .standard)
    let before = run.cacheInputs(directive, cell)
    try "func a() { }\n".write(to: library.appendingPathComponent("A.swift"), atomically: true, encoding: .utf8)
    let edited = run.cacheInputs(directive, cell)
    #expect(edited != before)
    try "func b() {}\n".write(to: library.appendingPathComponent("B.swift"), atomically: true, encoding: .utf8)
    #expect(run.cacheInputs(directive, cell) != edited)
}

@Test func twoWritesOfTheSameKeyAtOnceLeaveAWholeEntry() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let cache = CellCache(directory: root, toolIdentity: "test")
    let outputs: [CellOutput] = [.note(String(repeating: "a long note ", count: 20_000)),
                                 .value(key: "x", name: "x", value: 1)]
    let key = cache.key(directive: "plot", arguments: CellArguments(), inputs: "")
    let entry = try #require(cache.entry(outputs, under: key))
    for _ in 0..<20 {
        // Two builds (two editions, two `serve` rebuilds) committing the same entry at once.
        DispatchQueue.concurrentPerform(iterations: 4) { _ in CommitStep.writeCache([entry], to: root) }
        #expect(cache.load(key) == outputs)
    }
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
}

@Test func concurrentAtomicWritesOfOneFileAllSucceed() throws {
    // With one temporary name per process, a second writer's rename found the
    // temporary file already renamed away (ENOENT) — or renamed a half-written one.
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let target = root.appendingPathComponent("entry.json")
    let failures = LockedCounter()
    for _ in 0..<20 {
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            do { try AtomicFile.write(String(repeating: "\(i)", count: 100_000), to: target) } catch { failures.increment() }
        }
        let text = try String(contentsOf: target, encoding: .utf8)
        #expect(text.count == 100_000 && Set(text).count == 1, "a whole file from one writer")
    }
    #expect(failures.value == 0)
}

private final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}

/// Why a cell ran must not depend on which cell of a parallel first build created the
/// cache folder: the record of what a cell ran with is written by the commit step even
/// when the folder is new, and `reason` itself only reads.
@Test func theReasonIsRecordedWhenTheCacheFolderDoesNotExistYet() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let directory = root.appendingPathComponent("output/.cache")
    let cache = CellCache(directory: directory, toolIdentity: "tool")
    let before = CellArguments(values: ["points": .integer(50)])
    let after = CellArguments(values: ["points": .integer(60)])
    #expect(cache.reason(place: "c.md#fig-b", directive: "plot", arguments: before, inputs: "") == "new cell")
    #expect(!FileManager.default.fileExists(atPath: directory.path), "a query writes nothing")
    CommitStep.writeCache([cache.reasonRecord(place: "c.md#fig-b", directive: "plot", arguments: before, inputs: "")], to: directory)
    #expect(cache.reason(place: "c.md#fig-b", directive: "plot", arguments: after, inputs: "") == "points changed")
}

/// The cache key's hash is the same on every machine and in every build (two FNV-1a lanes):
/// the value below was computed independently of the code. A change here empties every cache.
@Test func theStableHashIsPinned() {
    #expect(StableHash.of(["a", "bc"]) == "a0a3542c19b900ab0a601b40cba308f8")
    #expect(StableHash.of(["ab", "c"]) != StableHash.of(["a", "bc"]))
}
