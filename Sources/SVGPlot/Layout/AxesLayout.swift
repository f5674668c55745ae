/// Where everything of one axes panel goes, computed once before anything is
/// drawn: the plot rectangle (margins for tick labels, axis labels, title,
/// colour bar and clipping note), the final limits (after `aspect`), the data →
/// pixel maps and the ticks.
struct AxesLayout {
    /// The panel's cell of the figure.
    let rect: Rect
    private(set) var plot: Rect
    private(set) var transform: DataTransform
    private(set) var xTicks: Ticks
    private(set) var yTicks: Ticks
    /// The colour scale of the heat maps (the first heat map's value range).
    let colorRange: (Double, Double)?
    /// Points outside the final limits.
    private(set) var clipped: ClipCount

    /// - Parameters:
    ///   - categories: labels of a categorical x axis (bars), nil for a numeric one.
    ///   - colorBar: the colour bar's range and label, when a heat map has one.
    ///   - reserveNoteSpace: keep room for a clipping note even without one (panels side by side).
    init(axes: Axes, limits: DataLimits, artists: [any Artist], rect: Rect, categories: [String]?,
         colorBar: (range: (Double, Double), label: String)?, reserveNoteSpace: Bool) {
        self.rect = rect
        colorRange = colorBar?.range
        var (xlo, xhi) = limits.x
        var (ylo, yhi) = limits.y
        let xLog = axes.xScale == .log, yLog = axes.yScale == .log
        let titleHeight = axes.title.isEmpty ? 0.0 : 26.0
        let top = rect.y + 10 + titleHeight
        let colorBarWidth = colorBar.map { ColorBarArtist.width(range: $0.range, label: $0.label) } ?? 0
        let right = rect.maxX - 14 - colorBarWidth
        let bottom = rect.maxY - 8 - (axes.xLabel.isEmpty ? 0 : 18) - (limits.clipsPoints || reserveNoteSpace ? 15 : 0) - 18
        var left = rect.x + 10

        var xMap = AxisMap(lo: xlo, hi: xhi, log: xLog, p0: left, p1: right)
        var yMap = AxisMap(lo: ylo, hi: yhi, log: yLog, p0: bottom, p1: top)
        var yTicks = Self.fittingTicks(yMap, vertical: true, categories: categories)
        // Twice: the y tick labels' width sets the left margin, which can change the ticks.
        for _ in 0..<2 {
            left = rect.x + 8 + (axes.yLabel.isEmpty ? 0 : 20) + yTicks.widestLabel + 8
            xMap = AxisMap(lo: xlo, hi: xhi, log: xLog, p0: left, p1: right)
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
            xMap = AxisMap(lo: xlo, hi: xhi, log: xLog, p0: plot.x, p1: plot.maxX)
            yMap = AxisMap(lo: ylo, hi: yhi, log: yLog, p0: plot.maxY, p1: plot.y)
            yTicks = Self.fittingTicks(yMap, vertical: true, categories: categories)
        }
        plot = Rect(x: xMap.p0, y: yMap.p1, w: xMap.p1 - xMap.p0, h: yMap.p0 - yMap.p1)
        transform = DataTransform(x: xMap, y: yMap)
        self.yTicks = yTicks
        xTicks = Self.fittingTicks(xMap, vertical: false, categories: categories)
        clipped = DataLimits.clipped(artists, transform)
    }

    static func ticks(_ map: AxisMap, vertical: Bool, categories: [String]?, maxCount: Int) -> Ticks {
        if !vertical, let categories {
            return Ticks(values: categories.indices.map(Double.init), labels: categories, step: 1)
        }
        return map.log ? Ticks.logarithmic(map.lo, map.hi, maxCount: maxCount) : Ticks.linear(map.lo, map.hi, maxCount: maxCount)
    }

    /// The most ticks (≤ 10) whose labels do not overlap: x labels need their
    /// width plus 8 px, y labels 15 px. Category labels are thinned to every n-th.
    static func fittingTicks(_ map: AxisMap, vertical: Bool, categories: [String]?) -> Ticks {
        var maxCount = 10
        while true {
            let t = ticks(map, vertical: vertical, categories: categories, maxCount: maxCount).filtered(map)
            let pixels = t.values.compactMap(map.px)
            var minGap = Double.infinity
            for i in 1..<max(1, pixels.count) { minGap = min(minGap, abs(pixels[i] - pixels[i - 1])) }
            let need = vertical ? 15.0 : t.widestLabel + 8
            if !vertical, categories != nil {
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
}

extension Ticks {
    /// Width in pixels of the widest label at the tick font size (11 px).
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
