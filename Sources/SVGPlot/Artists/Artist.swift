/// Something drawn inside a plot area, made from one `Mark` (matplotlib's
/// `Artist`). An artist reports the data it covers (for the automatic limits,
/// the robust limits and the clipping note), draws itself through the one
/// `SVGRenderer`, and gives its legend entries and its sentences of the alt
/// text, so the picture and its description come from the same objects.
protocol Artist {
    /// Widens `extent` by the data along one axis (x, or y when `vertical`).
    func include(into extent: inout DataExtent, vertical: Bool)
    /// Values that `.robust` limits take percentiles of (lines, markers, arrows).
    func robustValues(vertical: Bool) -> [Double]
    /// Points that are not finite or outside the limits.
    func clipped(by transform: DataTransform) -> ClipCount
    /// Draws into the plot area of `context.layout`.
    func draw(in context: inout DrawingContext)
    var legendEntries: [LegendEntry] { get }
    /// Sentences of the alt text (`<desc>`), in drawing order.
    var description: [String] { get }
}

extension Artist {
    func include(into extent: inout DataExtent, vertical: Bool) {}
    func robustValues(vertical: Bool) -> [Double] { [] }
    func clipped(by transform: DataTransform) -> ClipCount { ClipCount() }
    var legendEntries: [LegendEntry] { [] }
}

/// What an artist draws into: the renderer, the layout computed once for its
/// axes, and the pixels covered by data so far (the legend's `.best` corner
/// avoids them).
struct DrawingContext {
    var renderer: SVGRenderer
    let layout: AxesLayout
    var occupied: [Point] = []
    /// Pixels of the reference lines (x of vertical ones, y of horizontal ones),
    /// which labels keep away from.
    var referenceLines: [(vertical: Bool, pixel: Double)] = []

    var plot: Rect { layout.plot }
    var transform: DataTransform { layout.transform }
}

/// The finite range of the data along one axis, clamped to ±1e300
/// (1e-300…1e300 on log axes; non-positive values are ignored there).
struct DataExtent {
    let scale: Scale
    var lo = Double.infinity, hi = -Double.infinity
    /// Whether the automatic limits get a 5 % margin (not for heat maps alone).
    var margin = false

    init(scale: Scale) { self.scale = scale }

    mutating func include(_ v: Double) {
        guard v.isFinite, scale == .linear || v > 0 else { return }
        let v = scale == .log ? min(max(v, 1e-300), 1e300) : min(max(v, -1e300), 1e300)
        lo = min(lo, v)
        hi = max(hi, v)
    }

    var isEmpty: Bool { !(lo <= hi) }
}

/// How many points a figure could not plot, and how many of those were not finite.
struct ClipCount: Equatable {
    var total = 0
    var nonFinite = 0

    /// Counts `(x, y)` as clipped when it is not finite (or `valid` is false), or outside the limits.
    mutating func check(_ x: Double, _ y: Double, valid: Bool = true, in transform: DataTransform) {
        if !x.isFinite || !y.isFinite || !valid {
            total += 1
            nonFinite += 1
        } else if !transform.x.inside(x) || !transform.y.inside(y) {
            total += 1
        }
    }

    static func + (a: ClipCount, b: ClipCount) -> ClipCount {
        ClipCount(total: a.total + b.total, nonFinite: a.nonFinite + b.nonFinite)
    }

    /// The sentence under the axes and in the description.
    var note: String {
        var text = total == 1 ? "1 point outside the plotted range is clipped" : "\(total) points outside the plotted range are clipped"
        if nonFinite > 0 { text += " (\(nonFinite) not finite)" }
        return text
    }

    /// The short form when `note` does not fit.
    var shortNote: String {
        "\(total) point\(total == 1 ? "" : "s") clipped" + (nonFinite > 0 ? " (\(nonFinite) not finite)" : "")
    }
}
