/// The frame of a plot, its ticks and tick labels, axis labels, title, grid
/// lines and the note about clipped points, all placed by the `AxesLayout`.
struct AxisArtist {
    let axes: Axes
    let layout: AxesLayout

    /// Grid lines at the ticks (drawn first, under the data).
    func drawGrid(into renderer: inout SVGRenderer) {
        let plot = layout.plot
        var d = ""
        for v in layout.xTicks.values { if let p = layout.transform.x.px(v) { d += "M\(svgNumber(p)) \(svgNumber(plot.y))V\(svgNumber(plot.maxY))" } }
        for v in layout.yTicks.values { if let p = layout.transform.y.px(v) { d += "M\(svgNumber(plot.x)) \(svgNumber(p))H\(svgNumber(plot.maxX))" } }
        if !d.isEmpty { renderer.path(d, ["class": "wbp-grid", "stroke-width": "0.8"]) }
    }

    /// Frame, ticks, tick labels, axis labels and title (drawn over the data).
    func draw(into renderer: inout SVGRenderer) {
        let plot = layout.plot, rect = layout.rect
        renderer.rect(plot, ["class": "wbp-axis", "stroke-width": "1"])
        var tickPath = ""
        var labels: [(text: String, at: Point, anchor: TextAnchor)] = []
        for (v, label) in zip(layout.xTicks.values, layout.xTicks.labels) {
            guard let p = layout.transform.x.px(v) else { continue }
            tickPath += "M\(svgNumber(p)) \(svgNumber(plot.maxY))v4"
            if !label.isEmpty {
                // Keep the outermost labels inside the panel.
                let half = textWidth(label, size: 11) / 2
                let x = min(max(p, rect.x + half + 2), rect.maxX - half - 2)
                labels.append((label, Point(x: x, y: plot.maxY + 17), .middle))
            }
        }
        for (v, label) in zip(layout.yTicks.values, layout.yTicks.labels) {
            guard let p = layout.transform.y.px(v) else { continue }
            tickPath += "M\(svgNumber(plot.x)) \(svgNumber(p))h-4"
            labels.append((label, Point(x: plot.x - 7, y: p + 4), .end))
        }
        if !tickPath.isEmpty { renderer.path(tickPath, ["class": "wbp-axis", "stroke-width": "1"]) }
        for label in labels { renderer.text(label.text, at: label.at, anchor: label.anchor, classes: "wbp-t wbp-tick") }
        if !axes.xLabel.isEmpty {
            renderer.text(axes.xLabel, at: Point(x: plot.x + plot.w / 2, y: plot.maxY + 36), anchor: .middle, classes: "wbp-t wbp-label")
        }
        if !axes.yLabel.isEmpty {
            renderer.rotatedText(axes.yLabel, at: Point(x: rect.x + 20, y: plot.y + plot.h / 2), degrees: -90, classes: "wbp-t wbp-label")
        }
        if !axes.title.isEmpty {
            renderer.text(axes.title, at: Point(x: plot.x + plot.w / 2, y: rect.y + 24), anchor: .middle, classes: "wbp-t wbp-title")
        }
    }

    /// “n points outside the plotted range are clipped” under the axes (shortened when too wide).
    func drawClipNote(into renderer: inout SVGRenderer) {
        let clipped = layout.clipped
        guard clipped.total > 0 else { return }
        let y = layout.plot.maxY + (axes.xLabel.isEmpty ? 34 : 52)
        let note = textWidth(clipped.note, size: 11) > layout.rect.w - 16 ? clipped.shortNote : clipped.note
        renderer.text(note, at: Point(x: layout.rect.x + 8, y: y), classes: "wbp-tm wbp-note")
    }
}
