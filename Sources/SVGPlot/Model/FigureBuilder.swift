/// Builds the marks of an `Axes` from a list of statements, as SwiftUI builds
/// views, one mark per line: `Mark.line(x: xs, y: ys, label: "f")`, then
/// `Mark.hline(0)`. (Write `Mark.`: a line starting with `.` would continue
/// the expression of the line before.) `if`, `if … else` and `for … in` work inside.
@resultBuilder
public enum MarkBuilder {
    public static func buildExpression(_ mark: Mark) -> [Mark] { [mark] }
    public static func buildExpression(_ marks: [Mark]) -> [Mark] { marks }
    public static func buildBlock(_ parts: [Mark]...) -> [Mark] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [Mark]?) -> [Mark] { part ?? [] }
    public static func buildEither(first part: [Mark]) -> [Mark] { part }
    public static func buildEither(second part: [Mark]) -> [Mark] { part }
    public static func buildArray(_ parts: [[Mark]]) -> [Mark] { parts.flatMap { $0 } }
}

/// Builds the panels of a `Figure`: axes, surfaces and image grids in reading order.
@resultBuilder
public enum PanelBuilder {
    public static func buildExpression(_ axes: Axes) -> [Panel] { [.axes(axes)] }
    public static func buildExpression(_ surface: Wireframe) -> [Panel] { [.wireframe(surface)] }
    public static func buildExpression(_ images: ImageGrid) -> [Panel] { [.images(images)] }
    public static func buildExpression(_ panel: Panel) -> [Panel] { [panel] }
    public static func buildBlock(_ parts: [Panel]...) -> [Panel] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [Panel]?) -> [Panel] { part ?? [] }
    public static func buildEither(first part: [Panel]) -> [Panel] { part }
    public static func buildEither(second part: [Panel]) -> [Panel] { part }
    public static func buildArray(_ parts: [[Panel]]) -> [Panel] { parts.flatMap { $0 } }
}

extension Figure {
    /// A figure from its panels written out in order:
    ///
    ///     let figure = Figure(title: "f(x) = x²") {
    ///         Axes(xLabel: "x", yLabel: "f(x)") {
    ///             Mark.function("x²", over: -2...2) { x in x * x }
    ///         }
    ///     }
    public init(width: Double = 640, height: Double = 400, title: String = "", columns: Int? = nil,
                @PanelBuilder _ panels: () -> [Panel]) {
        self.init(width: width, height: height, title: title, columns: columns, panels: panels())
    }
}

extension Axes {
    /// Axes with the marks written out in order (later marks on top).
    public init(title: String = "", xLabel: String = "", yLabel: String = "", @MarkBuilder _ marks: () -> [Mark]) {
        self.init(title: title, xLabel: xLabel, yLabel: yLabel, marks: marks())
    }

    /// These axes with x fixed to `lower…upper`.
    public func xLimits(_ lower: Double, _ upper: Double) -> Axes {
        var copy = self
        copy.xLimits = .fixed(lower, upper)
        return copy
    }

    /// These axes with y fixed to `lower…upper`.
    public func yLimits(_ lower: Double, _ upper: Double) -> Axes {
        var copy = self
        copy.yLimits = .fixed(lower, upper)
        return copy
    }

    /// These axes with a log-scaled x and/or y axis.
    public func logScale(x: Bool = false, y: Bool = true) -> Axes {
        var copy = self
        copy.xScale = x ? .log : .linear
        copy.yScale = y ? .log : .linear
        return copy
    }

    /// These axes with the legend at `placement` (`.hidden` for none).
    public func legend(_ placement: LegendPlacement) -> Axes {
        var copy = self
        copy.legend = placement
        return copy
    }

    /// These axes with grid lines at the ticks.
    public func gridLines(_ shown: Bool = true) -> Axes {
        var copy = self
        copy.grid = shown
        return copy
    }

    /// These axes with one unit as long on x as on y.
    public func equalAspect() -> Axes {
        var copy = self
        copy.aspect = .equal
        return copy
    }
}

extension Mark {
    /// The graph of `f` over `range`, sampled at `samples` evenly spaced x
    /// (both ends included); non-finite values break the line.
    public static func function(_ label: String = "", over range: ClosedRange<Double>, samples: Int = 201,
                                style: LineStyle = LineStyle(), _ f: (Double) -> Double) -> Mark {
        let n = max(2, samples)
        let span = range.upperBound - range.lowerBound
        // i·span/(n−1) rather than i·step: 3·1/10 is 0.3, 3·0.1 is 0.30000000000000004.
        let x = (0..<n).map { $0 == n - 1 ? range.upperBound : range.lowerBound + Double($0) * span / Double(n - 1) }
        return line(x: x, y: x.map(f), label: label, style: style)
    }
}
