import Foundation

/// Compiles a chapter's `SwiftProgram` into an executable, once per program
/// text: the binary is kept under `cacheDirectory/swift/KEY/`, KEY a hash of
/// the program, the compiler flags and the library's identity, together with
/// what the compiler printed (its warnings come back on every build that
/// reuses the binary).
struct SwiftCompiler {
    var toolchain: SwiftToolchain
    var library: CellLibrary
    var cacheDirectory: URL

    /// `-Onone`: a chapter compiles in about a second instead of several; the
    /// heavy arithmetic runs inside DeepLearning, which is always optimized. `-gline-tables-only`: the
    /// backtrace of a trap names the chapter line (line tables only: `-g` would add an emit-module step).
    static let flags = ["-Onone", "-gline-tables-only", "-swift-version", "5", "-diagnostic-style=llvm", "-module-name", "WorkbookCells"]

    struct Compiled {
        /// The executable, nil when compilation failed.
        var executable: String?
        var diagnostics: [Diagnostic]
        /// Compiler output that was no located diagnostic (linker errors).
        var otherOutput: [String]
        var reused: Bool
    }

    func compile(_ program: SwiftProgram) throws -> Compiled {
        let key = StableHash.of(["swift-cells-1", toolchain.swiftc, library.identity, program.file, program.text] + Self.flags)
        let directory = cacheDirectory.appendingPathComponent("swift").appendingPathComponent(key)
        let executable = directory.appendingPathComponent("program").path
        let log = directory.appendingPathComponent("compiler-output.txt")
        if FileManager.default.isExecutableFile(atPath: executable),
           let output = try? String(contentsOf: log, encoding: .utf8) {
            return Self.compiled(executable: executable, output: output, reused: true)
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let source = directory.appendingPathComponent(SwiftProgram.fileName)
        try AtomicFile.write(Data(program.text.utf8), to: source)
        let temporary = executable + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let result = try ToolRun.run(toolchain.swiftc, Self.flags + library.compilerFlags + [source.path, "-o", temporary])
        guard result.status == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            return Self.compiled(executable: nil, output: result.output, reused: false)
        }
        try AtomicFile.write(Data(result.output.utf8), to: log)
        if rename(temporary, executable) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
        return Self.compiled(executable: executable, output: result.output, reused: false)
    }

    private static func compiled(executable: String?, output: String, reused: Bool) -> Compiled {
        let parsed = SwiftcDiagnostics.parse(output)
        return Compiled(executable: executable, diagnostics: parsed.diagnostics, otherOutput: parsed.otherLines, reused: reused)
    }
}
