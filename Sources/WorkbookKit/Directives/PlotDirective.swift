import SVGPlot

extension Directive {
    /// Curves of one or more expressions of `x` over a range (figures 4-3 … 4-6).
    public static let plot = Directive(
        name: "plot",
        summary: "curves of one or more functions of x over a range",
        parameters: [
            ParameterSpec("f", .expressions(variables: ["x"]), doc: "a function of x, or a list of them, e.g. 0.01*x^2 + 0.1*x"),
            ParameterSpec("x", .range, default: "[-5, 5]", doc: "the range of x: [from, to]"),
            ParameterSpec("step", .number(.positive), optional: true, doc: "distance between sampled x values (the book uses 0.1); overrides points"),
            ParameterSpec("points", .integer(.between(2, 100_000)), default: "400", doc: "how many x values to sample"),
            ParameterSpec("y", .range, optional: true, doc: "fixed limits of the y axis: [from, to]; automatic when absent"),
            ParameterSpec("labels", .texts, optional: true, doc: "legend labels, one per function (default: the expressions)"),
        ],
        example: """
            f: [0.01*x^2 + 0.1*x, -log(x)]
            x: [0.01, 20]
            step: 0.1
            caption: Two functions of x
            """,
        check: { arguments in
            guard arguments.has("labels") else { return [] }
            let labels = arguments.words("labels"), functions = arguments.expressions("f")
            return labels.count == functions.count ? [] : [ArgumentProblem(
                parameter: "labels", message: "\(labels.count) labels for \(functions.count) functions",
                hint: "give one label per function")]
        },
        run: { arguments, _ in
            let xs = PlotSampling.xs(arguments)
            let functions = arguments.expressions("f")
            let labels = arguments.has("labels") ? arguments.words("labels") : functions.map(\.text)
            var axes = Axes(xLabel: "x", yLabel: functions.count == 1 ? "f(x)" : "y")
            var outputs: [CellOutput] = []
            for (i, f) in functions.enumerated() {
                let ys = xs.map { f.evaluate(x: $0) }
                axes.add(.line(x: xs, y: ys, label: labels[i], style: LineStyle(color: .palette(i))))
                let finite = ys.filter(\.isFinite)
                if finite.count < ys.count {
                    outputs.append(.note("\(labels[i]): \(ys.count - finite.count) of \(ys.count) sampled values are not finite (outside the function's domain) and are left out."))
                }
            }
            if arguments.has("y") {
                let y = arguments.numbers("y")
                axes.yLimits = .fixed(y[0], y[1])
            }
            let x = arguments.numbers("x")
            axes.xLimits = .fixed(x[0], x[1])
            axes.grid = true
            axes.legend = functions.count > 1 ? .best : .hidden
            let figure = Figure(width: 640, height: 400, title: "", axes: [axes])
            return [.figure(OutputFigure(name: "plot", svg: figure.render(), description: figure.summary))] + outputs
        }
    )
}

enum PlotSampling {
    /// The x values of a `plot`: every `step` from the start (as `np.arange`), or `points` evenly spaced.
    static func xs(_ arguments: CellArguments) -> [Double] {
        let range = arguments.numbers("x")
        if arguments.has("step") {
            let step = arguments.number("step")
            let count = min(100_000, Int(((range[1] - range[0]) / step).rounded(.down)) + 1)
            return (0..<count).map { range[0] + Double($0) * step }
        }
        let n = arguments.integer("points")
        return (0..<n).map { range[0] + (range[1] - range[0]) * Double($0) / Double(n - 1) }
    }
}
