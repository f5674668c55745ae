import SVGPlot

extension Directive {
    /// Figure 4-8: a function of two variables, as a 3-D wireframe or as filled contours.
    public static let surface = Directive(
        name: "surface",
        summary: "a function of two variables x0, x1 as a 3-D wireframe (figure 4-8) or as filled contours",
        parameters: [
            CalculusParameters.functionOfTwo,
            ParameterSpec("x0", .range, default: "[-3, 3]", doc: "the range of x0: [from, to]"),
            ParameterSpec("x1", .range, default: "[-3, 3]", doc: "the range of x1: [from, to]"),
            ParameterSpec("step", .number(.positive), default: "0.25", doc: "distance between grid points"),
            ParameterSpec("style", .choice(["wireframe", "contour"]), default: "wireframe",
                          doc: "wireframe (3-D view, as the book's figure 4-8) or contour (filled contours seen from above, with a colour bar)"),
        ],
        example: """
            f: x0^2 + x1^2
            x0: [-3, 3]
            x1: [-3, 3]
            style: wireframe
            caption: The graph of f(x0, x1) = x0² + x1²
            """,
        check: { arguments in
            CalculusGrid.problems(arguments, maximum: CalculusGrid.maximumSurfacePoints, what: "points")
        },
        run: { arguments, _ in
            let f = arguments.expression("f")
            let (x0s, x1s) = CalculusGrid.axes(arguments)
            let grid = Grid2D(x: x0s, y: x1s) { f.evaluate([$0, $1]) }
            let figure: Figure
            if arguments.words("style") == ["contour"] {
                var axes = Axes(xLabel: "x0", yLabel: "x1")
                axes.add(.contour(grid, filled: true, lines: true, colorBarLabel: "f(x0, x1)"))
                CalculusGrid.frame(&axes, arguments)
                figure = Figure(width: 600, height: 500, axes: [axes])
            } else {
                let wire = Wireframe(grid, xLabel: "x0", yLabel: "x1", zLabel: "f(x0, x1)", filled: true)
                figure = Figure(width: 600, height: 500, panels: [.wireframe(wire)])
            }
            var outputs: [CellOutput] = [.figure(OutputFigure(name: "surface", svg: figure.render(), description: figure.summary))]
            let values = grid.values.flatMap { $0 }
            let finite = values.filter(\.isFinite)
            if let low = finite.min(), let high = finite.max() {
                outputs.append(.value(name: "smallest f on the grid", value: low))
                outputs.append(.value(name: "largest f on the grid", value: high))
            }
            if finite.count < values.count {
                outputs.append(.note("\(values.count - finite.count) of \(values.count) grid values are not finite and are left out."))
            }
            return outputs
        }
    )
}
