/// One row of a legend: a label and a small picture of what it names.
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

/// The legend box in a corner of the plot; `.best` picks the corner covering
/// the fewest data pixels.
struct LegendArtist {
    let entries: [LegendEntry]
    let placement: LegendPlacement

    static let rowHeight = 18.0, pad = 7.0, swatchWidth = 26.0, inset = 8.0

    /// The box at `placement` inside `plot`, sized to the widest label.
    func box(_ placement: LegendPlacement, in plot: Rect) -> Rect {
        let textW = entries.map { textWidth($0.label, size: 11) }.max() ?? 0
        let w = Self.pad + Self.swatchWidth + 6 + textW + Self.pad + 4
        let h = Self.pad * 2 + Self.rowHeight * Double(entries.count) - 4
        let inset = Self.inset
        switch placement {
        case .upperLeft: return Rect(x: plot.x + inset, y: plot.y + inset, w: w, h: h)
        case .lowerLeft: return Rect(x: plot.x + inset, y: plot.maxY - inset - h, w: w, h: h)
        case .lowerRight: return Rect(x: plot.maxX - inset - w, y: plot.maxY - inset - h, w: w, h: h)
        default: return Rect(x: plot.maxX - inset - w, y: plot.y + inset, w: w, h: h)
        }
    }

    /// The corner whose box covers the fewest of `occupied` (ties: upper right, upper left, lower left, lower right).
    func resolvedPlacement(in plot: Rect, occupied: [Point]) -> LegendPlacement {
        guard placement == .best else { return placement }
        var best = (count: Int.max, placement: LegendPlacement.upperRight)
        for candidate in [LegendPlacement.upperRight, .upperLeft, .lowerLeft, .lowerRight] {
            let r = box(candidate, in: plot)
            let count = occupied.filter { r.contains($0.x, $0.y, tolerance: 4) }.count
            if count < best.count { best = (count, candidate) }
        }
        return best.placement
    }

    func draw(in plot: Rect, occupied: [Point], into renderer: inout SVGRenderer) {
        let r = box(resolvedPlacement(in: plot, occupied: occupied), in: plot)
        renderer.open("g", ["class": "wbp-legend-box"])
        renderer.rect(r, ["class": "wbp-legend", "stroke-width": "0.8", "rx": "3"])
        for (i, entry) in entries.enumerated() {
            let cy = r.y + Self.pad + Self.rowHeight * Double(i) + 7
            let sx = r.x + Self.pad
            drawSwatch(entry.swatch, x: sx, y: cy, into: &renderer)
            renderer.text(entry.label, at: Point(x: sx + Self.swatchWidth + 6, y: cy + 4), classes: "wbp-t wbp-tick")
        }
        renderer.close("g")
    }

    private func drawSwatch(_ swatch: LegendEntry.Swatch, x sx: Double, y cy: Double, into renderer: inout SVGRenderer) {
        let centre = Point(x: sx + Self.swatchWidth / 2, y: cy)
        switch swatch {
        case .line(let paint, let style, let marker):
            renderer.path("\(moveTo(Point(x: sx, y: cy)))h\(svgNumber(Self.swatchWidth))", strokeAttributes(paint, style))
            if marker != .none { drawMarkers([centre], marker: marker, size: 6, paint: paint, into: &renderer) }
        case .marker(let paint, let marker):
            drawMarkers([centre], marker: marker, size: 6, paint: paint, into: &renderer)
        case .box(let paint):
            renderer.rect(Rect(x: sx + 6, y: cy - 5, w: 14, h: 10), paintAttributes(stroke: nil, fill: paint))
        case .arrow(let paint):
            renderer.path("M\(svgNumber(sx + 2)) \(svgNumber(cy - 0.6))h16v-3.4l7 4-7 4v-3.4h-16Z", paintAttributes(stroke: nil, fill: paint))
        }
    }
}
