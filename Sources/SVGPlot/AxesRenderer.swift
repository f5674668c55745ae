import Foundation

/// Maps data values of one axis to pixels.
struct AxisMap {
    var lo: Double, hi: Double
    var log: Bool
    var p0: Double, p1: Double   // pixel of lo, pixel of hi

    func transform(_ v: Double) -> Double? {
        guard v.isFinite else { return nil }
        if log { return v > 0 ? log10(v) : nil }
        return v
    }

    var tlo: Double { log ? log10(lo) : lo }
    var thi: Double { log ? log10(hi) : hi }

    func px(_ v: Double) -> Double? {
        guard let t = transform(v) else { return nil }
        let span = thi - tlo
        guard span > 0 else { return nil }
        let p = p0 + (t - tlo) / span * (p1 - p0)
        return p.isFinite ? p : nil
    }

    /// Within the limits (with a tiny relative tolerance).
    func inside(_ v: Double) -> Bool {
        guard let t = transform(v) else { return false }
        let tol = (thi - tlo) * 1e-9
        return t >= tlo - tol && t <= thi + tol
    }

    /// Pixels per data unit (linear axes).
    var scale: Double { (p1 - p0) / (hi - lo) }
}

struct Point: Equatable {
    var x: Double, y: Double
}

/// Liang–Barsky: the part of segment a→b inside `r`, or nil.
func clipSegment(_ a: Point, _ b: Point, to r: Rect) -> (Point, Point)? {
    let dx = b.x - a.x, dy = b.y - a.y
    var t0 = 0.0, t1 = 1.0
    let checks: [(Double, Double)] = [(-dx, a.x - r.x), (dx, r.maxX - a.x), (-dy, a.y - r.y), (dy, r.maxY - a.y)]
    for (p, q) in checks {
        if p == 0 {
            if q < 0 { return nil }
        } else {
            let t = q / p
            if p < 0 {
                if t > t1 { return nil }
                if t > t0 { t0 = t }
            } else {
                if t < t0 { return nil }
                if t < t1 { t1 = t }
            }
        }
    }
    let s = t0 == 0 ? a : Point(x: a.x + t0 * dx, y: a.y + t0 * dy)
    let e = t1 == 1 ? b : Point(x: a.x + t1 * dx, y: a.y + t1 * dy)
    return (s, e)
}

/// Cuts polylines at `bounds` (Liang–Barsky per segment); parts outside are
/// dropped, so no coordinate ends up far outside the plot.
func clipRuns(_ runs: [[Point?]], to bounds: Rect) -> [[Point]] {
    var result: [[Point]] = []
    for points in runs {
        var current: [Point] = []
        for i in 0..<max(0, points.count - 1) {
            guard let a = points[i], let b = points[i + 1], let (c0, c1) = clipSegment(a, b, to: bounds) else {
                if !current.isEmpty { result.append(current); current = [] }
                continue
            }
            if current.last != c0 {
                if !current.isEmpty { result.append(current) }
                current = [c0]
            }
            current.append(c1)
        }
        if !current.isEmpty { result.append(current) }
    }
    return result
}

/// Keeps, per run of consecutive points in the same pixel column, the first,
/// lowest, highest and last point (in their original order): the envelope of
/// a dense curve survives with a few points per column.
func thinPerPixelColumn(_ run: [Point]) -> [Point] {
    guard run.count > 8 else { return run }
    var out: [Point] = []
    var start = 0
    while start < run.count {
        let column = run[start].x.rounded(.down)
        var end = start
        var lowest = start, highest = start
        while end + 1 < run.count && run[end + 1].x.rounded(.down) == column {
            end += 1
            if run[end].y < run[lowest].y { lowest = end }
            if run[end].y > run[highest].y { highest = end }
        }
        var keep = [start, lowest, highest, end]
        keep.sort()
        var last = -1
        for k in keep where k != last {
            out.append(run[k])
            last = k
        }
        start = end + 1
    }
    return out
}

func pathData(_ runs: [[Point]]) -> String {
    var d = ""
    for run in runs where run.count >= 2 {
        d += "M" + svgNumber(run[0].x) + " " + svgNumber(run[0].y)
        var previous = (svgNumber(run[0].x), svgNumber(run[0].y))
        var first = true
        for p in run.dropFirst() {
            let current = (svgNumber(p.x), svgNumber(p.y))
            if current == previous { continue }
            d += (first ? "L" : " ") + current.0 + " " + current.1
            first = false
            previous = current
        }
        if first { d += "L" + previous.0 + " " + previous.1 }
    }
    return d
}

struct LegendEntry {
    enum Swatch {
        case line(Paint, LineStyle, Marker)
        case marker(Paint, Marker)
        case box(Paint)
        case arrow(Paint)
    }
    var label: String
    var swatch: Swatch
}

struct AxesRenderer {
    let axes: Axes
    let rect: Rect
    let id: String

    // Resolved state
    /// The paint of each mark (nil for bars and contours).
    var paints: [Paint?] = []
    /// The paints of each bar series, per mark (empty for other marks); auto
    /// colours continue the palette sequence of the marks before.
    var barPaints: [[Paint]] = []
    var categorical: [String]? = nil

    /// Axis limits from the data and settings, before `aspect` adjusts them.
    private(set) var xRange = (0.0, 1.0), yRange = (0.0, 1.0)
    /// Whether the panel may draw a clipping note (some point lies outside
    /// `xRange`/`yRange`, or equal aspect may narrow a range), so it needs room under the plot.
    private(set) var clipsPoints = false

    /// Keep room under the plot for a clipping note even when this panel has
    /// none, so that panels side by side keep plot areas of the same height.
    var reserveNoteSpace = false

    init(axes: Axes, rect: Rect, id: String) {
        self.axes = axes
        self.rect = rect
        self.id = id
        var autoIndex = 0
        func paint(_ color: PlotColor) -> Paint {
            defer { if color == .auto { autoIndex += 1 } }
            return Paint(color, autoIndex: autoIndex)
        }
        for mark in axes.marks {
            var bars: [Paint] = []
            switch mark.kind {
            case .series(let s):
                paints.append(paint(s.style?.color ?? s.markerColor))
            case .quiver(let q):
                paints.append(paint(q.color))
            case .reference(let r):
                paints.append(paint(r.style.color))
            case .text(let t):
                paints.append(Paint(t.color, autoIndex: autoIndex))
            case .bars(let b):
                paints.append(nil)
                if categorical == nil { categorical = b.categories }
                bars = b.series.map { paint($0.color) }
            case .contour:
                paints.append(nil)
            }
            barPaints.append(bars)
        }
        xRange = limits(vertical: false)
        yRange = limits(vertical: true)
        // Equal aspect with one range fixed may narrow the other one during layout and
        // clip points only then; keep the note's room for that case too.
        let fixed = { (l: Limits) -> Bool in if case .fixed = l { return true } else { return false } }
        let aspectMayClip = axes.aspect == .equal && fixed(axes.xLimits) != fixed(axes.yLimits)
        clipsPoints = aspectMayClip || clippedCount(xRange.0, xRange.1, yRange.0, yRange.1).total > 0
    }

    // MARK: limits

    /// Finite data extent of one axis; `sticky` when only heat maps/bars define it.
    func dataExtent(vertical: Bool) -> (lo: Double, hi: Double, margin: Bool)? {
        let scale = vertical ? axes.yScale : axes.xScale
        var lo = Double.infinity, hi = -Double.infinity
        var margin = false
        func include(_ v: Double) {
            guard v.isFinite, scale == .linear || v > 0 else { return }
            let v = scale == .log ? min(max(v, 1e-300), 1e300) : min(max(v, -1e300), 1e300)
            lo = min(lo, v)
            hi = max(hi, v)
        }
        for mark in axes.marks {
            switch mark.kind {
            case .series(let s):
                let n = min(s.x.count, s.y.count)
                for i in 0..<n where s.x[i].isFinite && s.y[i].isFinite {
                    include(vertical ? s.y[i] : s.x[i])
                }
                if n > 0 { margin = true }
            case .quiver(let q):
                for v in (vertical ? q.y : q.x) { include(v) }
                margin = true
            case .contour(let c):
                for v in (vertical ? c.grid.y : c.grid.x) { include(v) }
            case .bars(let b):
                if vertical {
                    for s in b.series { for v in s.values.prefix(b.categories.count) { include(v) } }
                    if scale == .linear { include(0) }
                    margin = true
                } else {
                    include(-0.5)
                    include(Double(b.categories.count) - 0.5)
                }
            case .reference, .text:
                break
            }
        }
        guard lo <= hi else { return nil }
        return (lo, hi, margin)
    }

    /// Limits never exceed ±1e300 (1e-300…1e300 on log axes), so spans and
    /// margins stay finite; anything beyond is clipped.
    func limits(vertical: Bool) -> (Double, Double) {
        let (lo, hi) = unclampedLimits(vertical: vertical)
        let scale = vertical ? axes.yScale : axes.xScale
        let bound = 1e300
        var a = scale == .log ? min(max(lo, 1 / bound), bound) : min(max(lo, -bound), bound)
        var b = scale == .log ? min(max(hi, 1 / bound), bound) : min(max(hi, -bound), bound)
        if !(a < b) {
            if scale == .log { (a, b) = (1 / bound, bound) } else { (a, b) = Ticks.widened(a, b) }
        }
        return (a, b)
    }

    func unclampedLimits(vertical: Bool) -> (Double, Double) {
        let scale = vertical ? axes.yScale : axes.xScale
        if case .fixed(let a, let b) = (vertical ? axes.yLimits : axes.xLimits), a.isFinite, b.isFinite, a != b,
           scale == .linear || (a > 0 && b > 0) {
            return (min(a, b), max(a, b))
        }
        guard var extent = dataExtent(vertical: vertical) else {
            return scale == .log ? (1, 10) : (0, 1)
        }
        if (vertical ? axes.yLimits : axes.xLimits) == .robust, let (lo, hi) = robustRange(vertical: vertical) {
            extent.lo = max(extent.lo, lo)
            extent.hi = min(extent.hi, hi)
        }
        if scale == .log {
            var llo = log10(extent.lo), lhi = log10(extent.hi)
            if lhi - llo < 1e-9 { llo -= 0.5; lhi += 0.5 }
            let pad = extent.margin ? (lhi - llo) * 0.05 : 0
            return (pow(10, llo - pad), pow(10, lhi + pad))
        }
        var (lo, hi) = Ticks.widened(extent.lo, extent.hi)
        if extent.margin {
            let pad = (hi - lo) * 0.05
            let allNonNegativeBars = vertical && axes.marks.contains { if case .bars = $0.kind { return true } else { return false } }
                && extent.lo >= 0
            lo = allNonNegativeBars ? lo : lo - pad
            hi += pad
        }
        return (lo, hi)
    }

    /// The 1st…99th percentile range of the series and arrow positions, widened
    /// by half its width on each side (in the axis' transformed space).
    func robustRange(vertical: Bool) -> (Double, Double)? {
        let log = (vertical ? axes.yScale : axes.xScale) == .log
        var values: [Double] = []
        for mark in axes.marks {
            switch mark.kind {
            case .series(let s):
                let n = min(s.x.count, s.y.count)
                for i in 0..<n where s.x[i].isFinite && s.y[i].isFinite { values.append(vertical ? s.y[i] : s.x[i]) }
            case .quiver(let q):
                values += (vertical ? q.y : q.x).filter(\.isFinite)
            default: break
            }
        }
        values = values.compactMap { log ? ($0 > 0 ? log10($0) : nil) : $0 }
        guard values.count >= 20 else { return nil }
        values.sort()
        let p1 = values[Int(Double(values.count - 1) * 0.01)], p99 = values[Int(Double(values.count - 1) * 0.99)]
        let w = max(p99 - p1, 1e-12 * max(abs(p1), abs(p99), 1))
        let lo = p1 - 0.5 * w, hi = p99 + 0.5 * w
        return log ? (pow(10, lo), pow(10, hi)) : (lo, hi)
    }

    func ticks(_ map: AxisMap, vertical: Bool, maxCount: Int) -> Ticks {
        if !vertical, let categories = categorical {
            return Ticks(values: categories.indices.map(Double.init), labels: categories, step: 1)
        }
        return map.log ? Ticks.logarithmic(map.lo, map.hi, maxCount: maxCount) : Ticks.linear(map.lo, map.hi, maxCount: maxCount)
    }

    /// The most ticks (≤ 10) whose labels do not overlap.
    func fittingTicks(_ map: AxisMap, vertical: Bool) -> Ticks {
        var maxCount = 10
        while true {
            let t = ticks(map, vertical: vertical, maxCount: maxCount).filtered(map)
            let pixels = t.values.compactMap(map.px)
            var minGap = Double.infinity
            for i in 1..<max(1, pixels.count) { minGap = min(minGap, abs(pixels[i] - pixels[i - 1])) }
            let need = vertical ? 15.0 : t.widestLabel + 8
            if !vertical, categorical != nil {
                // Keep every n-th category label when they do not fit.
                guard minGap < need, minGap > 0 else { return t }
                let every = Int((need / minGap).rounded(.up))
                var thinned = t
                thinned.labels = t.labels.enumerated().map { $0.offset % every == 0 ? $0.element : "" }
                return thinned
            }
            if minGap >= need || maxCount <= 2 { return t }
            maxCount -= 1
        }
    }

    // MARK: render

    func render() -> PanelResult {
        var (xlo, xhi) = xRange
        var (ylo, yhi) = yRange
        let contour = axes.marks.compactMap { mark -> Mark.Contour? in
            if case .contour(let c) = mark.kind, c.filled { return c } else { return nil }
        }.first
        let valueRange = contour.map { finiteRange($0.grid.values.flatMap { $0 }) } ?? nil

        // Layout
        let titleHeight = axes.title.isEmpty ? 0.0 : 26.0
        let top = rect.y + 10 + titleHeight
        var colorBarWidth = 0.0
        if let valueRange {
            let t = Ticks.linear(valueRange.0, valueRange.1, maxCount: 8)
            colorBarWidth = 14 + 12 + 5 + t.widestLabel
                + ((contour?.colorBarLabel.isEmpty ?? true) ? 0 : 18)
        }
        let right = rect.maxX - 14 - colorBarWidth
        let bottom = rect.maxY - 8 - (axes.xLabel.isEmpty ? 0 : 18) - (clipsPoints || reserveNoteSpace ? 15 : 0) - 18
        var left = rect.x + 10

        var xMap = AxisMap(lo: xlo, hi: xhi, log: axes.xScale == .log, p0: left, p1: right)
        var yMap = AxisMap(lo: ylo, hi: yhi, log: axes.yScale == .log, p0: bottom, p1: top)
        var yTicks = fittingTicks(yMap, vertical: true)
        for _ in 0..<2 {
            let labelWidth = yTicks.widestLabel
            left = rect.x + 8 + (axes.yLabel.isEmpty ? 0 : 20) + labelWidth + 8
            xMap = AxisMap(lo: xlo, hi: xhi, log: axes.xScale == .log, p0: left, p1: right)
            var plot = Rect(x: left, y: top, w: max(10, right - left), h: max(10, bottom - top))
            if axes.aspect == .equal && !xMap.log && !yMap.log {
                let xPerPx = (xhi - xlo) / plot.w, yPerPx = (yhi - ylo) / plot.h
                let fixedX: Bool = { if case .fixed = axes.xLimits { return true } else { return false } }()
                let fixedY: Bool = { if case .fixed = axes.yLimits { return true } else { return false } }()
                if fixedX && fixedY {
                    // Shrink the box.
                    let unit = max(xPerPx, yPerPx)
                    let w = (xhi - xlo) / unit, h = (yhi - ylo) / unit
                    plot = Rect(x: plot.x + (plot.w - w) / 2, y: plot.y + (plot.h - h) / 2, w: w, h: h)
                } else if (xPerPx < yPerPx && !fixedX) || fixedY {
                    let c = (xlo + xhi) / 2, half = yPerPx * plot.w / 2
                    (xlo, xhi) = (c - half, c + half)
                } else {
                    let c = (ylo + yhi) / 2, half = xPerPx * plot.h / 2
                    (ylo, yhi) = (c - half, c + half)
                }
            }
            xMap = AxisMap(lo: xlo, hi: xhi, log: axes.xScale == .log, p0: plot.x, p1: plot.maxX)
            yMap = AxisMap(lo: ylo, hi: yhi, log: axes.yScale == .log, p0: plot.maxY, p1: plot.y)
            yTicks = fittingTicks(yMap, vertical: true)
        }
        let plot = Rect(x: xMap.p0, y: yMap.p1, w: xMap.p1 - xMap.p0, h: yMap.p0 - yMap.p1)
        let xTicks = fittingTicks(xMap, vertical: false)
        let clipped = clippedCount(xlo, xhi, ylo, yhi)

        var svg = "<g class=\"wbp-axes\">\n"
        // Grid
        if axes.grid {
            var d = ""
            for v in xTicks.values { if let p = xMap.px(v) { d += "M\(svgNumber(p)) \(svgNumber(plot.y))V\(svgNumber(plot.maxY))" } }
            for v in yTicks.values { if let p = yMap.px(v) { d += "M\(svgNumber(plot.x)) \(svgNumber(p))H\(svgNumber(plot.maxX))" } }
            if !d.isEmpty { svg += "<path class=\"wbp-grid\" stroke-width=\"0.8\" d=\"\(d)\"/>\n" }
        }
        // Marks
        let clipID = "\(id)-clip"
        svg += "<clipPath id=\"\(clipID)\"><rect x=\"\(svgNumber(plot.x))\" y=\"\(svgNumber(plot.y))\" width=\"\(svgNumber(plot.w))\" height=\"\(svgNumber(plot.h))\"/></clipPath>\n"
        svg += "<g clip-path=\"url(#\(clipID))\">\n"
        var legend: [LegendEntry] = []
        var occupied: [Point] = []
        for (index, mark) in axes.marks.enumerated() {
            svg += drawMark(mark, index: index, plot: plot, xMap: xMap, yMap: yMap, valueRange: valueRange,
                            legend: &legend, occupied: &occupied)
        }
        svg += "</g>\n"
        // Frame and ticks
        svg += "<rect class=\"wbp-axis\" stroke-width=\"1\" x=\"\(svgNumber(plot.x))\" y=\"\(svgNumber(plot.y))\" width=\"\(svgNumber(plot.w))\" height=\"\(svgNumber(plot.h))\"/>\n"
        var tickPath = ""
        var labels = ""
        for (v, label) in zip(xTicks.values, xTicks.labels) {
            guard let p = xMap.px(v) else { continue }
            tickPath += "M\(svgNumber(p)) \(svgNumber(plot.maxY))v4"
            if !label.isEmpty {
                // Keep the outermost labels inside the panel.
                let half = textWidth(label, size: 11) / 2
                let x = min(max(p, rect.x + half + 2), rect.maxX - half - 2)
                labels += textElement(label, x: x, y: plot.maxY + 17, anchor: "middle", classes: "wbp-t wbp-tick")
            }
        }
        for (v, label) in zip(yTicks.values, yTicks.labels) {
            guard let p = yMap.px(v) else { continue }
            tickPath += "M\(svgNumber(plot.x)) \(svgNumber(p))h-4"
            labels += textElement(label, x: plot.x - 7, y: p + 4, anchor: "end", classes: "wbp-t wbp-tick")
        }
        if !tickPath.isEmpty { svg += "<path class=\"wbp-axis\" stroke-width=\"1\" d=\"\(tickPath)\"/>\n" }
        svg += labels
        if !axes.xLabel.isEmpty {
            svg += textElement(axes.xLabel, x: plot.x + plot.w / 2, y: plot.maxY + 36, anchor: "middle", classes: "wbp-t wbp-label")
        }
        if !axes.yLabel.isEmpty {
            let x = rect.x + 20, y = plot.y + plot.h / 2
            svg += textElement(axes.yLabel, x: x, y: y, anchor: "middle", classes: "wbp-t wbp-label",
                               extra: " transform=\"rotate(-90 \(svgNumber(x)) \(svgNumber(y)))\"")
        }
        if !axes.title.isEmpty {
            svg += textElement(axes.title, x: plot.x + plot.w / 2, y: rect.y + 24, anchor: "middle", classes: "wbp-t wbp-title")
        }
        if let valueRange, let contour {
            svg += colorBar(range: valueRange, label: contour.colorBarLabel, plot: plot)
        }
        if axes.legend != .hidden && !legend.isEmpty {
            svg += drawLegend(legend, plot: plot, occupied: occupied)
        }
        if clipped.total > 0 {
            let y = plot.maxY + (axes.xLabel.isEmpty ? 34 : 52)
            var note = clipNote(clipped)
            if textWidth(note, size: 11) > rect.w - 16 {
                note = "\(clipped.total) point\(clipped.total == 1 ? "" : "s") clipped"
                    + (clipped.nonFinite > 0 ? " (\(clipped.nonFinite) not finite)" : "")
            }
            svg += textElement(note, x: rect.x + 8, y: y, classes: "wbp-tm wbp-note")
        }
        svg += "</g>\n"
        return PanelResult(svg: svg, description: describe(xlo, xhi, ylo, yhi, clipped: clipped))
    }

    func clipNote(_ c: (total: Int, nonFinite: Int)) -> String {
        var text = c.total == 1 ? "1 point outside the plotted range is clipped" : "\(c.total) points outside the plotted range are clipped"
        if c.nonFinite > 0 { text += " (\(c.nonFinite) not finite)" }
        return text
    }

    /// Points of lines, markers and arrows that are not finite or outside the limits.
    func clippedCount(_ xlo: Double, _ xhi: Double, _ ylo: Double, _ yhi: Double) -> (total: Int, nonFinite: Int) {
        let xMap = AxisMap(lo: xlo, hi: xhi, log: axes.xScale == .log, p0: 0, p1: 1)
        let yMap = AxisMap(lo: ylo, hi: yhi, log: axes.yScale == .log, p0: 0, p1: 1)
        var total = 0, nonFinite = 0
        func check(_ x: Double, _ y: Double, _ extra: Bool = true) {
            if !x.isFinite || !y.isFinite || !extra {
                total += 1
                nonFinite += 1
            } else if !xMap.inside(x) || !yMap.inside(y) {
                total += 1
            }
        }
        for mark in axes.marks {
            switch mark.kind {
            case .series(let s):
                for i in 0..<min(s.x.count, s.y.count) { check(s.x[i], s.y[i]) }
            case .quiver(let q):
                for i in 0..<min(q.x.count, q.y.count, q.u.count, q.v.count) {
                    check(q.x[i], q.y[i], q.u[i].isFinite && q.v[i].isFinite)
                }
            case .bars(let b):
                for s in b.series { for v in s.values.prefix(b.categories.count) { check(0, v) } }
            default: break
            }
        }
        return (total, nonFinite)
    }

    // MARK: marks

    func drawMark(_ mark: Mark, index: Int, plot: Rect, xMap: AxisMap, yMap: AxisMap, valueRange: (Double, Double)?,
                  legend: inout [LegendEntry], occupied: inout [Point]) -> String {
        let paint = paints[index]
        switch mark.kind {
        case .series(let s):
            let paint = paint!
            var svg = ""
            let n = min(s.x.count, s.y.count)
            var points: [Point?] = []
            points.reserveCapacity(n)
            for i in 0..<n {
                if let px = xMap.px(s.x[i]), let py = yMap.px(s.y[i]) { points.append(Point(x: px, y: py)) } else { points.append(nil) }
            }
            if let style = s.style {
                let bounds = Rect(x: plot.x - style.width, y: plot.y - style.width, w: plot.w + 2 * style.width, h: plot.h + 2 * style.width)
                let runs = clipRuns([points], to: bounds).map(thinPerPixelColumn)
                for run in runs { occupied += run.count > 200 ? stride(from: 0, to: run.count, by: run.count / 100).map { run[$0] } : run }
                let d = pathData(runs)
                if !d.isEmpty {
                    svg += "<path\(paintAttributes(stroke: paint, fill: nil)) stroke-width=\"\(svgNumber(style.width))\"\(dashArray(style.dash, width: style.width)) stroke-linejoin=\"round\" stroke-linecap=\"round\" d=\"\(d)\"/>\n"
                }
            }
            if s.marker != .none {
                let visible = points.compactMap { $0 }.filter { plot.contains($0.x, $0.y) }
                occupied += visible
                svg += markers(visible, marker: s.marker, size: s.markerSize, paint: paint)
            }
            if !s.label.isEmpty {
                if let style = s.style {
                    legend.append(LegendEntry(label: s.label, swatch: .line(paint, style, s.marker)))
                } else {
                    legend.append(LegendEntry(label: s.label, swatch: .marker(paint, s.marker)))
                }
            }
            return svg
        case .quiver(let q):
            let paint = paint!
            let svg = quiver(q, plot: plot, xMap: xMap, yMap: yMap, paint: paint, occupied: &occupied)
            if !q.label.isEmpty { legend.append(LegendEntry(label: q.label, swatch: .arrow(paint))) }
            return svg
        case .contour(let c):
            return contour(c, plot: plot, xMap: xMap, yMap: yMap, valueRange: valueRange)
        case .bars(let b):
            let barPaints = barPaints[index]
            var svg = ""
            let m = max(1, b.series.count)
            let width = 0.8 / Double(m)
            let base = yMap.log ? yMap.lo : min(max(0, yMap.lo), yMap.hi)
            guard let py0 = yMap.px(base) else { return "" }
            for (j, series) in b.series.enumerated() {
                var rects = ""
                for (i, v) in series.values.enumerated() where i < b.categories.count {
                    let x0 = Double(i) - 0.4 + Double(j) * width
                    guard let pv = yMap.px(min(max(v, yMap.lo), yMap.hi)), var px0 = xMap.px(x0), var px1 = xMap.px(x0 + width) else { continue }
                    px0 = min(max(px0, plot.x - 2), plot.maxX + 2)
                    px1 = min(max(px1, plot.x - 2), plot.maxX + 2)
                    if px1 <= px0 { continue }
                    let top = min(pv, py0), h = abs(pv - py0)
                    rects += "<rect x=\"\(svgNumber(px0 + 0.5))\" y=\"\(svgNumber(top))\" width=\"\(svgNumber(max(0.5, px1 - px0 - 1)))\" height=\"\(svgNumber(h))\"/>"
                    occupied.append(Point(x: (px0 + px1) / 2, y: top))
                    occupied.append(Point(x: (px0 + px1) / 2, y: (top + py0) / 2))
                }
                if !rects.isEmpty { svg += "<g\(paintAttributes(stroke: nil, fill: barPaints[j]))>\(rects)</g>\n" }
                if !series.label.isEmpty { legend.append(LegendEntry(label: series.label, swatch: .box(barPaints[j]))) }
            }
            return svg
        case .reference(let r):
            let paint = paint!
            let d: String
            if r.vertical {
                guard xMap.inside(r.value), let p = xMap.px(r.value) else { return "" }
                d = "M\(svgNumber(p)) \(svgNumber(plot.y))V\(svgNumber(plot.maxY))"
            } else {
                guard yMap.inside(r.value), let p = yMap.px(r.value) else { return "" }
                d = "M\(svgNumber(plot.x)) \(svgNumber(p))H\(svgNumber(plot.maxX))"
            }
            return "<path\(paintAttributes(stroke: paint, fill: nil)) stroke-width=\"\(svgNumber(r.style.width))\"\(dashArray(r.style.dash, width: r.style.width)) d=\"\(d)\"/>\n"
        case .text(let t):
            guard let px = xMap.px(t.x), let py = yMap.px(t.y), plot.contains(px, py, tolerance: 1) else { return "" }
            let anchor: String
            switch t.anchor {
            case .start: anchor = ""
            case .middle: anchor = "middle"
            case .end: anchor = "end"
            }
            var classes = "wbp-t"
            var extra = " font-size=\"\(svgNumber(t.size))\""
            if let paint, paint != .themed("fg") {
                switch paint {
                case .themed(let s): classes = "wbp-f\(s)"
                case .literal(let hex): extra += " fill=\"\(hex)\""
                }
            }
            return textElement(t.text, x: px, y: py, anchor: anchor, classes: classes, extra: extra)
        }
    }

    func markers(_ points: [Point], marker: Marker, size: Double, paint: Paint) -> String {
        guard !points.isEmpty else { return "" }
        let r = size / 2
        var body = ""
        var drawn = Set<String>()   // markers on the same half pixel are drawn once
        for p in points {
            let x = p.x, y = p.y
            guard drawn.insert(svgNumber((x * 2).rounded()) + " " + svgNumber((y * 2).rounded())).inserted else { continue }
            switch marker {
            case .none: break
            case .circle:
                body += "<circle cx=\"\(svgNumber(x))\" cy=\"\(svgNumber(y))\" r=\"\(svgNumber(r))\"/>"
            case .square:
                body += "<rect x=\"\(svgNumber(x - r))\" y=\"\(svgNumber(y - r))\" width=\"\(svgNumber(size))\" height=\"\(svgNumber(size))\"/>"
            case .triangle:
                let h = r * 1.15
                body += "<path d=\"M\(svgNumber(x)) \(svgNumber(y - h))L\(svgNumber(x + h)) \(svgNumber(y + h * 0.75)) \(svgNumber(x - h)) \(svgNumber(y + h * 0.75))Z\"/>"
            case .cross:
                body += "<path d=\"M\(svgNumber(x - r)) \(svgNumber(y - r))L\(svgNumber(x + r)) \(svgNumber(y + r))M\(svgNumber(x - r)) \(svgNumber(y + r))L\(svgNumber(x + r)) \(svgNumber(y - r))\"/>"
            }
        }
        if marker == .cross {
            return "<g\(paintAttributes(stroke: paint, fill: nil)) stroke-width=\"1.5\">\(body)</g>\n"
        }
        return "<g\(paintAttributes(stroke: nil, fill: paint, classes: ["wbp-halo"])) stroke-width=\"0.8\">\(body)</g>\n"
    }

    func quiver(_ q: Mark.Quiver, plot: Rect, xMap: AxisMap, yMap: AxisMap, paint: Paint, occupied: inout [Point]) -> String {
        let n = min(q.x.count, q.y.count, q.u.count, q.v.count)
        guard n > 0 else { return "" }
        let sx = xMap.scale, sy = yMap.scale   // sy < 0 (pixels grow downwards)
        var k: Double
        if let scale = q.scale {
            k = scale
        } else {
            func spacing(_ values: [Double], _ s: Double) -> Double? {
                let sorted = Array(Set(values.filter { $0.isFinite })).sorted()
                var gap = Double.infinity
                for i in 1..<max(1, sorted.count) { gap = min(gap, sorted[i] - sorted[i - 1]) }
                return gap.isFinite ? gap * abs(s) : nil
            }
            let cell = [spacing(Array(q.x[0..<n]), sx), spacing(Array(q.y[0..<n]), sy)].compactMap { $0 }.min() ?? 30
            var longest = 0.0
            for i in 0..<n where q.u[i].isFinite && q.v[i].isFinite {
                longest = max(longest, hypot(q.u[i] * sx, q.v[i] * sy))
            }
            k = longest > 0 ? 0.9 * cell / longest : 1
        }
        var d = ""
        for i in 0..<n {
            guard q.u[i].isFinite, q.v[i].isFinite, xMap.inside(q.x[i]), yMap.inside(q.y[i]),
                  let x0 = xMap.px(q.x[i]), let y0 = yMap.px(q.y[i]) else { continue }
            var dx = q.u[i] * sx * k, dy = q.v[i] * sy * k
            var length = hypot(dx, dy)
            guard length.isFinite else { continue }
            let longest = 2 * hypot(plot.w, plot.h)
            if length > longest {
                dx *= longest / length
                dy *= longest / length
                length = longest
            }
            occupied.append(Point(x: x0, y: y0))
            guard length >= 0.75 else { continue }
            let ux = dx / length, uy = dy / length
            let nx = -uy, ny = ux
            let head = min(length, max(3.5, min(0.35 * length, 7)))
            let headHalf = head * 0.5
            let shaftHalf = 0.6
            let neckX = x0 + ux * (length - head), neckY = y0 + uy * (length - head)
            let pts = [
                (x0 + nx * shaftHalf, y0 + ny * shaftHalf),
                (neckX + nx * shaftHalf, neckY + ny * shaftHalf),
                (neckX + nx * headHalf, neckY + ny * headHalf),
                (x0 + dx, y0 + dy),
                (neckX - nx * headHalf, neckY - ny * headHalf),
                (neckX - nx * shaftHalf, neckY - ny * shaftHalf),
                (x0 - nx * shaftHalf, y0 - ny * shaftHalf),
            ]
            d += "M" + pts.map { svgNumber($0.0) + " " + svgNumber($0.1) }.joined(separator: " ") + "Z"
        }
        guard !d.isEmpty else { return "" }
        return "<path\(paintAttributes(stroke: nil, fill: paint)) d=\"\(d)\"/>\n"
    }

    func contour(_ c: Mark.Contour, plot: Rect, xMap: AxisMap, yMap: AxisMap, valueRange: (Double, Double)?) -> String {
        let grid = c.grid
        let nx = grid.x.count, ny = grid.y.count
        guard nx >= 2, ny >= 2, let range = finiteRange(grid.values.flatMap { $0 }) else { return "" }
        var svg = ""
        if c.filled {
            let (vmin, vmax) = valueRange ?? range
            var pixels: [UInt8] = []
            pixels.reserveCapacity(nx * ny * 3)
            for j in stride(from: ny - 1, through: 0, by: -1) {
                for i in 0..<nx {
                    let v = grid.at(i, j)
                    if v.isFinite {
                        let (r, g, b) = viridis(vmax > vmin ? (v - vmin) / (vmax - vmin) : 0.5)
                        pixels += [r, g, b]
                    } else {
                        pixels += [128, 128, 128]
                    }
                }
            }
            // Pixel centres sit on the grid points.
            let dx = (grid.x[nx - 1] - grid.x[0]) / Double(nx - 1), dy = (grid.y[ny - 1] - grid.y[0]) / Double(ny - 1)
            let limit = 1e6  // beyond this the visible part is a fraction of one cell: not worth an image
            if let x0 = xMap.px(grid.x[0] - dx / 2), let x1 = xMap.px(grid.x[nx - 1] + dx / 2),
               let y0 = yMap.px(grid.y[0] - dy / 2), let y1 = yMap.px(grid.y[ny - 1] + dy / 2),
               [x0, x1, y0, y1].allSatisfy({ abs($0) < limit }) {
                let url = PNGEncoder.dataURL(width: nx, height: ny, channels: 3, pixels: pixels)
                svg += "<image x=\"\(svgNumber(min(x0, x1)))\" y=\"\(svgNumber(min(y0, y1)))\" width=\"\(svgNumber(abs(x1 - x0)))\" height=\"\(svgNumber(abs(y1 - y0)))\" preserveAspectRatio=\"none\" href=\"\(url)\"/>\n"
            }
        }
        if c.lines {
            let levels = c.levels.isEmpty ? Ticks.linear(range.0, range.1, maxCount: 10).values : c.levels
            var runs: [[Point]] = []
            var labels = ""
            for level in levels {
                var longest: (length: Double, run: [Point]) = (0, [])
                let bounds = Rect(x: plot.x - 2, y: plot.y - 2, w: plot.w + 4, h: plot.h + 4)
                for chain in chainContour(marchingSquares(grid, level: level)) {
                    var run: [Point?] = []
                    for p in chain {
                        if let px = xMap.px(p.x), let py = yMap.px(p.y) { run.append(Point(x: px, y: py)) } else { run.append(nil) }
                    }
                    let clipped = clipRuns([run], to: bounds)
                    runs += clipped
                    let visible = clipped.flatMap { $0 }.filter { plot.contains($0.x, $0.y, tolerance: -12) }
                    let length = zip(visible, visible.dropFirst()).reduce(0) { $0 + hypot($1.1.x - $1.0.x, $1.1.y - $1.0.y) }
                    if length > longest.length { longest = (length, visible) }
                }
                // Without a colour bar, label each level once, on its longest visible line.
                if !c.filled && longest.length > 60 {
                    var walked = 0.0
                    for (a, b) in zip(longest.run, longest.run.dropFirst()) {
                        walked += hypot(b.x - a.x, b.y - a.y)
                        if walked >= longest.length / 2 {
                            labels += textElement(readableNumber(level), x: b.x, y: b.y + 4, anchor: "middle",
                                                  classes: "wbp-t wbp-tick wbp-halo",
                                                  extra: " stroke-width=\"3\" paint-order=\"stroke\"")
                            break
                        }
                    }
                }
            }
            let d = pathData(runs)
            if !d.isEmpty {
                let look = c.filled ? " stroke=\"#ffffff\" stroke-opacity=\"0.6\" fill=\"none\"" : paintAttributes(stroke: .themed("gray"), fill: nil)
                svg += "<path\(look) stroke-width=\"0.9\" stroke-linejoin=\"round\" d=\"\(d)\"/>\n"
            }
            svg += labels
        }
        return svg
    }

    func colorBar(range: (Double, Double), label: String, plot: Rect) -> String {
        let x = plot.maxX + 14, w = 12.0
        var pixels: [UInt8] = []
        let steps = 64
        for i in 0..<steps {
            let (r, g, b) = viridis(1 - Double(i) / Double(steps - 1))
            pixels += [r, g, b]
        }
        var svg = "<image x=\"\(svgNumber(x))\" y=\"\(svgNumber(plot.y))\" width=\"\(svgNumber(w))\" height=\"\(svgNumber(plot.h))\" preserveAspectRatio=\"none\" href=\"\(PNGEncoder.dataURL(width: 1, height: steps, channels: 3, pixels: pixels))\"/>\n"
        svg += "<rect class=\"wbp-axis\" stroke-width=\"0.8\" x=\"\(svgNumber(x))\" y=\"\(svgNumber(plot.y))\" width=\"\(svgNumber(w))\" height=\"\(svgNumber(plot.h))\"/>\n"
        let map = AxisMap(lo: range.0, hi: range.1, log: false, p0: plot.maxY, p1: plot.y)
        let ticks = Ticks.linear(range.0, range.1, maxCount: max(2, min(8, Int(plot.h / 18)))).filtered(map)
        var d = ""
        var labelWidth = 0.0
        for (v, text) in zip(ticks.values, ticks.labels) {
            guard let p = map.px(v) else { continue }
            d += "M\(svgNumber(x + w)) \(svgNumber(p))h3"
            svg += textElement(text, x: x + w + 5, y: p + 4, classes: "wbp-t wbp-tick")
            labelWidth = max(labelWidth, textWidth(text, size: 11))
        }
        if !d.isEmpty { svg += "<path class=\"wbp-axis\" stroke-width=\"0.8\" d=\"\(d)\"/>\n" }
        if !label.isEmpty {
            let lx = x + w + 5 + labelWidth + 12, ly = plot.y + plot.h / 2
            svg += textElement(label, x: lx, y: ly, anchor: "middle", classes: "wbp-t wbp-label",
                               extra: " transform=\"rotate(90 \(svgNumber(lx)) \(svgNumber(ly)))\"")
        }
        return svg
    }

    func drawLegend(_ entries: [LegendEntry], plot: Rect, occupied: [Point]) -> String {
        let rowHeight = 18.0, pad = 7.0, swatch = 26.0
        let textW = entries.map { textWidth($0.label, size: 11) }.max() ?? 0
        let w = pad + swatch + 6 + textW + pad + 4
        let h = pad * 2 + rowHeight * Double(entries.count) - 4
        let inset = 8.0
        func box(_ placement: LegendPlacement) -> Rect {
            switch placement {
            case .upperLeft: return Rect(x: plot.x + inset, y: plot.y + inset, w: w, h: h)
            case .lowerLeft: return Rect(x: plot.x + inset, y: plot.maxY - inset - h, w: w, h: h)
            case .lowerRight: return Rect(x: plot.maxX - inset - w, y: plot.maxY - inset - h, w: w, h: h)
            default: return Rect(x: plot.maxX - inset - w, y: plot.y + inset, w: w, h: h)
            }
        }
        var placement = axes.legend
        if placement == .best {
            var best = (count: Int.max, placement: LegendPlacement.upperRight)
            for candidate in [LegendPlacement.upperRight, .upperLeft, .lowerLeft, .lowerRight] {
                let r = box(candidate)
                let count = occupied.filter { r.contains($0.x, $0.y, tolerance: 4) }.count
                if count < best.count { best = (count, candidate) }
            }
            placement = best.placement
        }
        let r = box(placement)
        var svg = "<g class=\"wbp-legend-box\">\n<rect class=\"wbp-legend\" stroke-width=\"0.8\" rx=\"3\" x=\"\(svgNumber(r.x))\" y=\"\(svgNumber(r.y))\" width=\"\(svgNumber(r.w))\" height=\"\(svgNumber(r.h))\"/>\n"
        for (i, entry) in entries.enumerated() {
            let cy = r.y + pad + rowHeight * Double(i) + 7
            let sx = r.x + pad
            switch entry.swatch {
            case .line(let paint, let style, let marker):
                svg += "<path\(paintAttributes(stroke: paint, fill: nil)) stroke-width=\"\(svgNumber(style.width))\"\(dashArray(style.dash, width: style.width)) d=\"M\(svgNumber(sx)) \(svgNumber(cy))h\(svgNumber(swatch))\"/>\n"
                if marker != .none { svg += markers([Point(x: sx + swatch / 2, y: cy)], marker: marker, size: 6, paint: paint) }
            case .marker(let paint, let marker):
                svg += markers([Point(x: sx + swatch / 2, y: cy)], marker: marker, size: 6, paint: paint)
            case .box(let paint):
                svg += "<rect\(paintAttributes(stroke: nil, fill: paint)) x=\"\(svgNumber(sx + 6))\" y=\"\(svgNumber(cy - 5))\" width=\"14\" height=\"10\"/>\n"
            case .arrow(let paint):
                svg += "<path\(paintAttributes(stroke: nil, fill: paint)) d=\"M\(svgNumber(sx + 2)) \(svgNumber(cy - 0.6))h16v-3.4l7 4-7 4v-3.4h-16Z\"/>\n"
            }
            svg += textElement(entry.label, x: sx + swatch + 6, y: cy + 4, classes: "wbp-t wbp-tick")
        }
        svg += "</g>\n"
        return svg
    }

    // MARK: description

    func describe(_ xlo: Double, _ xhi: Double, _ ylo: Double, _ yhi: Double, clipped: (total: Int, nonFinite: Int)) -> String {
        var parts: [String] = []
        parts.append(axes.title.isEmpty ? "Chart." : "Chart “\(axes.title)”.")
        func axisText(_ name: String, _ label: String, _ lo: Double, _ hi: Double, _ scale: Scale) -> String {
            let named = label.isEmpty ? "\(name) axis" : "\(name) axis “\(label)”"
            return "\(named) from \(readableNumber(lo)) to \(readableNumber(hi))\(scale == .log ? " (log scale)" : "")"
        }
        if let categorical {
            let named = axes.xLabel.isEmpty ? "x axis" : "x axis “\(axes.xLabel)”"
            parts.append("\(named): categories \(categorical.joined(separator: ", ")); " + axisText("y", axes.yLabel, ylo, yhi, axes.yScale) + ".")
        } else {
            parts.append(axisText("x", axes.xLabel, xlo, xhi, axes.xScale) + "; " + axisText("y", axes.yLabel, ylo, yhi, axes.yScale) + ".")
        }
        for mark in axes.marks {
            switch mark.kind {
            case .series(let s):
                let name = s.label.isEmpty ? "unnamed" : "“\(s.label)”"
                let kind = s.style == nil ? "markers" : (s.marker == .none ? "line" : "line with markers")
                let n = min(s.x.count, s.y.count)
                var text = "Series \(name): \(kind), \(n) point\(n == 1 ? "" : "s")"
                var lowest: Int?, highest: Int?
                for i in 0..<n where s.x[i].isFinite && s.y[i].isFinite {
                    if lowest == nil || s.y[i] < s.y[lowest!] { lowest = i }
                    if highest == nil || s.y[i] > s.y[highest!] { highest = i }
                }
                if let lowest, let highest {
                    text += ", x from \(readableNumber(s.x[0..<n].filter(\.isFinite).min()!)) to \(readableNumber(s.x[0..<n].filter(\.isFinite).max()!))"
                    text += ", y minimum \(readableNumber(s.y[lowest])) at x = \(readableNumber(s.x[lowest]))"
                    text += ", maximum \(readableNumber(s.y[highest])) at x = \(readableNumber(s.x[highest]))"
                }
                parts.append(text + ".")
            case .quiver(let q):
                parts.append("Arrow field\(q.label.isEmpty ? "" : " “\(q.label)”"): \(min(q.x.count, q.y.count, q.u.count, q.v.count)) arrows.")
            case .contour(let c):
                var text = "\(c.filled ? "Heat map with contour lines" : "Contour lines") of a \(c.grid.x.count)×\(c.grid.y.count) grid"
                if let r = finiteRange(c.grid.values.flatMap { $0 }) {
                    text += ", values from \(readableNumber(r.0)) to \(readableNumber(r.1))"
                }
                parts.append(text + ".")
            case .bars(let b):
                for s in b.series {
                    let values = zip(b.categories, s.values).map { "\($0.0): \(readableNumber($0.1))" }.joined(separator: ", ")
                    parts.append("Bars \(s.label.isEmpty ? "" : "“\(s.label)” ")— \(values).")
                }
            case .reference(let r):
                parts.append("\(r.vertical ? "Vertical" : "Horizontal") line at \(r.vertical ? "x" : "y") = \(readableNumber(r.value)).")
            case .text(let t):
                parts.append("Note “\(t.text)”.")
            }
        }
        if clipped.total > 0 { parts.append(clipNote(clipped) + ".") }
        return parts.joined(separator: " ")
    }
}

extension Ticks {
    /// Estimated width in pixels of the widest label at the tick font size (11 px).
    var widestLabel: Double {
        labels.map { textWidth($0, size: 11) }.max() ?? 0
    }

    /// Only the ticks inside the axis limits.
    func filtered(_ map: AxisMap) -> Ticks {
        var values: [Double] = [], labels: [String] = []
        for (v, l) in zip(self.values, self.labels) where map.inside(v) {
            values.append(v)
            labels.append(l)
        }
        return Ticks(values: values, labels: labels, step: step)
    }
}

func finiteRange(_ values: [Double]) -> (Double, Double)? {
    var lo = Double.infinity, hi = -Double.infinity
    for v in values where v.isFinite {
        lo = min(lo, v)
        hi = max(hi, v)
    }
    return lo <= hi ? (lo, hi) : nil
}

/// Where a contour crosses the grid: on the horizontal edge (i, j)–(i+1, j)
/// or the vertical edge (i, j)–(i, j+1).
struct EdgeKey: Hashable {
    var vertical: Bool
    var i: Int, j: Int
}

struct ContourSegment {
    var a: Point, b: Point
    var keyA: EdgeKey, keyB: EdgeKey
}

/// Contour segments of `grid` at `level` (marching squares, saddles resolved
/// by the cell centre), in data coordinates.
func marchingSquares(_ grid: Grid2D, level: Double) -> [ContourSegment] {
    var segments: [ContourSegment] = []
    let nx = grid.x.count, ny = grid.y.count
    guard nx >= 2, ny >= 2 else { return [] }
    for j in 0..<(ny - 1) {
        for i in 0..<(nx - 1) {
            let v00 = grid.at(i, j), v10 = grid.at(i + 1, j), v11 = grid.at(i + 1, j + 1), v01 = grid.at(i, j + 1)
            guard v00.isFinite, v10.isFinite, v11.isFinite, v01.isFinite else { continue }
            var index = 0
            if v00 >= level { index |= 1 }
            if v10 >= level { index |= 2 }
            if v11 >= level { index |= 4 }
            if v01 >= level { index |= 8 }
            if index == 0 || index == 15 { continue }
            let x0 = grid.x[i], x1 = grid.x[i + 1], y0 = grid.y[j], y1 = grid.y[j + 1]
            func lerp(_ a: Double, _ b: Double, _ va: Double, _ vb: Double) -> Double {
                va == vb ? (a + b) / 2 : a + (level - va) / (vb - va) * (b - a)
            }
            let bottom = (Point(x: lerp(x0, x1, v00, v10), y: y0), EdgeKey(vertical: false, i: i, j: j))
            let top = (Point(x: lerp(x0, x1, v01, v11), y: y1), EdgeKey(vertical: false, i: i, j: j + 1))
            let leftP = (Point(x: x0, y: lerp(y0, y1, v00, v01)), EdgeKey(vertical: true, i: i, j: j))
            let rightP = (Point(x: x1, y: lerp(y0, y1, v10, v11)), EdgeKey(vertical: true, i: i + 1, j: j))
            func add(_ p: (Point, EdgeKey), _ q: (Point, EdgeKey)) {
                segments.append(ContourSegment(a: p.0, b: q.0, keyA: p.1, keyB: q.1))
            }
            let centreAbove = (v00 + v10 + v11 + v01) / 4 >= level
            switch index {
            case 1, 14: add(leftP, bottom)
            case 2, 13: add(bottom, rightP)
            case 3, 12: add(leftP, rightP)
            case 4, 11: add(rightP, top)
            case 6, 9: add(bottom, top)
            case 7, 8: add(leftP, top)
            case 5:
                if centreAbove { add(bottom, rightP); add(leftP, top) } else { add(leftP, bottom); add(rightP, top) }
            case 10:
                if centreAbove { add(leftP, bottom); add(rightP, top) } else { add(bottom, rightP); add(leftP, top) }
            default: break
            }
        }
    }
    return segments
}

/// Joins contour segments sharing a grid edge into polylines (deterministic:
/// chains start from the lowest-numbered unused segment).
func chainContour(_ segments: [ContourSegment]) -> [[Point]] {
    var byKey: [EdgeKey: [Int]] = [:]
    for (n, s) in segments.enumerated() {
        byKey[s.keyA, default: []].append(n)
        byKey[s.keyB, default: []].append(n)
    }
    var used = [Bool](repeating: false, count: segments.count)
    var chains: [[Point]] = []
    func extend(_ chain: inout [Point], from key: EdgeKey) {
        var key = key
        while let next = byKey[key]?.first(where: { !used[$0] }) {
            used[next] = true
            let s = segments[next]
            if s.keyA == key { chain.append(s.b); key = s.keyB } else { chain.append(s.a); key = s.keyA }
        }
    }
    for start in segments.indices where !used[start] {
        used[start] = true
        var forward = [segments[start].a, segments[start].b]
        extend(&forward, from: segments[start].keyB)
        var backward: [Point] = []
        extend(&backward, from: segments[start].keyA)
        chains.append(backward.reversed() + forward)
    }
    return chains
}
