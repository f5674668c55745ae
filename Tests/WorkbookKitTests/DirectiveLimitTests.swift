import Dispatch
import Foundation
import Testing
@testable import WorkbookKit

// The directive-level limits of issue 13: each is part of a parameter's
// declaration (or of a directive's grid check) and is reported as a located
// error at the value that breaks it, before anything runs.

private func cell(_ directive: String, _ body: String) -> RunCell {
    let source = "---\ntitle: T\n---\n\n```run \(directive)\n\(body)\n```\n"
    return Chapter.parse(source: source, path: "chapters/01-t.md").cells[0]
}

private func diagnostics(_ directive: String, _ body: String) -> [Diagnostic] {
    switch CellValidator(registry: .standard).validate(cell(directive, body)) {
    case .valid: return []
    case .invalid(let found): return found
    }
}

private func valid(_ directive: String, _ body: String) throws -> (Directive, CellArguments) {
    guard case .valid(let d, let a) = CellValidator(registry: .standard).validate(cell(directive, body)) else {
        throw CellFailure("expected a valid cell: \(diagnostics(directive, body).map(\.message))")
    }
    return (d, a)
}

/// Where `text` starts in the cell's body line `line` (1-based, counted from the body's first line), as a column.
private func column(of text: String, in line: String) -> Int {
    line.distance(from: line.startIndex, to: line.range(of: text)!.lowerBound) + 1
}

@Test(arguments: ["plot", "surface", "gradient-field"])
func aTinyStepIsALocatedErrorNotAnOverflow(directive: String) {
    // 1e-300 made the grid size overflow Int (once inside the error message itself).
    let body = directive == "plot" ? "f: x^2\nstep: 1e-300" : "f: x0^2 + x1^2\nstep: 1e-300"
    let found = diagnostics(directive, body)
    #expect(found.count == 1)
    let error = found.first
    #expect(error?.location == SourceLocation(file: "chapters/01-t.md", line: 7, column: 7))
    #expect(error?.message.hasPrefix("step 1e-300 gives") == true)
    #expect(error?.message.contains("more than") == true)
}

@Test func aHugeTimeoutIsRefusedAtItsValue() {
    // 1e11 seconds overflowed the deadline's nanoseconds (UInt64).
    let found = diagnostics("plot", "f: x\ntimeout: 1e11")
    #expect(found.first?.message == "'timeout' must be at most 86400, found 1e11")
    #expect(found.first?.location == SourceLocation(file: "chapters/01-t.md", line: 7, column: 10))
}

@Test func tenThousandSeedsAreRefusedAtTheList() {
    let seeds = "[" + (1...10_000).map(String.init).joined(separator: ", ") + "]"
    let found = diagnostics("minibatch", "seed: \(seeds)")
    #expect(found.count == 1)
    #expect(found.first?.message == "'seed' has 10000 values, at most 8 are allowed")
    #expect(found.first?.location == SourceLocation(file: "chapters/01-t.md", line: 6, column: 7))
}

@Test func aPlotOfAThousandFunctionsIsRefused() {
    let functions = "[" + (1...1000).map { "x + \($0)" }.joined(separator: ", ") + "]"
    let found = diagnostics("plot", "f: \(functions)")
    #expect(found.first?.message == "'f' has 1000 values, at most 12 are allowed")
    #expect(found.first?.location.line == 6)
}

@Test func aDescentOfThreeThousandRatesIsRefused() {
    let rates = "[" + (1...3000).map { "0.\($0)" }.joined(separator: ", ") + "]"
    let found = diagnostics("descent", "f: x0^2 + x1^2\nlr: \(rates)")
    #expect(found.first?.message == "'lr' has 3000 values, at most 12 are allowed")
    #expect(found.first?.location == SourceLocation(file: "chapters/01-t.md", line: 7, column: 5))
}

@Test func aSinglePointIsNotCountedAsAList() throws {
    // `at: [3, 4]` is one point of two numbers, not a list of two points: the limit counts points.
    let (directive, arguments) = try valid("gradient", "f: x0^2 + x1^2\nat: [3, 4]")
    #expect(directive.name == "gradient")
    #expect(try GradientDirective.Parameters.decode(arguments).at == [[3, 4]])
}

@Test func theDescentEstimateIsNearTheMeasuredTime() throws {
    // 10⁷ updates ran in 11 s (issue 13); the old estimate said 150 s.
    let (directive, arguments) = try valid("descent", "f: x0^2 + x1^2\nsteps: 10000000")
    let estimate = directive.estimate(arguments)
    #expect(estimate >= 11 && estimate <= 60)
}

@Test func everyDirectiveHasACostEstimate() throws {
    for directive in DirectiveRegistry.standard.directives {
        let (_, arguments) = try valid(directive.name, directive.example)
        let estimate = directive.estimate(arguments)
        #expect(estimate > 0 && estimate.isFinite, "\(directive.name) estimates \(estimate) s")
        #expect(estimate < 600, "\(directive.name)'s own example would be refused")
    }
}

private func expired() -> RunContext {
    var context = RunContext(defaultSeed: 1, data: DataProvider(configured: nil, workbookRoot: "/tmp"), sourceRoot: "/tmp")
    context.deadline = DispatchTime.now().uptimeNanoseconds
    return context
}

@Test(arguments: [
    ("plot", "f: x^2"),
    ("gradient-field", "f: x0^2 + x1^2"),
    ("surface", "f: x0^2 + x1^2"),
    ("descent", "f: x0^2 + x1^2\nsteps: 20000"),
])
func longLoopsStopAtTheDeadline(directive: String, body: String) throws {
    let (found, arguments) = try valid(directive, body)
    do {
        _ = try found.run(arguments, expired())
        Issue.record("\(directive) ran past its deadline")
    } catch let failure as CellFailure {
        #expect(failure.parameter?.text == "timeout")
    }
}

@Test func aPredictionOfTensOfThousandsOfClassesIsRefusedAtY() {
    // 40 000 values drew 40 000 bars (11 s per build); a prediction has one value per class.
    let y = "[" + Array(repeating: "0.1", count: 40_000).joined(separator: ", ") + "]"
    let found = diagnostics("loss", "y: \(y)\nt: 2")
    #expect(found.count == 1)
    #expect(found.first?.message == "prediction 1 has 40000 values; at most 1000 classes are drawn")
    #expect(found.first?.location == SourceLocation(file: "chapters/01-t.md", line: 6, column: 4))
    #expect(diagnostics("loss", "y: [0.1, 0.9]\nt: 1").isEmpty)
}
