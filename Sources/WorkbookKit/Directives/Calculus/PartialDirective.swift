import DeepLearning

/// Section 4.3.3: the partial derivatives (偏微分) of a function of x0 and x1 at
/// one point, each taken as the book does — a one-variable function with the
/// other variable fixed, differentiated by the central difference.
enum PartialDirective: DirectiveDefinition {
    static let name = "partial"
    static let summary = "partial derivatives (偏微分) ∂f/∂x0 and ∂f/∂x1 of a function of two variables at a point"
    static let example = """
        f: x0^2 + x1^2
        at: [3, 4]
        caption: The partial derivatives of x0² + x1² at (3, 4)
        """

    struct Parameters: DirectiveParameters {
        @Parameter(CalculusParameters.functionOfTwo) var f: Expression
        @Parameter(.point(dimension: 2), doc: "the point [x0, x1]") var at: [Double]
        @Parameter(CalculusParameters.centralStep) var h: Double
    }

    static func estimate(_ p: Parameters, common: CommonParameters) -> Double {
        4 * CalculusLimits.secondsPerEvaluation
    }

    static func run(_ p: Parameters, context: RunContext) throws -> [CellOutput] {
        let f = p.f, point = p.at, h = p.h
        // The book's function_tmp1 (x1 fixed) and function_tmp2 (x0 fixed).
        let d0 = numericalDerivative(of: { f.evaluate([$0, point[1]]) }, at: point[0], h: h)
        let d1 = numericalDerivative(of: { f.evaluate([point[0], $0]) }, at: point[1], h: h)
        let at = CalculusText.point(point)
        var outputs: [CellOutput] = [
            .value(key: "df_dx0", name: "∂f/∂x0 at \(at)", value: d0),
            .value(key: "df_dx1", name: "∂f/∂x1 at \(at)", value: d1),
        ]
        for (name, d) in [("∂f/∂x0", d0), ("∂f/∂x1", d1)] where !d.isFinite {
            outputs.append(.note("\(name) at \(at) is \(formatNumber(d)): f is not finite near this point."))
        }
        return outputs
    }
}
