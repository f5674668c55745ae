import Foundation
import SVGPlot

/// Deterministic pseudo-random numbers (a 64-bit LCG) for test data.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53)
    }
    mutating func gaussian() -> Double {
        let u = max(next(), 1e-12), v = next()
        return sqrt(-2 * log(u)) * cos(2 * .pi * v)
    }
}

func range(_ start: Double, _ end: Double, step: Double) -> [Double] {
    var values: [Double] = []
    var i = 0
    while true {
        let v = start + Double(i) * step
        if v >= end - step * 1e-9 { break }
        values.append(v)
        i += 1
    }
    return values
}

func linspace(_ a: Double, _ b: Double, _ n: Int) -> [Double] {
    (0..<n).map { a + (b - a) * Double($0) / Double(n - 1) }
}

/// The figures of the golden tests: one per mark type and one per figure of chapter 4.
enum Gallery {
    static let all: [(name: String, figure: Figure)] = [
        ("fig4-6-function", functionGraph),
        ("fig4-7-tangent", tangents),
        ("fig4-8-wireframe", wireframe),
        ("fig4-9-quiver", quiver),
        ("fig4-10-contour-path", contourPath),
        ("fig4-11-loss-10000", lossCurve),
        ("fig4-12-accuracy", accuracy),
        ("image-grid", imageGrid),
        ("bars", bars),
        ("markers-lines-text", markersAndText),
        ("log-scale", logScale),
        ("clipping", clipping),
        ("contour-lines", contourLines),
        ("wireframe-lines", wireframeLines),
        ("robust-limits", robustLimits),
    ]

    static func f1(_ x: Double) -> Double { 0.01 * x * x + 0.1 * x }

    static var functionGraph: Figure {
        let x = range(0, 20, step: 0.1)
        var axes = Axes(xLabel: "x", yLabel: "f(x)")
        axes.add(.line(x: x, y: x.map(f1)))
        return Figure(width: 640, height: 400, axes: [axes])
    }

    static var tangents: Figure {
        let x = range(0, 20, step: 0.1)
        func tangentAxes(at x0: Double) -> Axes {
            let h = 1e-4
            let slope = (f1(x0 + h) - f1(x0 - h)) / (2 * h)
            var axes = Axes(title: "Tangent at x = \(Int(x0))", xLabel: "x", yLabel: "f(x)")
            axes.add(.line(x: x, y: x.map(f1), label: "f(x)"))
            axes.add(.line(x: x, y: x.map { slope * ($0 - x0) + f1(x0) }, label: "tangent",
                           style: LineStyle(color: .palette(1), width: 1.5, dash: .dashed)))
            axes.add(.scatter(x: [x0], y: [f1(x0)], marker: .circle, color: .palette(1)))
            axes.legend = .upperLeft
            return axes
        }
        return Figure(width: 800, height: 360, axes: [tangentAxes(at: 5), tangentAxes(at: 10)])
    }

    static var wireframe: Figure {
        let x = range(-3, 3.25, step: 0.25)
        let grid = Grid2D(x: x, y: x) { $0 * $0 + $1 * $1 }
        return Figure(width: 640, height: 480, panels: [.wireframe(Wireframe(grid, title: "f(x0, x1) = x0² + x1²",
                                                                             xLabel: "x0", yLabel: "x1", zLabel: "f(x)"))])
    }

    static var quiver: Figure {
        let g = linspace(-2, 2, 18)
        var xs: [Double] = [], ys: [Double] = [], us: [Double] = [], vs: [Double] = []
        for y in g { for x in g { xs.append(x); ys.append(y); us.append(-2 * x); vs.append(-2 * y) } }
        var axes = Axes(title: "−∇f(x0, x1)", xLabel: "x0", yLabel: "x1")
        axes.add(.quiver(x: xs, y: ys, u: us, v: vs))
        axes.xLimits = .fixed(-2, 2)
        axes.yLimits = .fixed(-2, 2)
        axes.grid = true
        return Figure(width: 560, height: 520, axes: [axes])
    }

    static func gradientDescent(from start: (Double, Double), rate: Double, steps: Int) -> ([Double], [Double]) {
        var x0 = start.0, x1 = start.1
        var xs = [x0], ys = [x1]
        for _ in 0..<steps {
            x0 -= rate * 2 * x0
            x1 -= rate * 2 * x1
            xs.append(x0)
            ys.append(x1)
        }
        return (xs, ys)
    }

    static var contourPath: Figure {
        let (px, py) = gradientDescent(from: (-3, 4), rate: 0.1, steps: 20)
        let grid = Grid2D(x: linspace(-3.5, 3.5, 71), y: linspace(-4.5, 4.5, 91)) { $0 * $0 + $1 * $1 }
        var axes = Axes(title: "Gradient descent from (−3, 4)", xLabel: "X0", yLabel: "X1")
        axes.add(.contour(grid, levels: [1, 2, 4, 8, 12, 16, 20, 25, 30], colorBarLabel: "f(x0, x1)"))
        axes.add(.vline(0, style: LineStyle(color: .palette(5), width: 1, dash: .dashed)))
        axes.add(.hline(0, style: LineStyle(color: .palette(5), width: 1, dash: .dashed)))
        axes.add(.line(x: px, y: py, label: "path (lr = 0.1)", style: LineStyle(color: .palette(1), width: 1), marker: .circle))
        axes.xLimits = .fixed(-3.5, 3.5)
        axes.yLimits = .fixed(-4.5, 4.5)
        axes.legend = .upperRight
        return Figure(width: 560, height: 560, axes: [axes])
    }

    static var lossValues: [Double] {
        var random = SeededRandom(seed: 42)
        return (0..<10_000).map { i in
            let t = Double(i)
            let base = 2.2 * exp(-t / 900) + 0.12 + 0.1 * exp(-t / 5000)
            return max(0.01, base + random.gaussian() * (0.08 + 0.25 * exp(-t / 1500)))
        }
    }

    static var lossCurve: Figure {
        var axes = Axes(title: "Training loss (10 000 iterations)", xLabel: "iteration", yLabel: "loss")
        axes.add(.line(y: lossValues, label: "loss", style: LineStyle(width: 1)))
        axes.legend = .hidden
        return Figure(width: 640, height: 400, axes: [axes])
    }

    static var accuracy: Figure {
        let epochs = (0...16).map(Double.init)
        let train = epochs.map { 0.98 - 0.86 * exp(-$0 / 1.6) }
        let test = epochs.map { 0.965 - 0.85 * exp(-$0 / 1.7) }
        var axes = Axes(title: "Accuracy per epoch", xLabel: "epochs", yLabel: "accuracy")
        axes.add(.line(x: epochs, y: train, label: "train acc", marker: .circle))
        axes.add(.line(x: epochs, y: test, label: "test acc", style: .dashed, marker: .square))
        axes.yLimits = .fixed(0, 1)
        axes.legend = .lowerRight
        return Figure(width: 640, height: 400, axes: [axes])
    }

    /// Seven-segment style digits on 28×28, so the grid shows recognisable shapes.
    static func digitImage(_ digit: Int) -> [Double] {
        let segments: [[Bool]] = [
            [true, true, true, false, true, true, true], [false, false, true, false, false, true, false],
            [true, false, true, true, true, false, true], [true, false, true, true, false, true, true],
            [false, true, true, true, false, true, false], [true, true, false, true, false, true, true],
            [true, true, false, true, true, true, true], [true, false, true, false, false, true, false],
            [true, true, true, true, true, true, true], [true, true, true, true, false, true, true],
        ]
        // a: top, b: upper left, c: upper right, d: middle, e: lower left, f: lower right, g: bottom
        let lines: [((Double, Double), (Double, Double))] = [
            ((9, 5), (19, 5)), ((8, 6), (8, 13)), ((20, 6), (20, 13)), ((9, 14), (19, 14)),
            ((8, 15), (8, 22)), ((20, 15), (20, 22)), ((9, 23), (19, 23)),
        ]
        var image = [Double](repeating: 0, count: 28 * 28)
        for (s, on) in segments[digit].enumerated() where on {
            let (a, b) = lines[s]
            for y in 0..<28 {
                for x in 0..<28 {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5
                    let dx = b.0 - a.0, dy = b.1 - a.1
                    let t = max(0, min(1, ((px - a.0) * dx + (py - a.1) * dy) / (dx * dx + dy * dy)))
                    let d = hypot(px - a.0 - t * dx, py - a.1 - t * dy)
                    image[y * 28 + x] = max(image[y * 28 + x], min(1, max(0, 2.2 - d)))
                }
            }
        }
        return image
    }

    static var imageGrid: Figure {
        let digits = [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
        let grid = ImageGrid(images: digits.map(digitImage), labels: digits.map { "label \($0)" }, columns: 5,
                             title: "Training samples")
        return Figure(width: 560, height: 300, panels: [.images(grid)])
    }

    static var bars: Figure {
        let y = [0.05, 0.01, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.09]
        let t = [0.0, 0.0, 1, 0, 0, 0, 0, 0, 0, 0]
        var axes = Axes(title: "Prediction y and target t", xLabel: "class", yLabel: "probability")
        axes.add(.bars(categories: (0..<10).map(String.init), series: [BarSeries(label: "y", values: y), BarSeries(label: "t", values: t)]))
        axes.grid = true
        return Figure(width: 640, height: 360, axes: [axes])
    }

    static var markersAndText: Figure {
        var axes = Axes(title: "Markers & dashes <test> — 日本語のキャプション", xLabel: "x < 1 & y > 0", yLabel: "値 y")
        let x = linspace(0, 4, 9)
        let markers: [Marker] = [.circle, .square, .triangle, .cross]
        let dashes: [Dash] = [.solid, .dashed, .dotted, .dashDot]
        for k in 0..<4 {
            axes.add(.line(x: x, y: x.map { sin($0) + Double(k) }, label: "series \(k) \"\(markers[k])\"",
                           style: LineStyle(width: 1.5, dash: dashes[k]), marker: markers[k]))
        }
        axes.add(.hline(0.5))
        axes.add(.vline(2, style: LineStyle(color: .palette(4), width: 1, dash: .dotted)))
        axes.add(.text("peak & 頂点 <here>", x: 1.5, y: 4.25, anchor: .middle))
        axes.legend = .lowerLeft
        axes.grid = true
        axes.yLimits = .fixed(-1, 4.5)
        return Figure(width: 640, height: 420, axes: [axes])
    }

    static var logScale: Figure {
        let values = lossValues
        var axes = Axes(title: "Loss on a log scale", xLabel: "iteration", yLabel: "loss")
        axes.add(.line(y: values, label: "loss", style: LineStyle(width: 1)))
        axes.yScale = .log
        var log2 = Axes(title: "Log–log", xLabel: "n", yLabel: "n²")
        let n = (0..<40).map { pow(10, Double($0) / 8) }
        log2.add(.line(x: n, y: n.map { $0 * $0 }, label: "n²", marker: .circle))
        log2.xScale = .log
        log2.yScale = .log
        log2.grid = true
        return Figure(width: 800, height: 360, axes: [axes, log2])
    }

    static var clipping: Figure {
        var (px, py) = gradientDescent(from: (-3, 4), rate: 10, steps: 6)
        px.append(.nan)
        py.append(.infinity)
        var axes = Axes(title: "Learning rate 10 diverges", xLabel: "X0", yLabel: "X1")
        axes.add(.line(x: px, y: py, label: "path (lr = 10)", marker: .circle))
        axes.xLimits = .fixed(-3.5, 3.5)
        axes.yLimits = .fixed(-4.5, 4.5)
        var auto = Axes(title: "Automatic limits", xLabel: "step", yLabel: "x1")
        auto.add(.line(y: [1, 2, .nan, 4, .infinity, 3, 2], label: "with gaps", marker: .triangle))
        return Figure(width: 800, height: 380, axes: [axes, auto])
    }

    static var robustLimits: Figure {
        var values = Array(lossValues.prefix(2000))
        values[700] = 1e13
        values[701] = .nan
        values[1500] = 4e12
        var auto = Axes(title: "Automatic limits", xLabel: "iteration", yLabel: "loss")
        auto.add(.line(y: values, style: LineStyle(width: 1)))
        var robust = Axes(title: "Robust limits", xLabel: "iteration", yLabel: "loss")
        robust.add(.line(y: values, style: LineStyle(width: 1)))
        robust.yLimits = .robust
        return Figure(width: 800, height: 360, axes: [auto, robust])
    }

    static var contourLines: Figure {
        let grid = Grid2D(x: linspace(-2, 2, 41), y: linspace(-2, 2, 41)) { x, y in
            (x * x - 1) * (x * x - 1) + y * y - 0.5 * x   // two basins: saddles
        }
        var axes = Axes(title: "Contour lines only", xLabel: "x0", yLabel: "x1")
        axes.add(.contour(grid, filled: false))
        axes.aspect = .equal
        return Figure(width: 480, height: 420, axes: [axes])
    }

    static var wireframeLines: Figure {
        let x = linspace(-2, 2, 21)
        let grid = Grid2D(x: x, y: x) { exp(-($0 * $0 + $1 * $1)) }
        var left = Wireframe(grid, title: "Wireframe", xLabel: "x0", yLabel: "x1", zLabel: "z", filled: false)
        left.elevation = 25
        let right = Wireframe(grid, title: "Surface", xLabel: "x0", yLabel: "x1", zLabel: "z")
        return Figure(width: 800, height: 380, panels: [.wireframe(left), .wireframe(right)])
    }
}
