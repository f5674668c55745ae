import Foundation

/// Arrows from `(x, y)` along `(u, v)`, filled polygons (shaft and head) so
/// they scale without stroke artefacts.
struct QuiverArtist: Artist {
    let quiver: Mark.Quiver
    let paint: Paint

    private var count: Int { min(quiver.x.count, quiver.y.count, quiver.u.count, quiver.v.count) }

    func include(into extent: inout DataExtent, vertical: Bool) {
        for v in (vertical ? quiver.y : quiver.x) { extent.include(v) }
        extent.margin = true
    }

    func robustValues(vertical: Bool) -> [Double] {
        (vertical ? quiver.y : quiver.x).filter(\.isFinite)
    }

    func clipped(by transform: DataTransform) -> ClipCount {
        var clipped = ClipCount()
        for i in 0..<count {
            clipped.check(quiver.x[i], quiver.y[i], valid: quiver.u[i].isFinite && quiver.v[i].isFinite, in: transform)
        }
        return clipped
    }

    /// Data units → arrow pixels: `scale`, or the longest arrow 90 % of the grid spacing.
    private func arrowScale(_ transform: DataTransform) -> Double {
        if let scale = quiver.scale { return scale }
        let n = count, q = quiver
        let sx = transform.x.scale, sy = transform.y.scale
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
        return longest > 0 ? 0.9 * cell / longest : 1
    }

    func draw(in context: inout DrawingContext) {
        let n = count, q = quiver
        guard n > 0 else { return }
        let transform = context.transform, plot = context.plot
        let sx = transform.x.scale, sy = transform.y.scale   // sy < 0 (pixels grow downwards)
        let k = arrowScale(transform)
        var d = ""
        for i in 0..<n {
            guard q.u[i].isFinite, q.v[i].isFinite, transform.x.inside(q.x[i]), transform.y.inside(q.y[i]),
                  let start = transform.point(q.x[i], q.y[i]) else { continue }
            var dx = q.u[i] * sx * k, dy = q.v[i] * sy * k
            var length = hypot(dx, dy)
            guard length.isFinite else { continue }
            let longest = 2 * hypot(plot.w, plot.h)
            if length > longest {
                dx *= longest / length
                dy *= longest / length
                length = longest
            }
            context.occupied.append(start)
            guard length >= 0.75 else { continue }
            d += arrowOutline(from: start, dx: dx, dy: dy, length: length)
        }
        guard !d.isEmpty else { return }
        context.renderer.path(d, paintAttributes(stroke: nil, fill: paint))
    }

    /// A closed outline: a shaft 1.2 px wide and a head at most 7 px long.
    private func arrowOutline(from p: Point, dx: Double, dy: Double, length: Double) -> String {
        let x0 = p.x, y0 = p.y
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
        return "M" + pts.map { svgNumber($0.0) + " " + svgNumber($0.1) }.joined(separator: " ") + "Z"
    }

    var legendEntries: [LegendEntry] {
        quiver.label.isEmpty ? [] : [LegendEntry(label: quiver.label, swatch: .arrow(paint))]
    }

    var description: [String] {
        ["Arrow field\(quiver.label.isEmpty ? "" : " “\(quiver.label)”"): \(count) arrows."]
    }
}
