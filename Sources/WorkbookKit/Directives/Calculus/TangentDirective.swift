import DeepLearning
import SVGPlot

extension Directive {
    /// Figure 4-7: a function of x with its tangent line (接線) at one or more
    /// points, the slope taken by the central difference (the book's `tangent_line`).
    public static let tangent = Directive(
        name: "tangent",
        summary: "a function of x with its tangent lines at given points, slopes by numerical differentiation (figure 4-7)",
        parameters: [
            ParameterSpec("f", .expression(variables: ["x"]), doc: "the function of x, e.g. 0.01*x^2 + 0.1*x"),
            ParameterSpec("at", .numbers(.any), doc: "where to draw a tangent: a number or a list of numbers inside x"),
            ParameterSpec("x", .range, default: "[0, 20]", doc: "the plotted range of x: [from, to]"),
            CalculusParameters.centralStep,
            ParameterSpec("points", .integer(.between(2, 100_000)), default: "400", doc: "how many x values to sample for the curve"),
        ],
        example: """
            f: 0.01*x^2 + 0.1*x
            at: [5, 10]
            x: [0, 20]
            caption: Tangent lines of 0.01x² + 0.1x at x = 5 and x = 10
            """,
        check: { arguments in
            let range = arguments.numbers("x")
            return arguments.numbers("at").filter { !($0 >= range[0] && $0 <= range[1]) }.prefix(1).map { x in
                ArgumentProblem(parameter: "at", message: "x = \(CalculusText.label(x)) is outside the plotted range [\(CalculusText.label(range[0])), \(CalculusText.label(range[1]))]",
                                hint: "widen x or move the point inside it")
            }
        },
        run: { arguments, _ in
            let f = arguments.expression("f")
            let h = arguments.number("h")
            let range = arguments.numbers("x")
            let n = arguments.integer("points")
            let xs = (0..<n).map { range[0] + (range[1] - range[0]) * Double($0) / Double(n - 1) }
            var axes = Axes(xLabel: "x", yLabel: "f(x)")
            axes.add(.line(x: xs, y: xs.map { f.evaluate(x: $0) }, label: "f(x) = \(f.text)", style: LineStyle(color: .palette(0))))
            var outputs: [CellOutput] = []
            var notes: [String] = []
            for (i, x) in arguments.numbers("at").enumerated() {
                // The book's tangent_line: d = numerical_diff(f, x); y = f(x) - d*x.
                let slope = numericalDerivative(of: { f.evaluate(x: $0) }, at: x, h: h)
                let fx = f.evaluate(x: x)
                let intercept = fx - slope * x
                outputs.append(.value(name: "slope at x = \(CalculusText.label(x))", value: slope))
                outputs.append(.value(name: "intercept at x = \(CalculusText.label(x))", value: intercept))
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
            outputs.insert(.figure(OutputFigure(name: "tangent", svg: figure.render(), description: figure.summary)), at: 0)
            return outputs + notes.map(CellOutput.note)
        }
    )
}
