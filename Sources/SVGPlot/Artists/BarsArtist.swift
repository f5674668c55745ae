/// Grouped bars: one group per category (at x = 0, 1, 2, …), one bar per series.
struct BarsArtist: Artist {
    let bars: Mark.Bars
    /// One paint per series.
    let paints: [Paint]

    private func values(_ series: BarSeries) -> ArraySlice<Double> { series.values.prefix(bars.categories.count) }

    func include(into extent: inout DataExtent, vertical: Bool) {
        if vertical {
            for s in bars.series { for v in values(s) { extent.include(v) } }
            if extent.scale == .linear { extent.include(0) }
            extent.margin = true
        } else {
            extent.include(-0.5)
            extent.include(Double(bars.categories.count) - 0.5)
        }
    }

    func clipped(by transform: DataTransform) -> ClipCount {
        var clipped = ClipCount()
        for s in bars.series { for v in values(s) { clipped.check(0, v, in: transform) } }
        return clipped
    }

    func draw(in context: inout DrawingContext) {
        let x = context.transform.x, y = context.transform.y, plot = context.plot
        let width = 0.8 / Double(max(1, bars.series.count))
        let base = y.log ? y.lo : min(max(0, y.lo), y.hi)
        guard let py0 = y.px(base) else { return }
        for (j, series) in bars.series.enumerated() {
            var rects: [Rect] = []
            for (i, v) in series.values.enumerated() where i < bars.categories.count {
                let x0 = Double(i) - 0.4 + Double(j) * width
                guard let pv = y.px(min(max(v, y.lo), y.hi)), var px0 = x.px(x0), var px1 = x.px(x0 + width) else { continue }
                px0 = min(max(px0, plot.x - 2), plot.maxX + 2)
                px1 = min(max(px1, plot.x - 2), plot.maxX + 2)
                if px1 <= px0 { continue }
                let top = min(pv, py0), h = abs(pv - py0)
                rects.append(Rect(x: px0 + 0.5, y: top, w: max(0.5, px1 - px0 - 1), h: h))
                context.occupied.append(Point(x: (px0 + px1) / 2, y: top))
                context.occupied.append(Point(x: (px0 + px1) / 2, y: (top + py0) / 2))
            }
            guard !rects.isEmpty else { continue }
            context.renderer.open("g", paintAttributes(stroke: nil, fill: paints[j]), newline: false)
            for r in rects { context.renderer.rect(r, newline: false) }
            context.renderer.close("g")
        }
    }

    var legendEntries: [LegendEntry] {
        bars.series.indices.filter { !bars.series[$0].label.isEmpty }
            .map { LegendEntry(label: bars.series[$0].label, swatch: .box(paints[$0])) }
    }

    var description: [String] {
        bars.series.map { s in
            let values = zip(bars.categories, s.values).map { "\($0.0): \(readableNumber($0.1))" }.joined(separator: ", ")
            return "Bars \(s.label.isEmpty ? "" : "“\(s.label)” ")— \(values)."
        }
    }
}
