import Foundation

/// Which plans run together: each directive cell alone, and all the Swift
/// cells of a chapter as one job (they are one program).
enum SwiftCellJobs {
    static func group(_ plans: [CellPlan]) -> [[Int]] {
        var jobs: [[Int]] = []
        var swiftJob: [Int: Int] = [:]
        for (i, plan) in plans.enumerated() {
            if plan.cell.kind == .swift {
                if let job = swiftJob[plan.chapterIndex] { jobs[job].append(i); continue }
                swiftJob[plan.chapterIndex] = jobs.count
            }
            jobs.append([i])
        }
        return jobs
    }

    /// What a Swift job is assumed to take per cell: compiling the chapter's
    /// program dominates (0.5–1.7 s per cell measured with the debug tool).
    static let secondsPerSwiftCell = 1.0

    /// The jobs by their estimated seconds, longest first (ties in document
    /// order): the order in which the workers claim them. Only when a cell
    /// runs changes; its results stay in document order (``scatter(_:jobs:)``).
    static func longestFirst(_ jobs: [[Int]], _ plans: [CellPlan]) -> [[Int]] {
        func estimate(_ job: [Int]) -> Double {
            let first = plans[job[0]]
            if first.cell.kind == .swift { return secondsPerSwiftCell * Double(job.count) }
            guard first.isRunnable, let directive = first.directive, let arguments = first.arguments else { return 0 }
            return directive.estimate(arguments)
        }
        let estimates = jobs.map(estimate)
        return jobs.indices.sorted { estimates[$0] > estimates[$1] || estimates[$0] == estimates[$1] && $0 < $1 }.map { jobs[$0] }
    }

    /// Results of the jobs back in the order of the plans.
    static func scatter<Result>(_ done: [[Result]], jobs: [[Int]]) -> [Result] {
        var ordered: [(Int, Result)] = []
        for (job, indices) in jobs.enumerated() { ordered += zip(indices, done[job]) }
        return ordered.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

extension RunStep {
    /// Runs a chapter's Swift cells: from the cache when every cell's key is
    /// there, else the whole program from the top (the compiled binary itself
    /// is cached by the program's text). A cell's key is its code, the code of
    /// every Swift cell before it, the sample data and the tool's build.
    func executeSwift(_ plans: [CellPlan], reporter: CellReporter) -> [CellRun] {
        guard let first = plans.first else { return [] }
        let file = first.cell.location.file
        // The chapter's file name and the code without its `//|` options: the same
        // program in every edition of a workbook (chapters/ and chapters/ja/) has one
        // key, and a new caption runs nothing.
        let chapterName = (file as NSString).lastPathComponent
        let sample = try? context.data.locate("sample").get().directory
        let dataIdentity = sample.map(Self.filesIdentity) ?? "no sample"
        var codeSoFar: [String] = []
        let keys = plans.map { plan -> String? in
            codeSoFar.append(plan.cell.swiftSource.code)
            return cache.map { StableHash.of(["swift-cell-2", $0.toolIdentity, dataIdentity, chapterName] + codeSoFar) }
        }
        var results = plans.map { plan in
            CellResult(cell: plan.cell, label: plan.label, caption: plan.caption, echo: plan.echo, status: .error,
                       seconds: 0, outputs: [], diagnostics: plan.diagnostics, reason: "error")
        }
        // A cell that is wrong before compiling (a bad option, a bad label) stops the chapter's program.
        if plans.contains(where: { !$0.isRunnable }) {
            for i in plans.indices where plans[i].isRunnable {
                results[i].status = .skipped
                results[i].reason = "not run"
                results[i].diagnostics.append(.note("not run: a Swift cell of this chapter has an error", at: plans[i].cell.bodyLocation))
            }
            return results.map { CellRun(result: $0) }
        }
        if readCache, let cache {
            let stored = keys.map { key in key.flatMap { cache.load($0) } }
            if stored.allSatisfy({ $0 != nil }) {
                for i in plans.indices {
                    results[i].status = .cached
                    results[i].outputs = stored[i] ?? []
                    results[i].reason = "cached"
                }
                return results.map { CellRun(result: $0) }
            }
        }
        if plans.allSatisfy({ $0.skipReason != nil }) {
            for i in plans.indices { results[i].skip(plans[i].skipReason ?? "skipped") }
            return results.map { CellRun(result: $0) }
        }
        let firstChanged = readCache ? keys.firstIndex { key in key.flatMap { cache?.load($0) } == nil } ?? 0 : 0
        let cacheDirectory = cache?.directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("workbook-swift-cells")
        var runner = SwiftChapterRunner(cacheDirectory: cacheDirectory, workingDirectory: context.data.workbookRoot)
        if let sample { runner.environment["WORKBOOK_SAMPLE_DATA"] = sample }
        plans.forEach(reporter.started)
        let run = runner.run(file: file, cells: plans.map(\.cell.swiftSource))
        var writes = [[CacheWrite]](repeating: [], count: plans.count)
        let how = (run.reusedBinary ? "program reused" : "program compiled") + (run.linkedLibrary ? " and cell library linked" : "")
            + String(format: " in %.2fs, ran in %.2fs", run.compileSeconds, run.runSeconds)
        for i in plans.indices {
            let cellRun = run.cells[i]
            results[i].outputs = cellRun.items.map(Self.output)
            results[i].diagnostics += cellRun.diagnostics
            switch cellRun.status {
            case .finished:
                results[i].status = .ran
                results[i].reason = i < firstChanged ? "ran: with its chapter's program (\(how))"
                    : "ran: \(readCache ? "no cache entry from the Swift cell at line \(plans[firstChanged].cell.location.line) on" : "--no-cache") (\(how))"
                if let key = keys[i], let entry = cache?.entry(results[i].outputs, under: key) { writes[i] = [entry] }
            case .failed:
                results[i].status = .error
            case .notRun:
                results[i].status = .skipped
                results[i].reason = "not run"
            }
        }
        results[0].seconds = run.compileSeconds + run.runSeconds
        return zip(results, writes).map { CellRun(result: $0, cacheWrites: $1) }
    }

    /// How a Swift cell's item is shown with the existing output kinds: printed
    /// text as a plain block, a check as a note that says pass or fail.
    static func output(_ item: SwiftCellItem) -> CellOutput {
        switch item {
        case .printed(let text): .code(language: "output", code: text, origin: "printed")
        case .output(let output): output
        case .check(let check): .note((check.passed ? "✓ check passed — " : "✗ check failed — ") + check.summary)
        }
    }

    /// Paths, sizes and times of the files in a data directory: replacing them reruns the cells.
    static func filesIdentity(_ directory: String) -> String {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        return names.map { name -> String in
            let attributes = (try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)) ?? [:]
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(name)|\(size)|\(time)"
        }.joined(separator: "\n")
    }
}
