import SVGPlot

/// Figure 4-8: a function of two variables, as a 3-D wireframe or as filled contours.
enum SurfaceDirective: DirectiveDefinition {
    static let name = "surface"
    static let summary = "a function of two variables x0, x1 as a 3-D wireframe (figure 4-8) or as filled contours"
    static let example = """
        f: x0^2 + x1^2
        x0: [-3, 3]
        x1: [-3, 3]
        style: wireframe
        caption: The graph of f(x0, x1) = x0² + x1²
        """

    struct Parameters: DirectiveParameters {
        @Parameter(CalculusParameters.functionOfTwo) var f: Expression
        @Parameter(.range, default: "[-3, 3]", doc: "the range of x0: [from, to]") var x0: [Double]
        @Parameter(.range, default: "[-3, 3]", doc: "the range of x1: [from, to]") var x1: [Double]
        @Parameter(.number(.positive), default: "0.25", doc: "distance between grid points; at most \(CalculusGrid.maximumSurfacePoints) points")
        var step: Double
        @Parameter(.choice(Style.allNames), default: "wireframe",
                   doc: "wireframe (3-D view, as the book's figure 4-8) or contour (filled contours seen from above, with a colour bar)")
        var style: Style

        var grid: CalculusGrid { CalculusGrid(x0: x0, x1: x1, step: step) }
    }

    enum Style: String, ChoiceParameter {
        case wireframe, contour
    }

    static func check(_ p: Parameters, common: CommonParameters) -> [ArgumentProblem] {
        p.grid.problems(at: p.$step, maximum: CalculusGrid.maximumSurfacePoints, what: "points")
    }

    /// One evaluation per grid point, and drawing it (a few evaluations' worth).
    static func estimate(_ p: Parameters, common: CommonParameters) -> Double {
        p.grid.size * 10 * CalculusLimits.secondsPerEvaluation
    }

    static func run(_ p: Parameters, context: RunContext) throws -> [CellOutput] {
        let f = p.f
        let (x0s, x1s) = p.grid.axes
        let grid = Grid2D(x: x0s, y: x1s) { f.evaluate([$0, $1]) }
        try context.checkDeadline()
        let figure: Figure
        if p.style == .contour {
            var axes = Axes(xLabel: "x₀", yLabel: "x₁")
            axes.add(.contour(grid, filled: true, lines: true, colorBarLabel: "f(x₀, x₁)"))
            p.grid.frame(&axes)
            figure = Figure(width: 600, height: 500, axes: [axes])
        } else {
            let wire = Wireframe(grid, xLabel: "x₀", yLabel: "x₁", zLabel: "f(x₀, x₁)", filled: true)
            figure = Figure(width: 600, height: 500, panels: [.wireframe(wire)])
        }
        var outputs: [CellOutput] = [.figure(OutputFigure(name: "surface", svg: figure.render()))]
        let values = grid.values.flatMap { $0 }
        let finite = values.filter(\.isFinite)
        if let low = finite.min(), let high = finite.max() {
            outputs.append(.value(key: "f_min", name: "smallest f on the grid", value: low))
            outputs.append(.value(key: "f_max", name: "largest f on the grid", value: high))
        }
        if finite.count < values.count {
            outputs.append(.note("\(values.count - finite.count) of \(values.count) grid values are not finite and are left out."))
        }
        return outputs
    }
}
