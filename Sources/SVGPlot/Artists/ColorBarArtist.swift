/// The viridis scale beside a heat map, with its own ticks and an optional label.
struct ColorBarArtist {
    let range: (Double, Double)
    let label: String

    static let gap = 14.0, barWidth = 12.0

    /// The room the colour bar takes right of the plot (bar, ticks, label), for the layout.
    static func width(range: (Double, Double), label: String) -> Double {
        let ticks = Ticks.linear(range.0, range.1, maxCount: 8)
        return gap + barWidth + 5 + ticks.widestLabel + (label.isEmpty ? 0 : 18)
    }

    func draw(beside plot: Rect, into renderer: inout SVGRenderer) {
        let x = plot.maxX + Self.gap, w = Self.barWidth
        let steps = 64
        var pixels: [UInt8] = []
        for i in 0..<steps {
            let (r, g, b) = viridis(1 - Double(i) / Double(steps - 1))
            pixels += [r, g, b]
        }
        let bar = Rect(x: x, y: plot.y, w: w, h: plot.h)
        renderer.image(PNGEncoder.dataURL(width: 1, height: steps, channels: 3, pixels: pixels), in: bar)
        renderer.rect(bar, ["class": "wbp-axis", "stroke-width": "0.8"])
        let map = AxisMap(lo: range.0, hi: range.1, log: false, p0: plot.maxY, p1: plot.y)
        let ticks = Ticks.linear(range.0, range.1, maxCount: max(2, min(8, Int(plot.h / 18)))).filtered(map)
        var d = ""
        var labelWidth = 0.0
        for (v, text) in zip(ticks.values, ticks.labels) {
            guard let p = map.px(v) else { continue }
            d += "M\(svgNumber(x + w)) \(svgNumber(p))h3"
            renderer.text(text, at: Point(x: x + w + 5, y: p + 4), classes: "wbp-t wbp-tick")
            labelWidth = max(labelWidth, textWidth(text, size: 11))
        }
        if !d.isEmpty { renderer.path(d, ["class": "wbp-axis", "stroke-width": "0.8"]) }
        if !label.isEmpty {
            renderer.rotatedText(label, at: Point(x: x + w + 5 + labelWidth + 12, y: plot.y + plot.h / 2), degrees: 90,
                                 classes: "wbp-t wbp-label")
        }
    }
}
