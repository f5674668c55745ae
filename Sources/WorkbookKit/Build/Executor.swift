import Foundation

/// Checks every cell of every chapter, then runs the runnable ones in
/// parallel (through the cache), and returns results in document order.
public struct Executor: Sendable {
    public var registry: DirectiveRegistry
    public var cache: CellCache?
    /// When false, cached entries are ignored (but fresh results are still stored).
    public var readCache: Bool
    public var context: RunContext
    public var jobs: Int

    public init(registry: DirectiveRegistry, cache: CellCache?, readCache: Bool, context: RunContext, jobs: Int) {
        self.registry = registry
        self.cache = cache
        self.readCache = readCache
        self.context = context
        self.jobs = jobs
    }

    /// Validates every cell of `chapters` (no cell runs yet).
    func plan(_ chapters: [Chapter]) -> [CellPlan] {
        let validator = CellValidator(registry: registry)
        var plans: [CellPlan] = []
        for (chapterIndex, chapter) in chapters.enumerated() {
            var labels: [String: SourceLocation] = [:]
            for (cellIndex, cell) in chapter.cells.enumerated() {
                var plan = CellPlan(chapterIndex: chapterIndex, cell: cell, label: "cell-\(cellIndex + 1)",
                                    caption: "", echo: true, directive: nil, arguments: nil,
                                    diagnostics: chapter.diagnostics(of: cell))
                if cell.kind == .swift {
                    (plan.caption, plan.echo) = (cell.swiftSource.options.caption ?? "", cell.swiftSource.options.echo)
                } else if !plan.hasError {
                    switch validator.validate(cell) {
                    case .valid(let directive, let arguments):
                        plan.directive = directive
                        plan.arguments = arguments
                        if let common = try? CommonParameters.decode(arguments) {
                            plan.caption = common.caption
                            plan.echo = common.echo
                        }
                    case .invalid(let diagnostics):
                        plan.diagnostics += diagnostics
                    }
                }
                // A cell that is already wrong keeps a usable label silently, so references
                // to it do not become second errors; a valid cell reports a bad label.
                plan.diagnostics += claimLabel(of: cell, for: &plan, in: &labels, report: !plan.hasError)
                if !plan.hasError, let directive = plan.directive, let arguments = plan.arguments {
                    plan.diagnostics += preflight(directive, arguments, cell)
                }
                plans.append(plan)
            }
        }
        return plans
    }

    /// Gives the plan the cell's `label` when it is a safe id not used before in the chapter.
    private func claimLabel(of cell: RunCell, for plan: inout CellPlan, in labels: inout [String: SourceLocation],
                            report: Bool) -> [Diagnostic] {
        guard let label = cell.labelText, !label.isEmpty else { return [] }
        let location = cell["label"]?.value.location ?? cell.location
        if !LabelRule.isValid(label) {
            return report ? [.error("label '\(label)' may contain only letters, digits, '-' and '_'", at: location,
                                    hint: "labels become HTML ids and file names, e.g. fig-loss", length: label.count)] : []
        }
        if let first = labels[label] {
            return report ? [.error("label '\(label)' is already used by the cell at line \(first.line)", at: location,
                                    length: label.count)] : []
        }
        labels[label] = location
        plan.label = label
        return []
    }

    /// Checks of a valid cell that look beyond its parameters: its data set can be
    /// found, and its estimated cost is within its `timeout`.
    private func preflight(_ directive: Directive, _ arguments: CellArguments, _ cell: RunCell) -> [Diagnostic] {
        if let parameter = directive.dataParameter, case .text(let name)? = arguments.values[parameter],
           case .failure(let failure) = context.data.locate(name, parameter: parameter) {
            return [.error(failure.message, at: arguments.locations[parameter] ?? cell.directiveLocation,
                           hint: failure.hint, length: max(1, name.count))]
        }
        let timeout = (try? CommonParameters.decode(arguments))?.timeout ?? CommonParameters.maximumTimeout
        let estimate = directive.estimate(arguments)
        if estimate > timeout {
            return [.error("this cell would take about \(EstimateText.seconds(estimate)), more than its timeout of \(EstimateText.seconds(timeout))",
                           at: cell.directiveLocation,
                           hint: "add 'timeout: \(Int(estimate.rounded(.up)) + 1)' to run it anyway, or make it smaller",
                           length: cell.directive.count)]
        }
        return []
    }

    /// Runs the plans and reports each finished cell (in completion order) to `finished`.
    func run(_ plans: [CellPlan],
             progress: @escaping @Sendable (String, Double, String) -> Void = { _, _, _ in },
             finished: @escaping @Sendable (CellResult) -> Void) -> [CellResult] {
        // A chapter's Swift cells are one program: one job runs them all, in order.
        let jobs = SwiftCellJobs.group(plans)
        let done = runConcurrently(count: jobs.count, width: self.jobs) { job -> [CellResult] in
            let results = plans[jobs[job][0]].cell.kind == .swift
                ? self.executeSwift(jobs[job].map { plans[$0] })
                : [self.execute(plans[jobs[job][0]], progress: progress)]
            results.forEach(finished)
            return results
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

    private func execute(_ plan: CellPlan, progress: @escaping @Sendable (String, Double, String) -> Void) -> CellResult {
        var result = CellResult(cell: plan.cell, label: plan.label, caption: plan.caption, echo: plan.echo,
                                status: .error, seconds: 0, outputs: [], diagnostics: plan.diagnostics, reason: "error")
        guard plan.isRunnable, let directive = plan.directive, let arguments = plan.arguments else { return result }
        let inputs = cacheInputs(directive, arguments)
        let key = cache?.key(directive: directive.name, arguments: arguments, inputs: inputs)
        if readCache, let key, let outputs = cache?.load(key) {
            result.status = .cached
            result.outputs = outputs
            result.reason = "cached"
            return result
        }
        if let reason = plan.skipReason {
            result.status = .skipped
            result.reason = reason
            result.outputs = [.note("This cell was not run: \(reason). Build without --only to run it.")]
            return result
        }
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            var cellContext = context
            let place = "\(plan.cell.location.file):\(plan.cell.location.line) \(plan.cell.directive)"
            cellContext.progress = { fraction, status in progress(place, fraction, status) }
            // The timeout is declared at most a day, so the nanoseconds fit in UInt64.
            let timeout = (try? CommonParameters.decode(arguments))?.timeout ?? CommonParameters.maximumTimeout
            cellContext.deadline = start + UInt64(timeout * 1e9)
            let outputs = try directive.run(arguments, cellContext)
            result.outputs = outputs
            result.status = .ran
            if !readCache {
                result.reason = "ran: --no-cache"
            } else if let cache {
                result.reason = "ran: " + cache.reason(place: "\(plan.cell.location.file)#\(plan.label)", directive: directive.name,
                                                     arguments: arguments, inputs: inputs)
            } else {
                result.reason = "ran"
            }
            if let key { cache?.store(outputs, under: key) }
        } catch let failure as CellFailure {
            let location = failure.parameter.flatMap { arguments.locations[$0.text] } ?? plan.cell.directiveLocation
            result.diagnostics.append(Diagnostic.error(failure.message, at: location,
                                                 hint: failure.hint, length: failure.parameter == nil ? plan.cell.directive.count : 1))
        } catch {
            result.diagnostics.append(Diagnostic.error("\(error)", at: plan.cell.directiveLocation,
                                                 hint: nil, length: plan.cell.directive.count))
        }
        result.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return result
    }
}

enum EstimateText {
    static func seconds(_ s: Double) -> String {
        if s < 1 { return String(format: "%.2f s", s) }
        if s < 120 { return String(format: "%.1f s", s) }
        if s < 7200 { return String(format: "%.0f min", s / 60) }
        return String(format: "%.1f h", s / 3600)
    }
}

extension Chapter {
    /// The chapter's reading diagnostics that fall inside `cell` (a YAML error in its body).
    func diagnostics(of cell: RunCell) -> [Diagnostic] {
        let lines = cell.location.line...(cell.bodyLocation.line + cell.body.split(separator: "\n", omittingEmptySubsequences: false).count)
        return diagnostics.filter { lines.contains($0.location.line) }
    }
}
