import DeepLearning
import SVGPlot

/// Figure 4-9: arrows of −∇f on a grid — the direction in which f decreases most.
enum GradientFieldDirective: DirectiveDefinition {
    static let name = "gradient-field"
    static let summary = "arrows of −∇f (the negative gradient, 勾配) of a function of two variables on a grid (figure 4-9)"
    static let example = """
        f: x0^2 + x1^2
        x0: [-2, 2]
        x1: [-2, 2]
        step: 0.25
        caption: The negative gradient of x0² + x1² points to the minimum
        """

    struct Parameters: DirectiveParameters {
        @Parameter(CalculusParameters.functionOfTwo) var f: Expression
        @Parameter(.range, default: "[-2, 2]", doc: "the range of x0: [from, to]") var x0: [Double]
        @Parameter(.range, default: "[-2, 2]", doc: "the range of x1: [from, to]") var x1: [Double]
        @Parameter(.number(.positive), default: "0.25", doc: "distance between grid points (the book's np.arange(-2, 2.5, 0.25)); at most \(CalculusGrid.maximumArrows) arrows")
        var step: Double
        @Parameter(CalculusParameters.centralStep) var h: Double

        var grid: CalculusGrid { CalculusGrid(x0: x0, x1: x1, step: step) }
    }

    static func check(_ p: Parameters, common: CommonParameters) -> [ArgumentProblem] {
        p.grid.problems(at: p.$step, maximum: CalculusGrid.maximumArrows, what: "arrows")
    }

    static func estimate(_ p: Parameters, common: CommonParameters) -> Double {
        p.grid.size * 4 * CalculusLimits.secondsPerEvaluation
    }

    static func run(_ p: Parameters, context: RunContext) throws -> [CellOutput] {
        let f = p.f
        let (x0s, x1s) = p.grid.axes
        var x: [Double] = [], y: [Double] = [], u: [Double] = [], v: [Double] = []
        var longest = (norm: 0.0, at: [Double]())
        var nonFinite = 0
        for b in x1s {
            try context.checkDeadline()
            for a in x0s {
                let g = numericalGradient(of: { f.evaluate($0) }, at: [a, b], h: p.h)
                x.append(a); y.append(b); u.append(-g[0]); v.append(-g[1])
                guard g.allSatisfy(\.isFinite) else { nonFinite += 1; continue }
                let norm = (g[0] * g[0] + g[1] * g[1]).squareRoot()
                if norm > longest.norm { longest = (norm, [a, b]) }
            }
        }
        var axes = Axes(xLabel: "x₀", yLabel: "x₁")
        axes.add(.quiver(x: x, y: y, u: u, v: v, color: .gray))
        // One grid step of room on each side: arrows start at the outer grid points and
        // are at most 0.9 of a step long, so they stay inside the frame.
        p.grid.frame(&axes, margin: p.step)
        axes.grid = true
        let figure = Figure(width: 560, height: 520, axes: [axes])
        var outputs: [CellOutput] = [
            .figure(OutputFigure(name: "gradient-field", svg: figure.render())),
            .note("\(x0s.count) × \(x1s.count) grid; each arrow is −∇f, scaled so the longest fits the grid spacing."),
        ]
        if !longest.at.isEmpty {
            outputs.insert(.value(key: "largest_gradient_norm", name: "largest |∇f| (at \(CalculusText.point(longest.at)))", value: longest.norm), at: 1)
        }
        if nonFinite > 0 {
            outputs.append(.note("At \(nonFinite) grid points the gradient is not finite (f is not finite nearby); no arrow is drawn there."))
        }
        return outputs
    }
}

/// The regular grid of the two-variable directives (`gradient-field`, `surface`):
/// from each range's start every `step`, up to its end.
struct CalculusGrid {
    static let maximumArrows = 2_500
    static let maximumSurfacePoints = 10_000

    var x0: [Double]
    var x1: [Double]
    var step: Double

    /// How many points along each axis, in `Double` (a tiny step is a count to refuse).
    var counts: (Double, Double) { (GridCount.points(x0, step: step), GridCount.points(x1, step: step)) }
    /// How many grid points in all.
    var size: Double { counts.0 * counts.1 }

    /// The grid's values along x0 and x1; call only on a checked grid.
    var axes: ([Double], [Double]) { (values(x0), values(x1)) }

    private func values(_ range: [Double]) -> [Double] {
        (0..<Int(GridCount.points(range, step: step))).map { range[0] + Double($0) * step }
    }

    /// Limits the axes to the x0 and x1 ranges widened by `margin`, with equal units and no legend.
    func frame(_ axes: inout Axes, margin: Double = 0) {
        axes.xLimits = .fixed(x0[0] - margin, x0[1] + margin)
        axes.yLimits = .fixed(x1[0] - margin, x1[1] + margin)
        axes.aspect = .equal
        axes.legend = .hidden
    }

    /// A grid too fine to draw is refused at `step` before running.
    func problems(at step: ParameterName, maximum: Int, what: String) -> [ArgumentProblem] {
        let (n0, n1) = counts
        guard n0 * n1 > Double(maximum) else { return [] }
        return [ArgumentProblem(at: step, message: "step \(formatNumber(self.step)) gives a grid of about \(GridCount.text(n0)) × \(GridCount.text(n1)) \(what), more than \(maximum)",
                                hint: "use a larger step or smaller ranges")]
    }
}
