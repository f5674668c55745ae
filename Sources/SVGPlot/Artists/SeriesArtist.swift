/// A series of points: a polyline (cut at the plot border, thinned per pixel
/// column) and/or a marker at every visible point.
struct SeriesArtist: Artist {
    let series: Mark.Series
    let paint: Paint

    private var count: Int { min(series.x.count, series.y.count) }

    func include(into extent: inout DataExtent, vertical: Bool) {
        for i in 0..<count where series.x[i].isFinite && series.y[i].isFinite {
            extent.include(vertical ? series.y[i] : series.x[i])
        }
        if count > 0 { extent.margin = true }
    }

    func robustValues(vertical: Bool) -> [Double] {
        (0..<count).filter { series.x[$0].isFinite && series.y[$0].isFinite }.map { vertical ? series.y[$0] : series.x[$0] }
    }

    func clipped(by transform: DataTransform) -> ClipCount {
        var count = ClipCount()
        for i in 0..<self.count { count.check(series.x[i], series.y[i], in: transform) }
        return count
    }

    func draw(in context: inout DrawingContext) {
        let plot = context.plot
        let points = (0..<count).map { context.transform.point(series.x[$0], series.y[$0]) }
        if let style = series.style {
            let runs = clipRuns([points], to: plot.insetBy(-style.width)).map(thinPerPixelColumn)
            for run in runs {
                context.occupied += run.count > 200 ? stride(from: 0, to: run.count, by: run.count / 100).map { run[$0] } : run
            }
            let d = pathData(runs)
            if !d.isEmpty {
                context.renderer.path(d, strokeAttributes(paint, style) + ["stroke-linejoin": "round", "stroke-linecap": "round"])
            }
        }
        if series.marker != .none {
            let visible = points.compactMap { $0 }.filter { plot.contains($0.x, $0.y) }
            context.occupied += visible
            drawMarkers(visible, marker: series.marker, size: series.markerSize, paint: paint, into: &context.renderer)
        }
    }

    var legendEntries: [LegendEntry] {
        guard !series.label.isEmpty else { return [] }
        if let style = series.style { return [LegendEntry(label: series.label, swatch: .line(paint, style, series.marker))] }
        return [LegendEntry(label: series.label, swatch: .marker(paint, series.marker))]
    }

    var description: [String] {
        let s = series
        let name = s.label.isEmpty ? "unnamed" : "“\(s.label)”"
        let kind = s.style == nil ? "markers" : (s.marker == .none ? "line" : "line with markers")
        let n = count
        var text = "Series \(name): \(kind), \(n) point\(n == 1 ? "" : "s")"
        var lowest: Int?, highest: Int?
        for i in 0..<n where s.x[i].isFinite && s.y[i].isFinite {
            if lowest == nil || s.y[i] < s.y[lowest!] { lowest = i }
            if highest == nil || s.y[i] > s.y[highest!] { highest = i }
        }
        if let lowest, let highest {
            let xs = s.x[0..<n].filter(\.isFinite)
            text += ", x from \(readableNumber(xs.min()!)) to \(readableNumber(xs.max()!))"
            text += ", y minimum \(readableNumber(s.y[lowest])) at x = \(readableNumber(s.x[lowest]))"
            text += ", maximum \(readableNumber(s.y[highest])) at x = \(readableNumber(s.x[highest]))"
        }
        return [text + "."]
    }
}
