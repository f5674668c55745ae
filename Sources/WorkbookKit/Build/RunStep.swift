import Foundation

/// The fourth step: every planned cell through the cache — its outputs read
/// back, or the cell run — on `jobs` threads, with the results in document
/// order. Workers write nothing: a run returns the cache files it produced
/// (`CellRun.cacheWrites`) and the commit step writes them.
struct RunStep: Sendable {
    var cache: CellCache?
    /// When false, cached entries are ignored (but fresh results are still stored).
    var readCache: Bool
    var context: RunContext
    var jobs: Int
    /// Where this build's pages go, for the cells' ids in events.
    var output = ""

    /// Runs the plans, reporting each cell's start, progress and end to `log`.
    func run(_ plans: [CellPlan], log: BuildLog = .silent) -> [CellRun] {
        let counter = CellCounter(total: plans.count)
        let reporter = CellReporter(log: log, output: output, counter: counter)
        // A chapter's Swift cells are one program: one job runs them all, in order.
        // The longest jobs are claimed first, so that the training cell does not
        // start last and run alone while the other core idles.
        let jobs = SwiftCellJobs.longestFirst(SwiftCellJobs.group(plans), plans)
        let done = runConcurrently(count: jobs.count, width: self.jobs) { job -> [CellRun] in
            let runs = plans[jobs[job][0]].cell.kind == .swift
                ? self.executeSwift(jobs[job].map { plans[$0] }, reporter: reporter)
                : [self.execute(plans[jobs[job][0]], reporter: reporter)]
            for (index, run) in zip(jobs[job], runs) { reporter.done(plans[index], run.result) }
            return runs
        }
        return SwiftCellJobs.scatter(done, jobs: jobs)
    }

    /// Everything besides the directive, its parameters and the tool that enters the
    /// cell's cache key: the identity of the data set it reads (when it reads one)
    /// followed by its own inputs (the library fingerprint of `source`).
    func cacheInputs(_ directive: Directive, _ arguments: CellArguments) -> String {
        let data = directive.dataParameter.map { context.data.identity(for: arguments, parameter: $0) } ?? ""
        return data + "\u{2}" + directive.inputs(arguments, context)
    }

    private func execute(_ plan: CellPlan, reporter: CellReporter) -> CellRun {
        var run = CellRun(result: CellResult(cell: plan.cell, label: plan.label, caption: plan.caption, echo: plan.echo,
                                             status: .error, seconds: 0, outputs: [], diagnostics: plan.diagnostics,
                                             reason: "error"))
        guard plan.isRunnable, let directive = plan.directive, let arguments = plan.arguments else { return run }
        let inputs = cacheInputs(directive, arguments)
        let key = cache?.key(directive: directive.name, arguments: arguments, inputs: inputs)
        if readCache, let key, let outputs = cache?.load(key) {
            run.result.status = .cached
            run.result.outputs = outputs
            run.result.reason = "cached"
            return run
        }
        if let reason = plan.skipReason {
            run.result.skip(reason)
            return run
        }
        reporter.started(plan)
        let start = DispatchTime.now().uptimeNanoseconds
        var cellContext = context
        if let cache {
            cellContext.parts = cache.parts(directive: directive.name, arguments: arguments, inputs: inputs, reading: readCache)
        }
        do {
            cellContext.progress = reporter.progress(of: plan, since: start)
            // The timeout is declared at most a day, so the nanoseconds fit in UInt64.
            let timeout = (try? CommonParameters.decode(arguments))?.timeout ?? CommonParameters.maximumTimeout
            cellContext.deadline = start + UInt64(timeout * 1e9)
            let outputs = try directive.run(arguments, cellContext)
            run.result.outputs = outputs
            run.result.status = .ran
            let place = "\(plan.cell.location.file)#\(plan.label)"
            if !readCache {
                run.result.reason = "ran: --no-cache"
            } else if let cache {
                run.result.reason = "ran: " + cache.reason(place: place, directive: directive.name, arguments: arguments, inputs: inputs)
            } else {
                run.result.reason = "ran"
            }
            if let cache, let key {
                run.cacheWrites += [cache.entry(outputs, under: key),
                                    cache.reasonRecord(place: place, directive: directive.name, arguments: arguments, inputs: inputs)]
                    .compactMap { $0 }
            }
        } catch let failure as CellFailure {
            let location = failure.parameter.flatMap { arguments.locations[$0.text] } ?? plan.cell.directiveLocation
            run.result.diagnostics.append(Diagnostic.error(failure.message, at: location,
                                                           hint: failure.hint, length: failure.parameter == nil ? plan.cell.directive.count : 1))
        } catch {
            run.result.diagnostics.append(Diagnostic.error("\(error)", at: plan.cell.directiveLocation,
                                                           hint: nil, length: plan.cell.directive.count))
        }
        // Parts finished before a failure (a seed done when the timeout struck) are kept too.
        if let cache {
            run.cacheWrites += cache.partEntries(cellContext.parts, directive: directive.name, arguments: arguments, inputs: inputs)
        }
        run.result.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return run
    }
}

/// One cell after the run step: what its page shows, and the cache files
/// the commit step is to write for it (its entry and what it ran with; a
/// directive that caches parts of its work separately adds more).
struct CellRun: Sendable {
    var result: CellResult
    var cacheWrites: [CacheWrite] = []
}

extension CellResult {
    /// Not run in this build, with a note on the page saying why.
    mutating func skip(_ why: String) {
        status = .skipped
        reason = why
        outputs = [.note(why == PlanStep.deferredReason
            ? "This cell is still running; workbook serve shows its progress here and reloads the page when it is done."
            : "This cell was not run: \(why). Build without --only to run it.")]
    }
}
