import Foundation
import Testing
@testable import WorkbookKit

// Every input in Fixtures/fuzz/<target>/ — the seeds scripts/fuzz starts from
// and every crash, hang or bomb it (or the hostile-input corpus of issue 13)
// found — replayed through the same entry point the fuzzer calls. The entry
// points trap on a crash or on an error located outside the input, so a
// regression fails here.

private let fuzzFolder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/fuzz")

private func seeds(_ target: String) throws -> [URL] {
    let folder = fuzzFolder.appendingPathComponent(target)
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0) }
}

@Test(arguments: FuzzTargets.names)
func everyCommittedFuzzSeedRunsWithoutCrashing(target: String) throws {
    let files = try seeds(target)
    #expect(files.count >= 2, "no seeds for \(target)")
    for file in files {
        #expect(FuzzTargets.run(target, Array(try Data(contentsOf: file))), "\(file.lastPathComponent)")
    }
}

@Test func committedCrashInputsGiveLocatedErrors() throws {
    func expressionError(_ name: String) throws -> LanguageError? {
        let text = String(decoding: try Data(contentsOf: fuzzFolder.appendingPathComponent("expression/" + name)), as: UTF8.self)
        do { _ = try WorkbookKit.Expression.parse(text, variables: ["x"]); return nil } catch { return error }
    }
    #expect(try expressionError("crash-nested-parentheses")?.column == ExpressionParser.maximumNesting + 1)
    #expect(try expressionError("crash-unary-minus")?.column == ExpressionParser.maximumNesting + 1)
    #expect(try expressionError("crash-long-sum") == nil)
    #expect(try expressionError("nul-byte")?.column == 2)  // x\0+1: the NUL, not a silent `x`

    let chapter = { (name: String) throws -> Chapter in
        Chapter.parse(source: String(decoding: try Data(contentsOf: fuzzFolder.appendingPathComponent("chapter/" + name)), as: UTF8.self), path: "c.md")
    }
    // CRLF and CR read exactly like LF (they crashed ChapterParser); the unclosed quote is a YAML error, not a crash.
    #expect(try chapter("crash-crlf-run-cell").diagnostics == chapter("crash-yaml-flow-unclosed-quote").diagnostics)
    #expect(try chapter("crash-cr-run-cell").diagnostics == chapter("crash-yaml-flow-unclosed-quote").diagnostics)
    #expect(try chapter("crash-yaml-flow-unclosed-quote").diagnostics.contains { $0.severity == .error && $0.message.contains("not valid YAML") })
    #expect(try chapter("hang-alias-bomb").diagnostics.contains { $0.message.hasPrefix("YAML anchors and aliases are not supported") })
    #expect(try chapter("unterminated-fence").diagnostics.contains { $0.location.line == 5 && $0.severity == .warning })
}
