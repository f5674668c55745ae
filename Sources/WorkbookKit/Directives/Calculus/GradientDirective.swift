import DeepLearning

/// Section 4.4: the gradient (勾配) of a function of x0 and x1 at one or more
/// points, by the book's `numerical_gradient`.
enum GradientDirective: DirectiveDefinition {
    static let name = "gradient"
    static let summary = "the gradient (勾配) ∇f = (∂f/∂x0, ∂f/∂x1) of a function of two variables at one or more points"
    static let example = """
        f: x0^2 + x1^2
        at: [[3, 4], [0, 2], [3, 0]]
        caption: The gradient of x0² + x1² at three points
        """

    struct Parameters: DirectiveParameters {
        @Parameter(CalculusParameters.functionOfTwo) var f: Expression
        @Parameter(.points(dimension: 2), limits: .atMost(CalculusLimits.maximumPoints), doc: "a point [x0, x1] or a list of points")
        var at: [[Double]]
        @Parameter(CalculusParameters.centralStep) var h: Double
    }

    static func estimate(_ p: Parameters, common: CommonParameters) -> Double {
        Double(p.at.count * 4) * CalculusLimits.secondsPerEvaluation
    }

    static func run(_ p: Parameters, context: RunContext) throws -> [CellOutput] {
        let f = p.f
        var outputs: [CellOutput] = []
        var rows: [[TableCell]] = []
        var notes: [String] = []
        for (i, point) in p.at.enumerated() {
            let g = numericalGradient(of: { f.evaluate($0) }, at: point, h: p.h)
            let at = CalculusText.point(point)
            outputs.append(.numbers(key: "at[\(i)].gradient", name: "∇f\(at)", values: g))
            rows.append([.text(at)] + g.map(TableCell.number))
            if !g.allSatisfy(\.isFinite) {
                notes.append("The gradient at \(at) is not finite: f is not finite near this point.")
            }
        }
        outputs.append(.table(OutputTable(name: "gradients", columns: ["(x0, x1)", "∂f/∂x0", "∂f/∂x1"], rows: rows)))
        return outputs + notes.map(CellOutput.note)
    }
}
