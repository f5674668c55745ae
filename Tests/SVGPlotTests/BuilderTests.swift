import Testing
import SVGPlot

/// The builder syntax a chapter author (or a reader's Swift cell) writes must
/// give exactly the figure that the step-by-step construction gives. (Inside a
/// builder, marks are written `Mark.line(…)`: a statement starting with `.`
/// would continue the previous line's expression.)
@Suite struct BuilderTests {
    static let xs = (0...40).map { Double($0) / 10 - 2 }

    @Test func builtFigureEqualsTheStepByStepOne() {
        let built = Figure(width: 640, height: 400, title: "x² and its tangent at x = 1") {
            Axes(xLabel: "x", yLabel: "f(x)") {
                Mark.line(x: Self.xs, y: Self.xs.map { $0 * $0 }, label: "x²")
                Mark.line(x: Self.xs, y: Self.xs.map { 2 * $0 - 1 }, label: "tangent", style: .dashed)
                Mark.scatter(x: [1], y: [1], label: "x = 1")
                Mark.hline(0)
            }
            .yLimits(-1, 4)
            .legend(.upperLeft)
            .gridLines()
        }
        var axes = Axes(xLabel: "x", yLabel: "f(x)")
        axes.add(.line(x: Self.xs, y: Self.xs.map { $0 * $0 }, label: "x²"))
        axes.add(.line(x: Self.xs, y: Self.xs.map { 2 * $0 - 1 }, label: "tangent", style: .dashed))
        axes.add(.scatter(x: [1], y: [1], label: "x = 1"))
        axes.add(.hline(0))
        axes.yLimits = .fixed(-1, 4)
        axes.legend = .upperLeft
        axes.grid = true
        let stepByStep = Figure(width: 640, height: 400, title: "x² and its tangent at x = 1", axes: [axes])
        #expect(built == stepByStep)
        #expect(built.render() == stepByStep.render())
    }

    @Test func controlFlowAndFunctionsInsideTheBuilder() {
        let rates = [0.01, 0.1]
        let showMinimum = true
        let figure = Figure {
            Axes(xLabel: "x") {
                for lr in rates {
                    Mark.function("lr = \(lr)", over: 0...1, samples: 11) { x in lr * x }
                }
                if showMinimum { Mark.vline(0) }
            }
            .logScale(y: false)
            Wireframe(Grid2D(x: [0, 1], y: [0, 1]) { x, y in x + y })
        }
        #expect(figure.panels.count == 2)
        guard case .axes(let axes) = figure.panels[0] else { Issue.record("first panel is not axes"); return }
        #expect(axes.marks.count == 3)
        let x: [Double] = (0...10).map { Double($0) / 10 }
        let expected = Mark.line(x: x, y: x.map { 0.01 * $0 }, label: "lr = 0.01")
        #expect(axes.marks[0] == expected)
        #expect(figure.render().contains("lr = 0.1"))
    }
}
