import Testing
@testable import WorkbookKit

// Helpers: parse a one-cell chapter, validate it against the standard registry, run it.

private func calculusCell(_ directive: String, _ body: String) -> RunCell {
    let source = "---\ntitle: T\n---\n\n```run \(directive)\n\(body)\n```\n"
    return Chapter.parse(source: source, path: "chapters/03-t.md").cells[0]
}

private func calculusDiagnostics(_ directive: String, _ body: String) -> [Diagnostic] {
    switch CellValidator(registry: .standard).validate(calculusCell(directive, body)) {
    case .valid: return []
    case .invalid(let diagnostics): return diagnostics
    }
}

private func runCalculus(_ directive: String, _ body: String) throws -> [CellOutput] {
    let outcome = CellValidator(registry: .standard).validate(calculusCell(directive, body))
    guard case .valid(let found, let arguments) = outcome else {
        Issue.record("expected a valid cell, got \(outcome)")
        return []
    }
    let context = RunContext(defaultSeed: 1, data: DataProvider(configured: nil, workbookRoot: "/tmp"), sourceRoot: "/tmp")
    return try found.run(arguments, context)
}

private func value(_ outputs: [CellOutput], _ name: String) -> Double? {
    for case .value(_, let n, let v, _) in outputs where n == name { return v }
    return nil
}

private func valueText(_ outputs: [CellOutput], _ name: String) -> String? {
    for case .value(_, let n, _, let text) in outputs where n == name { return text }
    return nil
}

private func numbers(_ outputs: [CellOutput], _ name: String) -> [Double]? {
    for case .numbers(_, let n, let v) in outputs where n == name { return v }
    return nil
}

private func notes(_ outputs: [CellOutput]) -> [String] {
    outputs.compactMap { if case .note(let text) = $0 { return text } else { return nil } }
}

private func figures(_ outputs: [CellOutput]) -> [OutputFigure] {
    outputs.compactMap { if case .figure(let figure) = $0 { return figure } else { return nil } }
}

private func tables(_ outputs: [CellOutput]) -> [OutputTable] {
    outputs.compactMap { if case .table(let table) = $0 { return table } else { return nil } }
}

private func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

// MARK: - Registry

@Test func calculusDirectivesAreRegistered() {
    for name in ["derivative", "tangent", "partial", "gradient", "gradient-field", "surface", "descent"] {
        #expect(DirectiveRegistry.standard.directive(named: name) != nil, "\(name) is missing")
    }
}

@Test func everyDirectiveExampleIsValid() {
    for directive in DirectiveRegistry.standard.directives {
        let found = calculusDiagnostics(directive.name, directive.example)
        #expect(found.isEmpty, "example of '\(directive.name)': \(found.map(\.message))")
    }
}

// MARK: - derivative

@Test func derivativeMatchesTheBookToTheLastDigit() throws {
    // Exact equality (tolerance 0): the book prints 0.1999999999990898 and 0.2999999999986347.
    let outputs = try runCalculus("derivative", "f: 0.01*x^2 + 0.1*x\nat: [5, 10]")
    #expect(value(outputs, "f'(5)") == 0.1999999999990898)
    #expect(value(outputs, "f'(10)") == 0.2999999999986347)
    #expect(formatNumber(value(outputs, "f'(5)") ?? 0) == "0.1999999999990898")
    #expect(tables(outputs).first?.rows.count == 2)
    #expect(notes(outputs).isEmpty)
}

@Test func forwardDifferenceIsLessAccurate() throws {
    // Tolerances: the forward difference has error O(h) = 0.01·h = 1e-6; the central one ~1e-12.
    let outputs = try runCalculus("derivative", "f: 0.01*x^2 + 0.1*x\nat: 5\nmethod: forward")
    let forward = try #require(value(outputs, "f'(5)"))
    #expect(abs(forward - 0.2) > 1e-7)
    #expect(abs(forward - 0.2) < 2e-6)
}

@Test func float32WithTinyStepShowsTheRoundingError() throws {
    // np.float32(1e-50) is 0.0: h vanishes, the quotient is 0/0 = NaN, and a note says why.
    let outputs = try runCalculus("derivative", "f: 0.01*x^2 + 0.1*x\nat: 5\nh: 1e-50\nprecision: float")
    let d = try #require(value(outputs, "f'(5)"))
    #expect(d.isNaN)
    #expect(valueText(outputs, "f'(5)") == "NaN")
    #expect(notes(outputs).contains { $0.contains("is 0 in float32") && $0.contains("丸め誤差") })
}

@Test func doubleWithTinyStepGivesZero() throws {
    // In double, 1e-50 is not 0 but 5 ± 1e-50 == 5: the difference is exactly 0 (tolerance 0).
    let outputs = try runCalculus("derivative", "f: 0.01*x^2 + 0.1*x\nat: 5\nh: 1e-50")
    #expect(value(outputs, "f'(5)") == 0)
    #expect(notes(outputs).count == 1)
}

@Test func float32WithTheBookStepIsClose() throws {
    // float32 with h = 1e-4: rounding error of ~1e-7·|f|/h ≈ 1e-3 at most (tolerance 0.01).
    let outputs = try runCalculus("derivative", "f: 0.01*x^2 + 0.1*x\nat: 5\nprecision: float")
    let d = try #require(value(outputs, "f'(5)"))
    #expect(abs(d - 0.2) < 0.01)
}

@Test func derivativeRejectsNonPositiveStep() {
    let found = calculusDiagnostics("derivative", "f: x^2\nat: 1\nh: 0")
    #expect(found.count == 1)
    #expect(found.first?.location.line == 8)  // body lines start at 6: f, at, h
}

// MARK: - tangent

@Test func tangentSlopesAndInterceptsMatchTheBook() throws {
    // Slopes exact (tolerance 0). Intercepts f(x) − slope·x carry the slope's error (~1e-12) times x: tolerance 1e-10.
    let outputs = try runCalculus("tangent", "f: 0.01*x^2 + 0.1*x\nat: [5, 10]")
    #expect(value(outputs, "slope at x = 5") == 0.1999999999990898)
    #expect(value(outputs, "slope at x = 10") == 0.2999999999986347)
    #expect(abs((value(outputs, "intercept at x = 5") ?? 0) - (-0.25)) < 1e-10)
    #expect(abs((value(outputs, "intercept at x = 10") ?? 0) - (-1)) < 1e-10)
    let svg = try #require(figures(outputs).first?.svg)
    #expect(occurrences(of: "stroke-dasharray", in: svg) >= 2)  // two dashed tangent lines
}

@Test func tangentOutsideTheRangeIsADiagnostic() {
    let found = calculusDiagnostics("tangent", "f: x^2\nat: [5, 25]\nx: [0, 20]")
    #expect(found.first?.message == "x = 25 is outside the plotted range [0, 20]")
}

// MARK: - partial and gradient

@Test func partialDerivativesMatchTheBook() throws {
    // Exact (tolerance 0): the book prints 6.00000000000378 and 7.999999999999119.
    let outputs = try runCalculus("partial", "f: x0^2 + x1^2\nat: [3, 4]")
    #expect(value(outputs, "∂f/∂x0 at (3, 4)") == 6.00000000000378)
    #expect(value(outputs, "∂f/∂x1 at (3, 4)") == 7.999999999999119)
}

@Test func unknownVariableIsReportedAtItsColumn() {
    // "f: x0^2 + x2^2": the value starts at column 4, x2 is its 8th character → column 11.
    let found = calculusDiagnostics("partial", "f: x0^2 + x2^2\nat: [3, 4]")
    #expect(found.count == 1)
    #expect(found.first?.message.contains("x2") == true)
    #expect(found.first?.location == WorkbookKit.SourceLocation(file: "chapters/03-t.md", line: 6, column: 11))
}

@Test func gradientAtTheBookPoints() throws {
    // The book prints [6. 8.], [0. 4.], [6. 0.]; ours are the full doubles (tolerance 1e-9).
    let outputs = try runCalculus("gradient", "f: x0^2 + x1^2\nat: [[3, 4], [0, 2], [3, 0]]")
    let expected: [(String, [Double])] = [("∇f(3, 4)", [6, 8]), ("∇f(0, 2)", [0, 4]), ("∇f(3, 0)", [6, 0])]
    for (name, g) in expected {
        let found = try #require(numbers(outputs, name), "\(name) missing")
        #expect(zip(found, g).allSatisfy { abs($0 - $1) < 1e-9 }, "\(name) = \(found)")
    }
    #expect(numbers(outputs, "∇f(3, 4)") == [6.00000000000378, 7.999999999999119])  // exact, as partial
    #expect(tables(outputs).first?.rows.count == 3)
}

// MARK: - gradient-field and surface

@Test func gradientFieldDrawsAnArrowPerGridPoint() throws {
    // The book's grid on [-2, 2] step 0.25: 17 × 17 points; at (0, 0) ∇f = 0 exactly, so no arrow.
    let outputs = try runCalculus("gradient-field", "f: x0^2 + x1^2")
    let svg = wideDrawing(try #require(figures(outputs).first?.svg))
    let arrows = svg.components(separatedBy: "\n").filter { $0.hasPrefix("<path class=\"wbp-fgray\"") }
    #expect(arrows.count == 1)
    #expect(occurrences(of: "Z", in: arrows.first ?? "") == 17 * 17 - 1)
    // The longest arrow is at a corner: |∇f| = |(4, 4)| = 4√2 (tolerance 1e-9).
    let longest = try #require(outputs.compactMap { if case .value(_, _, let v, _) = $0 { return v } else { return nil } }.first)
    #expect(abs(longest - 4 * 2.0.squareRoot()) < 1e-9)
}

@Test func tooFineAGridIsRefused() {
    let found = calculusDiagnostics("gradient-field", "f: x0^2 + x1^2\nstep: 0.01")
    #expect(found.first?.message.hasPrefix("step 0.01 gives a grid of about 401 × 401 arrows") == true)
    #expect(found.first?.location.line == 7)
}

@Test func surfaceDrawsWireframeAndContour() throws {
    // 25 × 25 grid on [-3, 3] step 0.25: 24 × 24 facets; min 0 and max 18 exactly (tolerance 0).
    let wire = try runCalculus("surface", "f: x0^2 + x1^2")
    let svg = wideDrawing(try #require(figures(wire).first?.svg))
    #expect(svg.contains("wbp-wireframe"))
    #expect(occurrences(of: "<path fill=\"#", in: svg) == 24 * 24)
    #expect(value(wire, "smallest f on the grid") == 0)
    #expect(value(wire, "largest f on the grid") == 18)
    let contour = try runCalculus("surface", "f: x0^2 + x1^2\nstyle: contour")
    let csvg = try #require(figures(contour).first?.svg)
    #expect(csvg.contains("<image"))  // the filled heat map
}

// MARK: - descent

@Test func descentWithTheBookLearningRateConverges() throws {
    // The book: array([-6.11110793e-10, 8.14814391e-10]); tolerance 1e-11 on each coordinate.
    let outputs = try runCalculus("descent", "f: x0^2 + x1^2\nstart: [-3.0, 4.0]\nlr: 0.1\nsteps: 100")
    let x0 = try #require(value(outputs, "end x0 (lr=0.1)"))
    let x1 = try #require(value(outputs, "end x1 (lr=0.1)"))
    #expect(abs(x0 - -6.11110793e-10) < 1e-11)
    #expect(abs(x1 - 8.14814391e-10) < 1e-11)
    #expect(notes(outputs).isEmpty)
    let svg = wideDrawing(try #require(figures(outputs).first?.svg))
    // 101 points (the start and one per step); SVGPlot draws markers that land on the
    // same pixel once, so the points crowded at the origin collapse into a few.
    let markers = occurrences(of: "<circle", in: svg)
    #expect(markers > 20 && markers <= 101)
    #expect(occurrences(of: "stroke-dasharray", in: svg) == 2)  // the dashed lines x0 = 0 and x1 = 0
}

@Test func tooLargeAndTooSmallLearningRates() throws {
    // lr = 10: the book prints array([-2.58983747e+13, -1.29524862e+12]) (relative tolerance 1e-8);
    // lr = 1e-10: array([-2.99999994, 3.99999992]) (tolerance 1e-8).
    let outputs = try runCalculus("descent", "f: x0^2 + x1^2\nlr: [10, 0.1, 1e-10]")
    let big0 = try #require(value(outputs, "end x0 (lr=10)"))
    let big1 = try #require(value(outputs, "end x1 (lr=10)"))
    #expect(abs(big0 / -2.58983747e13 - 1) < 1e-8)
    #expect(abs(big1 / -1.29524862e12 - 1) < 1e-8)
    #expect(abs((value(outputs, "end x0 (lr=1e-10)") ?? 0) - -2.99999994) < 1e-8)
    #expect(abs((value(outputs, "end x1 (lr=1e-10)") ?? 0) - 3.99999992) < 1e-8)
    let found = notes(outputs)
    #expect(found.contains { $0.hasPrefix("lr = 10 diverges: |x| reaches 2.6e13 after 100 steps") })
    #expect(found.contains { $0.hasPrefix("lr = 1e-10 barely moves") })
    #expect(!found.contains { $0.hasPrefix("lr = 0.1") })
    let svg = try #require(figures(outputs).first?.svg)
    #expect(svg.contains("lr = 10") && svg.contains("lr = 1e-10"))  // one titled panel per learning rate
    #expect(svg.contains("clipped"))  // the diverging path leaves the view and SVGPlot says so
}

@Test func overflowIsReportedNotHidden() throws {
    // x0^16 with lr = 1: -3 → 2.3e8 → -1e126, where f is inf and the gradient (inf − inf)/2h is NaN.
    // The run must finish and say so.
    let outputs = try runCalculus("descent", "f: x0^16 + x1^2\nlr: 1\nsteps: 10")
    let x0 = try #require(value(outputs, "end x0 (lr=1)"))
    #expect(!x0.isFinite)
    #expect(notes(outputs).contains { $0.hasPrefix("lr = 1 overflows") })
}

@Test func oscillationIsNotMistakenForStandingStill() throws {
    // lr = 1 on x0² + x1²: x → −x at every step; after an even number of steps it is back at the start.
    let outputs = try runCalculus("descent", "f: x0^2 + x1^2\nlr: 1.0\nsteps: 20")
    #expect(notes(outputs).contains { $0.hasPrefix("lr = 1 does not decrease f") })
    #expect(!notes(outputs).contains { $0.contains("barely moves") })
}

@Test func descentWithZeroStepsStaysAtTheStart() throws {
    // Exact (tolerance 0): no update at all.
    let outputs = try runCalculus("descent", "f: x0^2 + x1^2\nsteps: 0")
    #expect(value(outputs, "end x0 (lr=0.1)") == -3)
    #expect(value(outputs, "end x1 (lr=0.1)") == 4)
}

@Test func descentBadValuesAreDiagnostics() {
    #expect(calculusDiagnostics("descent", "f: x0^2 + x1^2\nsteps: -1").first?.location.line == 7)
    #expect(calculusDiagnostics("descent", "f: x0^2 + x1^2\nlr: [0.1, 0]").first?.location.line == 7)
    // x2 is not a variable of a two-variable function: reported at its column (4 + 7 = 11).
    let found = calculusDiagnostics("descent", "f: x0^2 + x2^2")
    #expect(found.first?.location == WorkbookKit.SourceLocation(file: "chapters/03-t.md", line: 6, column: 11))
}

@Test func hugeDescentIsEstimatedBeyondTheDefaultTimeout() throws {
    let outcome = CellValidator(registry: .standard).validate(calculusCell("descent", "f: x0^2 + x1^2\nlr: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]\nsteps: 10000000"))
    guard case .valid(let directive, let arguments) = outcome else {
        Issue.record("expected a valid cell")
        return
    }
    let estimate = directive.estimate(arguments)
    #expect(estimate > 120)  // the default timeout
    let small = CellValidator(registry: .standard).validate(calculusCell("descent", "f: x0^2 + x1^2"))
    guard case .valid(let d, let a) = small else {
        Issue.record("expected the default descent cell to be valid")
        return
    }
    #expect(d.estimate(a) < 1)
}

@Test func longPathsAreThinnedForDrawing() {
    // 10 001 points: the first 2 000 kept, then every 5th (⌈8 001 / 2 000⌉), and the last point.
    let path = (0...10_000).map { [Double($0), 0] }
    let kept = DescentRun.thinned(path)
    #expect(kept.count <= DescentRun.maximumDrawnPoints + 1)
    #expect(Array(kept.prefix(2_000)) == Array(path.prefix(2_000)))
    #expect(Array(kept[2_000..<2_003]) == [path[2_000], path[2_005], path[2_010]])
    #expect(kept.last == path.last)
}
