import DeepLearning
import SVGPlot

/// Curves of one or more expressions of `x` over a range (figures 4-3 … 4-6).
enum PlotDirective: DirectiveDefinition {
    static let name = "plot"
    static let summary = "curves of one or more functions of x over a range"
    static let example = """
        f: [0.01*x^2 + 0.1*x, -log(x)]
        x: [0.01, 20]
        step: 0.1
        caption: Two functions of x
        """

    struct Parameters: DirectiveParameters {
        @Parameter(.expressions(variables: ["x"]), limits: .atMost(PlotDirective.maximumFunctions),
                   doc: "a function of x, or a list of them, e.g. 0.01*x^2 + 0.1*x")
        var f: [Expression]
        @Parameter(.range, default: "[-5, 5]", doc: "the range of x: [from, to]")
        var x: [Double]
        @Parameter(.number(.positive), doc: "distance between sampled x values (the book uses 0.1); overrides points; at most \(PlotDirective.maximumSamples) samples")
        var step: Double?
        @Parameter(.integer(.between(2, Double(PlotDirective.maximumSamples))), default: "400", doc: "how many x values to sample")
        var points: Int
        @Parameter(.range, doc: "fixed limits of the y axis: [from, to]; automatic when absent")
        var y: [Double]?
        @Parameter(.texts, limits: .atMost(PlotDirective.maximumFunctions), doc: "legend labels, one per function (default: the expressions)")
        var labels: [String]?
        @Parameter(.numbers(.any), doc: "x values at which each function's tangent is drawn (a dashed segment, slope by central difference; the book's figure 4-4)")
        var tangents: [Double]?
    }

    /// Curves one plot can tell apart (the palette, the legend).
    static let maximumFunctions = 12
    /// Samples of one curve.
    static let maximumSamples = 100_000
    /// Measured: evaluating a sample and drawing it, with margin for the shared machine.
    static let secondsPerSample = 5e-6

    static func check(_ p: Parameters, common: CommonParameters) -> [ArgumentProblem] {
        var problems: [ArgumentProblem] = []
        if let step = p.step {
            let count = GridCount.samples(p.x, step: step)
            if count > Double(maximumSamples) {
                problems.append(ArgumentProblem(at: p.$step, message: "step \(formatNumber(step)) gives \(GridCount.text(count)) x values, more than \(maximumSamples)",
                                                hint: "use a larger step or a smaller range"))
            }
        }
        if let labels = p.labels, labels.count != p.f.count {
            problems.append(ArgumentProblem(at: p.$labels, message: "\(labels.count) labels for \(p.f.count) functions",
                                            hint: "give one label per function"))
        }
        return problems
    }

    static func estimate(_ p: Parameters, common: CommonParameters) -> Double {
        let samples = p.step.map { GridCount.samples(p.x, step: $0) } ?? Double(p.points)
        return Double(p.f.count) * samples * secondsPerSample
    }

    /// Tangent segments (grey, dashed, a tenth of the x range long on each side)
    /// and the touching point in the function's colour, where f and its slope are finite.
    static func addTangents(of f: (Double) -> Double, at points: [Double], range: [Double], color: PlotColor, to axes: inout Axes) {
        let half = abs(range[1] - range[0]) / 10
        for x in points {
            let y = f(x), slope = numericalDerivative(of: f, at: x)
            guard y.isFinite, slope.isFinite else { continue }
            axes.add(.line(x: [x - half, x + half], y: [y - slope * half, y + slope * half],
                           style: LineStyle(color: .foreground, width: 1.2, dash: .dashed)))
            axes.add(.scatter(x: [x], y: [y], color: color, size: 5))
        }
    }

    static func run(_ p: Parameters, context: RunContext) throws -> [CellOutput] {
        let xs = samples(p)
        let labels = p.labels ?? p.f.map(\.unicode)
        var axes = Axes(xLabel: "x", yLabel: p.f.count == 1 ? "f(x)" : "y")
        var outputs: [CellOutput] = []
        for (i, f) in p.f.enumerated() {
            try context.checkDeadline()
            let ys = xs.map { f.evaluate(x: $0) }
            axes.add(.line(x: xs, y: ys, label: labels[i], style: LineStyle(color: .palette(i))))
            let finite = ys.filter(\.isFinite)
            if finite.count < ys.count {
                outputs.append(.note("\(labels[i]): \(ys.count - finite.count) of \(ys.count) sampled values are not finite (outside the function's domain) and are left out."))
            }
        }
        if let tangents = p.tangents {
            for (i, f) in p.f.enumerated() {
                addTangents(of: { f.evaluate(x: $0) }, at: tangents, range: p.x, color: .palette(i), to: &axes)
            }
        }
        if let y = p.y {
            axes.yLimits = .fixed(y[0], y[1])
        }
        axes.xLimits = .fixed(p.x[0], p.x[1])
        axes.grid = true
        axes.legend = p.f.count > 1 ? .best : .hidden
        let figure = Figure(width: 640, height: 400, title: "", axes: [axes])
        return [.figure(OutputFigure(name: "plot", svg: figure.render()))] + outputs
    }

    /// The x values: every `step` from the start (as `np.arange`), or `points` evenly spaced.
    static func samples(_ p: Parameters) -> [Double] {
        let range = p.x
        if let step = p.step {
            let count = Int(GridCount.samples(range, step: step))  // checked ≤ maximumSamples
            return (0..<count).map { range[0] + Double($0) * step }
        }
        let n = p.points
        return (0..<n).map { range[0] + (range[1] - range[0]) * Double($0) / Double(n - 1) }
    }
}

/// How many values a range sampled every `step` holds, computed in `Double`, so
/// that a step such as 1e-300 is a count to refuse, not an `Int` overflow.
enum GridCount {
    /// `np.arange(from, to, step)` as `plot` samples it: from, from + step, … ≤ to.
    static func samples(_ range: [Double], step: Double) -> Double {
        ((range[1] - range[0]) / step).rounded(.down) + 1
    }

    /// The grid points of `arange` (a little tolerance so that `to` is included
    /// when it falls on the grid).
    static func points(_ range: [Double], step: Double) -> Double {
        ((range[1] - range[0]) / step + 1e-9).rounded(.down) + 1
    }

    /// A count for a message: "40", "1e+301".
    static func text(_ count: Double) -> String {
        count < 1e15 ? String(Int(count)) : formatNumber(count)
    }
}
