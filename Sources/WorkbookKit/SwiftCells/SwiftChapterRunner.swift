import Foundation
internal import WorkbookCellSupport

/// What happened to one Swift cell when its chapter's program was compiled and run.
public struct SwiftCellRun: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable {
        /// The cell's code ran to its end.
        case finished
        /// The cell did not compile, trapped, timed out or ended the program.
        case failed
        /// The program never reached the cell (an earlier cell failed, or the program did not compile).
        case notRun
    }

    public var status: Status
    public var items: [SwiftCellItem]
    /// Compiler errors and warnings in this cell, a trap or timeout, a failed
    /// check, or why the cell did not run.
    public var diagnostics: [Diagnostic]

    public init(status: Status, items: [SwiftCellItem] = [], diagnostics: [Diagnostic] = []) {
        self.status = status
        self.items = items
        self.diagnostics = diagnostics
    }
}

/// The outcome of a chapter's Swift program.
public struct SwiftChapterRun: Sendable, Equatable {
    public var cells: [SwiftCellRun]
    /// The compiled program came from the cache.
    public var reusedBinary: Bool
    /// The cell library was linked by this run (its first use for this build of the tool).
    public var linkedLibrary: Bool
    public var compileSeconds: Double
    public var runSeconds: Double
}

/// Compiles a chapter's Swift cells into one program and runs it as a child
/// process in the workbook folder, with the reader's rights (it is their own
/// code, as a notebook's is), a timeout per cell and bounded output.
public struct SwiftChapterRunner: Sendable {
    public var toolchain: Result<SwiftToolchain, SwiftToolchain.Missing>
    /// Where compiled programs are kept (`output/.cache`).
    public var cacheDirectory: URL
    /// The child's working directory: the workbook folder, so relative paths
    /// in a cell mean what the reader expects.
    public var workingDirectory: String
    /// The tool's build products (objects and `.swiftmodule`s) and its checkout.
    public var buildDirectory: String?
    public var packageRoot: String?
    /// Bytes of printed text kept per cell; the rest is cut with a note.
    public var textLimit: Int
    /// Set in the child's environment besides the tool's own (where the sample data is).
    public var environment: [String: String] = [:]

    public init(
        toolchain: Result<SwiftToolchain, SwiftToolchain.Missing> = SwiftToolchain.current(),
        cacheDirectory: URL, workingDirectory: String = FileManager.default.currentDirectoryPath,
        buildDirectory: String? = CellLibrary.toolBuildDirectory, packageRoot: String? = ToolLocation.packageRoot,
        textLimit: Int = 1 << 20
    ) {
        self.toolchain = toolchain
        self.cacheDirectory = cacheDirectory
        self.workingDirectory = workingDirectory
        self.buildDirectory = buildDirectory
        self.packageRoot = packageRoot
        self.textLimit = textLimit
    }

    /// The library is linked once per process and build of the tool.
    private static let libraries = LibraryMemo()

    public func run(file: String, cells: [SwiftCellSource]) -> SwiftChapterRun {
        var run = SwiftChapterRun(cells: cells.map { _ in SwiftCellRun(status: .notRun) }, reusedBinary: false,
                                  linkedLibrary: false, compileSeconds: 0, runSeconds: 0)
        guard let first = cells.first else { return run }
        // Option errors: the program is not compiled (a wrong timeout must not run unbounded).
        let optionErrors = cells.map { $0.diagnostics }
        if optionErrors.contains(where: { $0.contains { $0.severity == .error } }) {
            for (i, diagnostics) in optionErrors.enumerated() {
                run.cells[i] = diagnostics.isEmpty
                    ? SwiftCellRun(status: .notRun, diagnostics: [.note("not run: a Swift cell of this chapter has a bad option", at: cells[i].codeLocation)])
                    : SwiftCellRun(status: .failed, diagnostics: diagnostics)
            }
            return run
        }
        let toolchain: SwiftToolchain
        switch self.toolchain {
        case .success(let found): toolchain = found
        case .failure(let missing): return failedEverywhere(run, cells, .error(missing.description, at: first.codeLocation))
        }
        guard let buildDirectory, let packageRoot else {
            return failedEverywhere(run, cells, .error("cannot compile Swift cells: the tool's build folder (with DeepLearning's .swiftmodule) was not found beside the running executable", at: first.codeLocation))
        }
        let compileStart = ChildProcess.now()
        let library: CellLibrary
        do {
            library = try Self.libraries.library(toolchain: toolchain, buildDirectory: buildDirectory, packageRoot: packageRoot)
        } catch {
            return failedEverywhere(run, cells, .error("cannot compile Swift cells: \(error)", at: first.codeLocation))
        }
        run.linkedLibrary = library.linkedNow
        let program = SwiftProgram(file: file, cells: cells)
        let compiled: SwiftCompiler.Compiled
        do {
            compiled = try SwiftCompiler(toolchain: toolchain, library: library, cacheDirectory: cacheDirectory).compile(program)
        } catch {
            return failedEverywhere(run, cells, .error("cannot compile Swift cells: \(error)", at: first.codeLocation))
        }
        run.compileSeconds = ChildProcess.now() - compileStart
        run.reusedBinary = compiled.reused

        // Compiler diagnostics go to the cell whose lines hold them; others to the first cell.
        var located = Array(repeating: [Diagnostic](), count: cells.count)
        for diagnostic in compiled.diagnostics {
            let index = diagnostic.location.file == file ? program.cell(atLine: diagnostic.location.line) ?? 0 : 0
            var moved = diagnostic
            if diagnostic.location.file != file {
                moved = Diagnostic(diagnostic.severity, "\(diagnostic.message) (in \(diagnostic.location))", at: cells[index].codeLocation)
            }
            located[index].append(moved)
        }
        guard let executable = compiled.executable else {
            if !compiled.otherOutput.isEmpty || compiled.diagnostics.allSatisfy({ $0.severity != .error }) {
                located[0].append(.error("the chapter's Swift program did not compile:\n" + compiled.otherOutput.joined(separator: "\n"), at: first.codeLocation))
            }
            for i in cells.indices {
                let failed = located[i].contains { $0.severity == .error }
                run.cells[i] = SwiftCellRun(
                    status: failed ? .failed : .notRun,
                    diagnostics: failed ? located[i] : located[i] + [.note("not run: the chapter's Swift program did not compile", at: cells[i].codeLocation)])
            }
            return run
        }

        let runStart = ChildProcess.now()
        let nonce = String(UInt64.random(in: 1...UInt64.max), radix: 36)
        let timeouts = cells.map { $0.options.timeout ?? SwiftCellOptions.defaultTimeout }
        var transcript = CellTranscript(nonce: nonce, timeouts: timeouts, textLimit: textLimit)
        var environment = ProcessInfo.processInfo.environment.merging(self.environment) { $1 }
        environment[CellMessage.nonceVariable] = nonce
        environment["SWIFT_BACKTRACE"] = TrapReport.backtraceSetting
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(executable, [], directory: workingDirectory, environment: environment, sink: &transcript)
        } catch {
            return failedEverywhere(run, cells, .error("cannot run the chapter's Swift program: \(error)", at: first.codeLocation))
        }
        transcript.finish()
        run.runSeconds = ChildProcess.now() - runStart
        run.cells = outcomes(cells: cells, transcript: transcript, result: result, located: located, file: file)
        return run
    }

    private func outcomes(cells: [SwiftCellSource], transcript: CellTranscript, result: ChildProcess.Result,
                          located: [[Diagnostic]], file: String) -> [SwiftCellRun] {
        let stopped = transcript.current
        var runs: [SwiftCellRun] = []
        for (i, cell) in cells.enumerated() {
            let record = transcript.cells[i]
            var items = record.items
            var diagnostics = located[i]
            if record.droppedBytes > 0 {
                items.append(.printed("\n… output cut: the cell printed \(record.textBytes + record.droppedBytes) bytes, the first \(record.textBytes) are shown"))
                diagnostics.append(.warning("output cut at \(record.textBytes) bytes (the cell printed \(record.textBytes + record.droppedBytes))", at: cell.codeLocation))
            }
            for case .check(let check) in items where !check.passed {
                diagnostics.append(.warning("check failed: " + check.summary, at: check.location))
            }
            var status: SwiftCellRun.Status = record.ended ? .finished : .notRun
            if i == stopped {
                status = .failed
                diagnostics.append(stopDiagnostic(cell: cell, result: result, file: file, timeout: transcript.timeouts[i]))
            } else if !record.began, let stopped {
                diagnostics.append(.note("not run: the program stopped in the Swift cell at line \(cells[stopped].codeLocation.line)", at: cell.codeLocation))
            } else if !record.began {
                status = .failed
                diagnostics.append(.error("the program ended before this cell (\(describe(result.termination)))", at: cell.codeLocation))
            }
            runs.append(SwiftCellRun(status: status, items: items, diagnostics: diagnostics))
        }
        return runs
    }

    /// Why the program stopped inside `cell`: a trap at a line, a timeout, or an exit.
    private func stopDiagnostic(cell: SwiftCellSource, result: ChildProcess.Result, file: String, timeout: Double) -> Diagnostic {
        let report = TrapReport(standardError: result.standardError, chapterFile: file)
        switch result.termination {
        case .timedOut:
            return .error("the cell ran longer than its timeout of \(formatNumber(timeout)) s and was stopped", at: cell.codeLocation,
                          hint: "set a longer one with '//| timeout: SECONDS' if the work is meant to take that long")
        case .signaled, .exited:
            let where_ = report.frames.first ?? cell.codeLocation
            let callers = report.frames.dropFirst().map { "line \($0.line)" }
            let message = report.message ?? "the program stopped (\(describe(result.termination)))"
            var hint = callers.isEmpty ? nil : "called from " + callers.joined(separator: ", ")
            if report.frames.isEmpty { hint = "the line is unknown (no backtrace); the trap is in this cell" }
            if !report.otherOutput.isEmpty { hint = (hint.map { $0 + "; " } ?? "") + "stderr: " + String(report.otherOutput.prefix(2000)) }
            return .error("trap: " + message, at: where_, hint: hint)
        }
    }

    private func describe(_ termination: ChildProcess.Termination) -> String {
        switch termination {
        case .exited(let code): "exit status \(code)"
        case .signaled(let signal): "signal \(signal)"
        case .timedOut: "timeout"
        }
    }

    private func failedEverywhere(_ run: SwiftChapterRun, _ cells: [SwiftCellSource], _ diagnostic: Diagnostic) -> SwiftChapterRun {
        var run = run
        run.cells = cells.indices.map { i in
            i == 0 ? SwiftCellRun(status: .failed, diagnostics: [diagnostic])
                   : SwiftCellRun(status: .notRun, diagnostics: [.note("not run: the chapter's Swift program could not be built", at: cells[i].codeLocation)])
        }
        return run
    }
}

/// Links the cell library at most once per process for each build directory.
private final class LibraryMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: CellLibrary] = [:]

    func library(toolchain: SwiftToolchain, buildDirectory: String, packageRoot: String) throws -> CellLibrary {
        lock.lock()
        defer { lock.unlock() }
        let key = toolchain.swiftc + "|" + buildDirectory
        if var library = known[key] {
            library.linkedNow = false
            return library
        }
        let library = try CellLibrary.prepare(toolchain: toolchain, buildDirectory: buildDirectory, packageRoot: packageRoot)
        known[key] = library
        return library
    }
}
