import DeepLearning
import SVGPlot

/// Section 4.4.1, figure 4-10: gradient descent (勾配法) x ← x − η∇f(x) from a start
/// point, for one or more learning rates (学習率) η, drawn over the contours of f.
enum DescentDirective: DirectiveDefinition {
    static let name = "descent"
    static let summary = "gradient descent (勾配法) on a function of two variables for one or more learning rates (figure 4-10)"
    static let example = """
        f: x0^2 + x1^2
        start: [-3.0, 4.0]
        lr: [10, 0.1, 1e-10]
        steps: 100
        caption: Too large, right and too small learning rates
        """

    struct Parameters: DirectiveParameters {
        @Parameter(.expression(variables: CalculusVariables.two), doc: "the function of x0 and x1 to minimise, e.g. x0^2 + x1^2")
        var f: Expression
        @Parameter(.point(dimension: 2), default: "[-3.0, 4.0]", doc: "the initial point init_x [x0, x1]")
        var start: [Double]
        @Parameter(.numbers(.positive), default: "0.1", limits: .atMost(DescentDirective.maximumRates),
                   doc: "the learning rate η (学習率), or a list of them to compare")
        var lr: [Double]
        @Parameter(.integer(.between(0, 10_000_000)), default: "100",
                   doc: "how many updates step_num (the book uses 100); at most 10⁷, as the whole path is kept while it runs")
        var steps: Int
        @Parameter(.number(.positive), default: "1e-4", doc: "the step of the numerical gradient (the book uses 1e-4)")
        var h: Double
    }

    /// Panels one figure shows (three per row).
    static let maximumRates = 12

    static func estimate(_ p: Parameters, common: CommonParameters) -> Double {
        Double(p.steps) * Double(p.lr.count) * DescentRun.secondsPerUpdate
    }

    static func run(_ p: Parameters, context: RunContext) throws -> [CellOutput] {
        let f = p.f, start = p.start, steps = p.steps, h = p.h, rates = p.lr
        let objective: ([Double]) -> Double = { f.evaluate($0) }
        var runs: [DescentRun] = []
        for (i, lr) in rates.enumerated() {
            context.progress(Double(i) / Double(rates.count), "lr = \(CalculusText.label(lr))")
            let path = try DescentRun.path(start: start, lr: lr, steps: steps, context: context) {
                numericalGradient(of: objective, at: $0, h: h)
            }
            runs.append(DescentRun(lr: lr, path: path, f: objective, h: h))
        }
        context.progress(1, "drawing")

        var outputs: [CellOutput] = [.figure(DescentRun.figure(runs, f: objective, start: start))]
        var rows: [[TableCell]] = []
        for (i, run) in runs.enumerated() {
            let end = run.end
            let tag = "(lr=\(CalculusText.label(run.lr)))"
            outputs.append(.value(key: "lr[\(i)].end_x0", name: "end x0 \(tag)", value: end[0]))
            outputs.append(.value(key: "lr[\(i)].end_x1", name: "end x1 \(tag)", value: end[1]))
            outputs.append(.value(key: "lr[\(i)].f_end", name: "f at the end \(tag)", value: run.fEnd))
            rows.append([.text(CalculusText.label(run.lr)), .number(end[0]), .number(end[1]),
                         .number(run.fStart), .number(run.fEnd), .text(run.outcome.word)])
        }
        // The values above, in one table (the page shows each number once: rounded, and exact).
        outputs.append(.table(OutputTable(name: "descent", columns: ["learning rate", "end x0", "end x1", "f at the start", "f at the end", "outcome"], rows: rows)))
        outputs += runs.compactMap { $0.note(steps: steps) }.map(CellOutput.note)
        return outputs
    }
}

/// One learning rate's path and what became of it. Keeps only the statistics and
/// the points to draw, so the full path of one run is freed before the next one.
struct DescentRun {
    /// Seconds per update: 4 evaluations of f by the expression evaluator, the path and its
    /// statistics. Issue 13 measured 10⁷ updates in 11 s (1.1e-6 s each) on the debug
    /// build, against an estimate of 150 s from the earlier 1.5e-5; rounded up to 3e-6
    /// for a loaded machine. A run that is slower than estimated still stops at its
    /// `timeout` (the deadline is checked every ``updatesPerCheck`` updates).
    static let secondsPerUpdate = 3e-6
    /// Updates between two looks at the deadline.
    static let updatesPerCheck = 10_000

    enum Outcome: Equatable {
        case converging, barelyMoves, notDecreasing, diverges, overflows(step: Int)

        var word: String {
            switch self {
            case .converging: return "f decreases"
            case .barelyMoves: return "barely moves"
            case .notDecreasing: return "f does not decrease"
            case .diverges: return "diverges"
            case .overflows: return "overflows"
            }
        }
    }

    var lr: Double
    var end: [Double]
    /// The finite points of the path, thinned for drawing (see ``thinned(_:)``).
    var drawn: [[Double]]
    var fStart: Double
    var fEnd: Double
    var outcome: Outcome
    /// The largest |x_i| of any finite point of the path.
    var largest: Double
    /// How far (max-norm) the path ever got from the start; a path may come back (lr = 1 on x²).
    var farthest: Double
    /// The first point that is not finite, if any.
    var firstNonFinite: [Double]?
    /// Whether the last update did not move the point because x ± h rounds back to x
    /// (the numerical gradient is 0 there, not because f is flat).
    var stalled: Bool

    init(lr: Double, path: [[Double]], f: ([Double]) -> Double, h: Double) {
        self.lr = lr
        let start = path[0]
        end = path[path.count - 1]
        fStart = f(start)
        fEnd = f(end)
        let size = { (p: [Double]) in p.map(abs).max() ?? 0 }
        var largest = 0.0, farthest = 0.0
        var nonFinite: Int?
        for (k, p) in path.enumerated() {
            guard p.allSatisfy(\.isFinite) else {
                if nonFinite == nil { nonFinite = k }
                continue
            }
            largest = max(largest, size(p))
            for i in p.indices { farthest = max(farthest, abs(p[i] - path[0][i])) }
        }
        self.largest = largest
        self.farthest = farthest
        firstNonFinite = nonFinite.map { path[$0] }
        drawn = DescentRun.thinned(path.filter { $0.allSatisfy(\.isFinite) })
        if let k = nonFinite {
            outcome = .overflows(step: k)
        } else if fEnd > fStart && size(end) > 10 * max(size(start), 1) {
            outcome = .diverges
        } else if path.count > 1 && farthest < 1e-6 * max(size(start), 1) {
            outcome = .barelyMoves
        } else if path.count > 1 && !(fEnd < fStart) {
            outcome = .notDecreasing
        } else {
            outcome = .converging
        }
        stalled = path.count > 2 && path[path.count - 1] == path[path.count - 2]
            && end.allSatisfy(\.isFinite) && end.contains { $0 + h == $0 && $0 - h == $0 }
    }

    /// The path of `steps` updates from `start`, by DeepLearning's `gradientDescent`
    /// in pieces of ``updatesPerCheck`` (each piece starts where the last ended, so
    /// the path is the same), looking at the cell's deadline between pieces.
    static func path(start: [Double], lr: Double, steps: Int, context: RunContext,
                     gradient: ([Double]) -> [Double]) throws -> [[Double]] {
        var path = [start]
        path.reserveCapacity(steps + 1)
        var remaining = steps
        while remaining > 0 {
            try context.checkDeadline()
            let count = min(updatesPerCheck, remaining)
            path += gradientDescent(start: path[path.count - 1], learningRate: lr, steps: count, gradient: gradient).dropFirst()
            remaining -= count
        }
        return path
    }

    /// What the reader should know about this run, or nil when it simply converges.
    func note(steps: Int) -> String? {
        let name = "lr = \(CalculusText.label(lr))"
        let updates = steps == 1 ? "1 step" : "\(steps) steps"
        switch outcome {
        case .converging:
            return nil
        case .overflows(let k):
            return "\(name) overflows: after \(k == 1 ? "1 step" : "\(k) steps") the point is \(CalculusText.point(firstNonFinite ?? end)) (|x| had reached \(CalculusText.approx(largest))); the remaining points are not finite and are not drawn."
        case .diverges:
            var text = "\(name) diverges: |x| reaches \(CalculusText.approx(largest)) after \(updates) (f = \(CalculusText.approx(fEnd)) against \(CalculusText.approx(fStart)) at the start)."
            if stalled {
                text += " It stops there only because x ± h rounds back to x at that size, so the numerical gradient is 0."
            }
            return text + " The plot shows the points near the start; the rest are clipped."
        case .barelyMoves:
            return "\(name) barely moves: in \(updates) the point never gets farther than \(CalculusText.approx(farthest)) from the start (f from \(formatNumber(fStart)) to \(formatNumber(fEnd)))."
        case .notDecreasing:
            if fEnd > fStart {
                return "\(name) does not decrease f: f grows from \(formatNumber(fStart)) to \(formatNumber(fEnd)) in \(updates) — each step overshoots the minimum by more than the last."
            }
            return "\(name) does not decrease f: f = \(formatNumber(fStart)) at the start and \(formatNumber(fEnd)) after \(updates) — the steps overshoot the minimum."
        }
    }

    /// Paths longer than this are drawn as a line without a marker per point.
    static let maximumMarkers = 300
    /// At most about this many points of a path are drawn.
    static let maximumDrawnPoints = 4_000

    /// The first half of the budget keeps the first points as they are (the big early
    /// moves); the rest of the path is sampled evenly, and the last point is kept.
    static func thinned(_ points: [[Double]]) -> [[Double]] {
        guard points.count > maximumDrawnPoints else { return points }
        let head = maximumDrawnPoints / 2
        let stride = (points.count - head + head - 1) / head
        var kept = Array(points[0..<head])
        kept += Swift.stride(from: head, to: points.count, by: stride).map { points[$0] }
        if kept.last != points.last { kept.append(points[points.count - 1]) }
        return kept
    }

    /// One panel per learning rate (three per row), all with the same limits:
    /// contours of f, the axes x0 = 0 and x1 = 0 dashed, the path as points.
    static func figure(_ runs: [DescentRun], f: ([Double]) -> Double, start: [Double]) -> OutputFigure {
        // The view: symmetric about 0 (as the book's figure), covering the start and every
        // point not far beyond it; a diverging path leaves it and is clipped (and counted).
        let reach = 4 * max(start.map(abs).max() ?? 0, 1)
        var m0 = abs(start[0]), m1 = abs(start[1])
        for run in runs {
            for p in run.drawn where abs(p[0]) <= reach && abs(p[1]) <= reach {
                m0 = max(m0, abs(p[0])); m1 = max(m1, abs(p[1]))
            }
        }
        m0 = max(m0, 0.5); m1 = max(m1, 0.5)
        let l0 = m0 + max(0.5, 0.125 * m0), l1 = m1 + max(0.5, 0.125 * m1)
        let samples = 61
        let gx = (0..<samples).map { -l0 + 2 * l0 * Double($0) / Double(samples - 1) }
        let gy = (0..<samples).map { -l1 + 2 * l1 * Double($0) / Double(samples - 1) }
        let grid = Grid2D(x: gx, y: gy) { f([$0, $1]) }
        var panels: [Axes] = []
        for run in runs {
            var axes = Axes(title: runs.count > 1 ? "lr = \(CalculusText.label(run.lr))" : "", xLabel: "x₀", yLabel: "x₁")
            axes.add(.contour(grid, filled: false, lines: true))
            axes.add(.hline(0, style: LineStyle(color: .palette(0), width: 1, dash: .dashed)))
            axes.add(.vline(0, style: LineStyle(color: .palette(0), width: 1, dash: .dashed)))
            let drawn = run.drawn
            let label = "path (lr = \(CalculusText.label(run.lr)))"
            let size = runs.count == 1 ? 6.0 : 5.5
            switch run.outcome {
            case _ where drawn.count > maximumMarkers:
                // A long path: a line only (markers would hide each other and bloat the page).
                axes.add(.line(x: drawn.map { $0[0] }, y: drawn.map { $0[1] }, label: label, style: LineStyle(color: .palette(1), width: 1.2)))
                axes.add(.scatter(x: [drawn[drawn.count - 1][0]], y: [drawn[drawn.count - 1][1]], color: .palette(1), size: size))
            case .diverges, .overflows:
                // Points only (as the book's 'o'): segments between far-away points would
                // cross the view and look like a path that is not there.
                axes.add(.scatter(x: drawn.map { $0[0] }, y: drawn.map { $0[1] }, label: label, color: .palette(1), size: size))
            default:
                axes.add(.line(x: drawn.map { $0[0] }, y: drawn.map { $0[1] }, label: label,
                               style: LineStyle(color: .palette(1), width: 0.8), marker: .circle, markerSize: size))
            }
            axes.xLimits = .fixed(-l0, l0)
            axes.yLimits = .fixed(-l1, l1)
            addEscape(of: run, to: &axes, limits: (l0, l1))
            // Equal units on both axes, so the circular contours of x0² + x1² look circular.
            axes.aspect = .equal
            axes.legend = .hidden
            panels.append(axes)
        }
        let columns = min(3, runs.count)
        let rows = (runs.count + columns - 1) / columns
        let width = runs.count == 1 ? 560.0 : Double(columns) * 330
        let height = runs.count == 1 ? 520.0 : Double(rows) * 360
        let figure = Figure(width: width, height: height, columns: columns, axes: panels)
        return OutputFigure(name: "descent", svg: figure.render())
    }

    /// A path that leaves the view: a dashed line from its last point inside
    /// towards the first one outside (cut at the frame: the direction it goes),
    /// and where it ends, written in the panel.
    static func addEscape(of run: DescentRun, to axes: inout Axes, limits: (Double, Double)) {
        let inside = { (p: [Double]) in abs(p[0]) <= limits.0 && abs(p[1]) <= limits.1 }
        guard let out = run.drawn.firstIndex(where: { !inside($0) }), out > 0 else { return }
        let from = run.drawn[out - 1], to = run.drawn[out]
        axes.add(.line(x: [from[0], to[0]], y: [from[1], to[1]], style: LineStyle(color: .palette(1), width: 1.2, dash: .dashed)))
        // Top right, away from the book's start (−3, 4).
        axes.add(.text("leaves the view", x: 0.94 * limits.0, y: 0.84 * limits.1, anchor: .end, size: 11))
        axes.add(.text("|x| → \(CalculusText.approx(run.largest))", x: 0.94 * limits.0, y: 0.70 * limits.1, anchor: .end, size: 11))
        axes.add(.text("f → \(CalculusText.approx(run.fEnd))", x: 0.94 * limits.0, y: 0.56 * limits.1, anchor: .end, size: 11))
    }
}
