import Foundation

/// Contour lines of a grid (marching squares, joined into polylines), light
/// over a heat map; without one, grey and each level labelled once on its
/// longest visible line.
struct ContourLinesArtist: Artist {
    let contour: Mark.Contour

    func include(into extent: inout DataExtent, vertical: Bool) {
        for v in (vertical ? contour.grid.y : contour.grid.x) { extent.include(v) }
    }

    func draw(in context: inout DrawingContext) {
        let grid = contour.grid
        guard contour.lines, grid.x.count >= 2, grid.y.count >= 2,
              let range = finiteRange(grid.values.flatMap { $0 }) else { return }
        let levels = contour.levels.isEmpty ? Ticks.linear(range.0, range.1, maxCount: 10).values : contour.levels
        let plot = context.plot
        var runs: [[Point]] = []
        var labels: [(text: String, at: Point)] = []
        for level in levels {
            var longest: (length: Double, run: [Point]) = (0, [])
            for chain in chainContour(marchingSquares(grid, level: level)) {
                let clipped = clipRuns([chain.map { context.transform.point($0.x, $0.y) }], to: plot.insetBy(-2))
                runs += clipped
                let visible = clipped.flatMap { $0 }.filter { plot.contains($0.x, $0.y, tolerance: -12) }
                let length = zip(visible, visible.dropFirst()).reduce(0) { $0 + hypot($1.1.x - $1.0.x, $1.1.y - $1.0.y) }
                if length > longest.length { longest = (length, visible) }
            }
            if !contour.filled && longest.length > 60,
               let at = labelPosition(along: longest.run, length: longest.length, avoiding: context.referenceLines,
                                      labels: labels.map(\.at)) {
                labels.append((readableNumber(level), at))
            }
        }
        let d = pathData(runs)
        if !d.isEmpty {
            let look: Attributes = contour.filled
                ? ["stroke": "#ffffff", "stroke-opacity": "0.6", "fill": "none"]
                : paintAttributes(stroke: .themed("gray"), fill: nil)
            context.renderer.path(d, look + ["stroke-width": "0.9", "stroke-linejoin": "round"])
        }
        for label in labels {
            context.renderer.text(label.text, at: Point(x: label.at.x, y: label.at.y + 4), anchor: .middle,
                                  classes: "wbp-t wbp-tick wbp-halo", ["stroke-width": "3", "paint-order": "stroke"])
        }
    }

    /// Where a level's label goes on its longest visible line: the first of the
    /// vertices at 1/2, 3/8, 5/8, 1/4, 3/4, 1/8 and 7/8 of the line's length that is
    /// at least 14 px from every reference line and 24 px from the labels placed
    /// before (halfway when none is).
    private func labelPosition(along run: [Point], length: Double, avoiding lines: [(vertical: Bool, pixel: Double)],
                               labels: [Point]) -> Point? {
        let fractions = [0.5, 0.375, 0.625, 0.25, 0.75, 0.125, 0.875]
        let candidates = fractions.compactMap { vertex(along: run, at: length * $0) }
        func clear(_ p: Point) -> Bool {
            lines.allSatisfy { abs(($0.vertical ? p.x : p.y) - $0.pixel) >= 14 }
                && labels.allSatisfy { hypot($0.x - p.x, $0.y - p.y) >= 24 }
        }
        return candidates.first(where: clear) ?? candidates.first
    }

    /// The first vertex at or past `distance` along the run.
    private func vertex(along run: [Point], at distance: Double) -> Point? {
        var walked = 0.0
        for (a, b) in zip(run, run.dropFirst()) {
            walked += hypot(b.x - a.x, b.y - a.y)
            if walked >= distance { return b }
        }
        return nil
    }

    var description: [String] {
        guard !contour.filled else { return [] }   // the heat map describes a filled contour
        var text = "Contour lines of a \(contour.grid.x.count)×\(contour.grid.y.count) grid"
        if let r = finiteRange(contour.grid.values.flatMap { $0 }) {
            text += ", values from \(readableNumber(r.0)) to \(readableNumber(r.1))"
        }
        return [text + "."]
    }
}
