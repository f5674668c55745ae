import DeepLearning
import SVGPlot

/// Figure 4-7: a function of x with its tangent line (接線) at one or more
/// points, the slope taken by the central difference (the book's `tangent_line`).
enum TangentDirective: DirectiveDefinition {
    static let name = "tangent"
    static let summary = "a function of x with its tangent lines at given points, slopes by numerical differentiation (figure 4-7)"
    static let example = """
        f: 0.01*x^2 + 0.1*x
        at: [5, 10]
        x: [0, 20]
        caption: Tangent lines of 0.01x² + 0.1x at x = 5 and x = 10
        """

    struct Parameters: DirectiveParameters {
        @Parameter(.expression(variables: ["x"]), doc: "the function of x, e.g. 0.01*x^2 + 0.1*x")
        var f: Expression
        @Parameter(.numbers(.any), limits: .atMost(TangentDirective.maximumTangents),
                   doc: "where to draw a tangent: a number or a list of numbers inside x")
        var at: [Double]
        @Parameter(.range, default: "[0, 20]", doc: "the plotted range of x: [from, to]")
        var x: [Double]
        @Parameter(CalculusParameters.centralStep) var h: Double
        @Parameter(.integer(.between(2, Double(PlotDirective.maximumSamples))), default: "400", doc: "how many x values to sample for the curve")
        var points: Int
    }

    /// Tangent lines one plot can tell apart (the palette, the legend).
    static let maximumTangents = 12

    static func check(_ p: Parameters, common: CommonParameters) -> [ArgumentProblem] {
        let range = p.x
        return p.at.filter { !($0 >= range[0] && $0 <= range[1]) }.prefix(1).map { x in
            ArgumentProblem(at: p.$at, message: "x = \(CalculusText.label(x)) is outside the plotted range [\(CalculusText.label(range[0])), \(CalculusText.label(range[1]))]",
                            hint: "widen x or move the point inside it")
        }
    }

    static func estimate(_ p: Parameters, common: CommonParameters) -> Double {
        Double(p.points + 4 * p.at.count) * PlotDirective.secondsPerSample
    }

    static func run(_ p: Parameters, context: RunContext) throws -> [CellOutput] {
        let f = p.f, h = p.h, range = p.x, n = p.points
        let xs = (0..<n).map { range[0] + (range[1] - range[0]) * Double($0) / Double(n - 1) }
        var axes = Axes(xLabel: "x", yLabel: "f(x)")
        axes.add(.line(x: xs, y: xs.map { f.evaluate(x: $0) }, label: "f(x) = \(f.unicode)", style: LineStyle(color: .palette(0))))
        var outputs: [CellOutput] = []
        var notes: [String] = []
        for (i, x) in p.at.enumerated() {
            // The book's tangent_line: d = numerical_diff(f, x); y = f(x) - d*x.
            let slope = numericalDerivative(of: { f.evaluate(x: $0) }, at: x, h: h)
            let fx = f.evaluate(x: x)
            let intercept = fx - slope * x
            outputs.append(.value(key: "at[\(i)].slope", name: "slope at x = \(CalculusText.label(x))", value: slope))
            outputs.append(.value(key: "at[\(i)].intercept", name: "intercept at x = \(CalculusText.label(x))", value: intercept))
            guard slope.isFinite, intercept.isFinite else {
                notes.append("At x = \(CalculusText.label(x)) the slope is \(formatNumber(slope)) and f(x) = \(formatNumber(fx)): there is no tangent line to draw.")
                continue
            }
            let color = PlotColor.palette(i + 1)
            axes.add(.line(x: [range[0], range[1]], y: [slope * range[0] + intercept, slope * range[1] + intercept],
                           label: "tangent at x = \(CalculusText.label(x))", style: LineStyle(color: color, dash: .dashed)))
            axes.add(.scatter(x: [x], y: [fx], color: color, size: 7))
        }
        axes.xLimits = .fixed(range[0], range[1])
        axes.grid = true
        axes.legend = .upperLeft
        let figure = Figure(width: 640, height: 420, axes: [axes])
        outputs.insert(.figure(OutputFigure(name: "tangent", svg: figure.render())), at: 0)
        return outputs + notes.map(CellOutput.note)
    }
}
