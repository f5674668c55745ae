import DeepLearning
import SVGPlot

extension Directive {
    /// Figure 4-9: arrows of −∇f on a grid — the direction in which f decreases most.
    public static let gradientField = Directive(
        name: "gradient-field",
        summary: "arrows of −∇f (the negative gradient, 勾配) of a function of two variables on a grid (figure 4-9)",
        parameters: [
            CalculusParameters.functionOfTwo,
            ParameterSpec("x0", .range, default: "[-2, 2]", doc: "the range of x0: [from, to]"),
            ParameterSpec("x1", .range, default: "[-2, 2]", doc: "the range of x1: [from, to]"),
            ParameterSpec("step", .number(.positive), default: "0.25", doc: "distance between grid points (the book's np.arange(-2, 2.5, 0.25))"),
            CalculusParameters.centralStep,
        ],
        example: """
            f: x0^2 + x1^2
            x0: [-2, 2]
            x1: [-2, 2]
            step: 0.25
            caption: The negative gradient of x0² + x1² points to the minimum
            """,
        check: { arguments in
            CalculusGrid.problems(arguments, maximum: CalculusGrid.maximumArrows, what: "arrows")
        },
        run: { arguments, _ in
            let f = arguments.expression("f")
            let h = arguments.number("h")
            let (x0s, x1s) = CalculusGrid.axes(arguments)
            var x: [Double] = [], y: [Double] = [], u: [Double] = [], v: [Double] = []
            var longest = (norm: 0.0, at: [Double]())
            var nonFinite = 0
            for b in x1s {
                for a in x0s {
                    let g = numericalGradient(of: { f.evaluate($0) }, at: [a, b], h: h)
                    x.append(a); y.append(b); u.append(-g[0]); v.append(-g[1])
                    guard g.allSatisfy(\.isFinite) else { nonFinite += 1; continue }
                    let norm = (g[0] * g[0] + g[1] * g[1]).squareRoot()
                    if norm > longest.norm { longest = (norm, [a, b]) }
                }
            }
            var axes = Axes(xLabel: "x0", yLabel: "x1")
            axes.add(.quiver(x: x, y: y, u: u, v: v, color: .gray))
            CalculusGrid.frame(&axes, arguments)
            axes.grid = true
            let figure = Figure(width: 560, height: 520, axes: [axes])
            var outputs: [CellOutput] = [
                .figure(OutputFigure(name: "gradient-field", svg: figure.render(), description: figure.summary)),
                .note("\(x0s.count) × \(x1s.count) grid; each arrow is −∇f, scaled so the longest fits the grid spacing."),
            ]
            if !longest.at.isEmpty {
                outputs.insert(.value(name: "largest |∇f| (at \(CalculusText.point(longest.at)))", value: longest.norm), at: 1)
            }
            if nonFinite > 0 {
                outputs.append(.note("At \(nonFinite) grid points the gradient is not finite (f is not finite nearby); no arrow is drawn there."))
            }
            return outputs
        }
    )
}

/// The regular grids of the two-variable directives (`gradient-field`, `surface`).
enum CalculusGrid {
    static let maximumArrows = 2_500
    static let maximumSurfacePoints = 10_000

    /// Values from `from` every `step` up to `to` (included when it falls on the grid).
    static func arange(_ range: [Double], step: Double) -> [Double] {
        let count = Int(((range[1] - range[0]) / step + 1e-9).rounded(.down)) + 1
        return (0..<count).map { range[0] + Double($0) * step }
    }

    static func axes(_ arguments: CellArguments) -> ([Double], [Double]) {
        let step = arguments.number("step")
        return (arange(arguments.numbers("x0"), step: step), arange(arguments.numbers("x1"), step: step))
    }

    /// Limits the axes to the cell's x0 and x1 ranges, with equal units and no legend.
    static func frame(_ axes: inout Axes, _ arguments: CellArguments) {
        let r0 = arguments.numbers("x0"), r1 = arguments.numbers("x1")
        axes.xLimits = .fixed(r0[0], r0[1])
        axes.yLimits = .fixed(r1[0], r1[1])
        axes.aspect = .equal
        axes.legend = .hidden
    }

    /// A grid too fine to draw is refused at `step` before running.
    static func problems(_ arguments: CellArguments, maximum: Int, what: String) -> [ArgumentProblem] {
        let step = arguments.number("step")
        let r0 = arguments.numbers("x0"), r1 = arguments.numbers("x1")
        let n0 = (r0[1] - r0[0]) / step + 1, n1 = (r1[1] - r1[0]) / step + 1
        guard n0 * n1 > Double(maximum) else { return [] }
        return [ArgumentProblem(parameter: "step", message: "step \(formatNumber(step)) gives a grid of about \(Int(n0)) × \(Int(n1)) \(what), more than \(maximum)",
                                hint: "use a larger step or smaller ranges")]
    }
}
