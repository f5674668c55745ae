import Foundation

/// The checks of each cell, before any cell runs: its parameters (by its
/// directive's declarations), its label (a safe id, unique in its chapter),
/// its data set (found), and its estimated cost (within its `timeout`). A
/// cell's plan starts from the problems the parse step found in it
/// (`RunCell.diagnostics`).
/// Part of the plan step; reads nothing but where the data sets are.
struct CellPlanner: Sendable {
    var registry: DirectiveRegistry
    var data: DataProvider

    /// One plan per run cell of `chapters`, in document order.
    func plan(_ chapters: [Chapter]) -> [CellPlan] {
        let validator = CellValidator(registry: registry)
        var plans: [CellPlan] = []
        for (chapterIndex, chapter) in chapters.enumerated() {
            var labels: [String: SourceLocation] = [:]
            for (cellIndex, cell) in chapter.cells.enumerated() {
                var plan = CellPlan(chapterIndex: chapterIndex, cell: cell, label: "cell-\(cellIndex + 1)",
                                    caption: "", echo: true, directive: nil, arguments: nil,
                                    diagnostics: cell.diagnostics, figureFiles: FigureFileNames(base: ""))
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
                plan.figureFiles = FigureFileNames(base: "\(chapter.slug)/\(plan.label)")
                plan.page = chapter.slug + ".html"
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
           case .failure(let failure) = data.locate(name, parameter: parameter) {
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
}

enum EstimateText {
    static func seconds(_ s: Double) -> String {
        if s < 1 { return String(format: "%.2f s", s) }
        if s < 120 { return String(format: "%.1f s", s) }
        if s < 7200 { return String(format: "%.0f min", s / 60) }
        return String(format: "%.1f h", s / 3600)
    }
}
