/// Values on a regular 2-D grid: `values[j][i]` is f(x[i], y[j])
/// (one row per y value, rows in increasing y).
public struct Grid2D: Sendable, Equatable {
    public var x: [Double]
    public var y: [Double]
    public var values: [[Double]]

    public init(x: [Double], y: [Double], values: [[Double]]) {
        self.x = x
        self.y = y
        self.values = values
    }

    /// Samples `f` on the grid `x × y`.
    public init(x: [Double], y: [Double], _ f: (Double, Double) -> Double) {
        self.x = x
        self.y = y
        self.values = y.map { yv in x.map { xv in f(xv, yv) } }
    }

    /// The value at column `i`, row `j` (NaN when missing).
    func at(_ i: Int, _ j: Int) -> Double {
        guard j >= 0, j < values.count, i >= 0, i < values[j].count else { return .nan }
        return values[j][i]
    }
}

/// One series of a grouped bar chart.
public struct BarSeries: Sendable, Equatable {
    public var label: String
    public var values: [Double]
    public var color: PlotColor

    public init(label: String, values: [Double], color: PlotColor = .auto) {
        self.label = label
        self.values = values
        self.color = color
    }
}

/// Something drawn inside an `Axes`: build one with the static functions
/// (`.line`, `.scatter`, `.quiver`, `.contour`, `.bars`, `.hline`, `.vline`, `.text`).
public struct Mark: Sendable, Equatable {
    struct Series: Sendable, Equatable {
        var x: [Double]
        var y: [Double]
        var label: String
        var style: LineStyle?        // nil: markers only
        var marker: Marker
        var markerSize: Double
        var markerColor: PlotColor
    }

    struct Quiver: Sendable, Equatable {
        var x: [Double], y: [Double], u: [Double], v: [Double]
        var color: PlotColor
        var scale: Double?
        var label: String
    }

    struct Contour: Sendable, Equatable {
        var grid: Grid2D
        var levels: [Double]
        var filled: Bool
        var lines: Bool
        var colorBarLabel: String
    }

    struct Bars: Sendable, Equatable {
        var categories: [String]
        var series: [BarSeries]
    }

    struct Reference: Sendable, Equatable {
        var value: Double
        var vertical: Bool
        var style: LineStyle
    }

    struct Annotation: Sendable, Equatable {
        var text: String
        var x: Double, y: Double
        var anchor: TextAnchor
        var color: PlotColor
        var size: Double
    }

    enum Kind: Sendable, Equatable {
        case series(Series)
        case quiver(Quiver)
        case contour(Contour)
        case bars(Bars)
        case reference(Reference)
        case text(Annotation)
    }

    let kind: Kind

    /// A polyline through `(x[i], y[i])`, optionally with a marker at every point.
    /// Non-finite points break the line; points outside fixed limits are clipped
    /// (and counted). Long series are thinned to min/max per pixel column.
    public static func line(x: [Double], y: [Double], label: String = "",
                            style: LineStyle = LineStyle(), marker: Marker = .none,
                            markerSize: Double = 6) -> Mark {
        Mark(kind: .series(Series(x: x, y: y, label: label, style: style, marker: marker,
                                  markerSize: markerSize, markerColor: style.color)))
    }

    /// A line through `y[i]` at x = 0, 1, 2, … (e.g. a loss per iteration).
    public static func line(y: [Double], label: String = "", style: LineStyle = LineStyle(),
                            marker: Marker = .none) -> Mark {
        line(x: y.indices.map(Double.init), y: y, label: label, style: style, marker: marker)
    }

    /// Markers only, at `(x[i], y[i])`.
    public static func scatter(x: [Double], y: [Double], marker: Marker = .circle, label: String = "",
                               color: PlotColor = .auto, size: Double = 6) -> Mark {
        Mark(kind: .series(Series(x: x, y: y, label: label, style: nil, marker: marker == .none ? .circle : marker,
                                  markerSize: size, markerColor: color)))
    }

    /// Arrows from `(x[i], y[i])` along `(u[i], v[i])` (in data units). With
    /// `scale == nil` the arrows are scaled so the longest is 90 % of the grid
    /// spacing; otherwise an arrow is `scale × (u, v)` data units long.
    public static func quiver(x: [Double], y: [Double], u: [Double], v: [Double],
                              color: PlotColor = .gray, scale: Double? = nil, label: String = "") -> Mark {
        Mark(kind: .quiver(Quiver(x: x, y: y, u: u, v: v, color: color, scale: scale, label: label)))
    }

    /// Contours of a grid of values. `filled` draws a heat map (viridis) with a
    /// colour bar; `lines` draws contour lines (marching squares) at `levels`
    /// (empty: the nice ticks of the value range).
    public static func contour(_ grid: Grid2D, levels: [Double] = [], filled: Bool = true,
                               lines: Bool = true, colorBarLabel: String = "") -> Mark {
        Mark(kind: .contour(Contour(grid: grid, levels: levels, filled: filled, lines: lines,
                                    colorBarLabel: colorBarLabel)))
    }

    /// Grouped bars: one group per category, one bar per series in each group.
    /// The x axis becomes categorical (ticks labelled with the categories).
    public static func bars(categories: [String], series: [BarSeries]) -> Mark {
        Mark(kind: .bars(Bars(categories: categories, series: series)))
    }

    /// A horizontal reference line across the whole plot at `y`.
    public static func hline(_ y: Double, style: LineStyle = LineStyle(color: .foreground, width: 1, dash: .dashed)) -> Mark {
        Mark(kind: .reference(Reference(value: y, vertical: false, style: style)))
    }

    /// A vertical reference line across the whole plot at `x`.
    public static func vline(_ x: Double, style: LineStyle = LineStyle(color: .foreground, width: 1, dash: .dashed)) -> Mark {
        Mark(kind: .reference(Reference(value: x, vertical: true, style: style)))
    }

    /// A text annotation anchored at the data point `(x, y)`.
    public static func text(_ text: String, x: Double, y: Double, anchor: TextAnchor = .start,
                            color: PlotColor = .foreground, size: Double = 12) -> Mark {
        Mark(kind: .text(Annotation(text: text, x: x, y: y, anchor: anchor, color: color, size: size)))
    }
}

/// A 2-D chart: scales, limits, ticks, labels, grid, legend and the marks.
public struct Axes: Sendable, Equatable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var xScale: Scale = .linear
    public var yScale: Scale = .linear
    public var xLimits: Limits = .auto
    public var yLimits: Limits = .auto
    public var aspect: Aspect = .auto
    /// Grid lines at the ticks.
    public var grid: Bool = false
    public var legend: LegendPlacement = .best
    /// What is drawn, in order (later marks on top).
    public var marks: [Mark]

    public init(title: String = "", xLabel: String = "", yLabel: String = "", marks: [Mark] = []) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.marks = marks
    }

    /// Appends a mark (drawn above the earlier ones).
    public mutating func add(_ mark: Mark) {
        marks.append(mark)
    }
}
