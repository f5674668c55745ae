import SVGPlot

/// The bar chart of the `loss` directive: each prediction `y` against the target `t`.
enum LossFigure {
    static func bars(ys: [[Double]], target: [Double]) -> OutputFigure {
        let categories = target.indices.map(String.init)
        var series = [BarSeries(label: "t (target)", values: target, color: .gray)]
        for (i, y) in ys.enumerated() {
            series.append(BarSeries(label: ys.count > 1 ? "y\(i + 1)" : "y", values: y, color: .palette(i)))
        }
        var axes = Axes(xLabel: "class k", yLabel: "probability", marks: [.bars(categories: categories, series: series)])
        axes.yLimits = .fixed(0, 1)
        axes.grid = true
        axes.legend = .upperRight
        let figure = Figure(width: 640, height: 300, axes: [axes])
        return OutputFigure(name: "bars", svg: figure.render())
    }
}
