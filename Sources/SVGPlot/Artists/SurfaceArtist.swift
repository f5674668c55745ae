import Foundation

/// A `Wireframe` panel: the floor and back edges of the data box, the surface
/// (facets sorted back to front, or grid lines) and the three axes.
struct SurfaceArtist {
    let surface: Wireframe
    let rect: Rect

    /// The box drawn: the data's x and y, and z widened to whole steps of its
    /// ticks, so the z axis' ticks reach the highest corner and the floor.
    private var box: (x: (Double, Double), y: (Double, Double), z: (Double, Double))? {
        guard let (xr, yr, zr) = ranges else { return nil }
        let step = Ticks.linear(zr.0, zr.1, maxCount: 6).step
        guard step > 0, step.isFinite else { return (xr, yr, zr) }
        let lo = (zr.0 / step).rounded(.down) * step, hi = (zr.1 / step).rounded(.up) * step
        return (xr, yr, (lo.isFinite ? min(lo, zr.0) : zr.0, hi.isFinite ? max(hi, zr.1) : zr.1))
    }

    /// The data's ranges; nil when the grid is too small or has no finite values.
    private var ranges: (x: (Double, Double), y: (Double, Double), z: (Double, Double))? {
        let grid = surface.grid
        guard grid.x.count >= 2, grid.y.count >= 2, let zr = finiteRange(grid.values.flatMap { $0 }),
              let xr = finiteRange(grid.x), let yr = finiteRange(grid.y) else { return nil }
        return (xr, yr, zr)
    }

    func draw(into renderer: inout SVGRenderer) {
        guard let (xr, yr, zr) = box, let data = ranges else { return }
        let titleHeight = surface.title.isEmpty ? 0.0 : 24.0
        let proj = SurfaceProjection(xr: xr, yr: yr, zr: zr, azimuth: surface.azimuth, elevation: surface.elevation,
                                     rect: rect, titleHeight: titleHeight)
        renderer.open("g", ["class": "wbp-wireframe"])
        if !surface.title.isEmpty {
            renderer.text(surface.title, at: Point(x: rect.x + rect.w / 2, y: rect.y + 22), anchor: .middle, classes: "wbp-t wbp-title")
        }
        drawBox(proj, into: &renderer)
        if surface.filled { drawFacets(proj, colouredOver: data.z, into: &renderer) } else { drawLines(proj, into: &renderer) }
        SurfaceAxes(surface: surface, projection: proj).draw(into: &renderer)
        renderer.close("g")
    }

    /// The floor and the edges of the box behind the surface.
    private func drawBox(_ proj: SurfaceProjection, into renderer: inout SVGRenderer) {
        let (xr, yr, zr) = (proj.xr, proj.yr, proj.zr)
        let floorZ = zr.0
        let corners = [(xr.0, yr.0), (xr.1, yr.0), (xr.1, yr.1), (xr.0, yr.1)]
        let far = corners.min { proj.depth($0.0, $0.1, floorZ) < proj.depth($1.0, $1.1, floorZ) }!
        var d = ""
        for (i, c) in corners.enumerated() {
            let p = proj.screen(c.0, c.1, floorZ)
            d += (i == 0 ? "M" : "L") + svgNumber(p.x) + " " + svgNumber(p.y)
        }
        d += "Z"
        let farBottom = proj.screen(far.0, far.1, zr.0), farTop = proj.screen(far.0, far.1, zr.1)
        d += moveTo(farBottom) + lineTo(farTop)
        for c in corners where (c.0 == far.0) != (c.1 == far.1) {
            let p = proj.screen(c.0, c.1, zr.1)
            d += moveTo(farTop) + lineTo(p)
            d += moveTo(proj.screen(c.0, c.1, zr.0)) + lineTo(p)
        }
        renderer.path(d, ["class": "wbp-grid", "stroke-width": "1"])
    }

    /// Facets coloured by their mean height within `zr` (the data's range), painted back to front.
    private func drawFacets(_ proj: SurfaceProjection, colouredOver zr: (Double, Double), into renderer: inout SVGRenderer) {
        let grid = surface.grid
        let nx = grid.x.count, ny = grid.y.count
        var quads: [(depth: Double, index: Int, d: String, fill: String)] = []
        for j in 0..<(ny - 1) {
            for i in 0..<(nx - 1) {
                let vs = [grid.at(i, j), grid.at(i + 1, j), grid.at(i + 1, j + 1), grid.at(i, j + 1)]
                guard vs.allSatisfy(\.isFinite) else { continue }
                let xs = [grid.x[i], grid.x[i + 1], grid.x[i + 1], grid.x[i]]
                let ys = [grid.y[j], grid.y[j], grid.y[j + 1], grid.y[j + 1]]
                var path = ""
                var depth = 0.0
                for k in 0..<4 {
                    let p = proj.screen(xs[k], ys[k], vs[k])
                    path += (k == 0 ? "M" : "L") + svgNumber(p.x) + " " + svgNumber(p.y)
                    depth += proj.depth(xs[k], ys[k], vs[k])
                }
                let mean = vs.reduce(0, +) / 4
                let (r, g, b) = viridis(zr.1 > zr.0 ? (mean - zr.0) / (zr.1 - zr.0) : 0.5)
                quads.append((depth, j * nx + i, path + "Z", hexColor(r, g, b)))
            }
        }
        quads.sort { $0.depth != $1.depth ? $0.depth < $1.depth : $0.index < $1.index }
        renderer.open("g", ["stroke": "#000000", "stroke-opacity": "0.3", "stroke-width": "0.5", "stroke-linejoin": "round"], newline: false)
        for q in quads { renderer.path(q.d, ["fill": q.fill], newline: false) }
        renderer.close("g")
    }

    /// The grid lines of the surface (both directions) in the wireframe's colour.
    private func drawLines(_ proj: SurfaceProjection, into renderer: inout SVGRenderer) {
        let grid = surface.grid
        let nx = grid.x.count, ny = grid.y.count
        var d = ""
        for j in 0..<ny {
            d += pathData([(0..<nx).filter { grid.at($0, j).isFinite }.map { proj.screen(grid.x[$0], grid.y[j], grid.at($0, j)) }])
        }
        for i in 0..<nx {
            d += pathData([(0..<ny).filter { grid.at(i, $0).isFinite }.map { proj.screen(grid.x[i], grid.y[$0], grid.at(i, $0)) }])
        }
        renderer.path(d, paintAttributes(stroke: Paint(surface.color), fill: nil) + ["stroke-width": "0.8"])
    }

    var description: String {
        let s = surface
        guard let (xr, yr, zr) = ranges else { return "Empty surface." }
        return "Surface\(s.title.isEmpty ? "" : " “\(s.title)”") \(s.zLabel) over a \(s.grid.x.count)×\(s.grid.y.count) grid, \(s.xLabel) from \(readableNumber(xr.0)) to \(readableNumber(xr.1)), \(s.yLabel) from \(readableNumber(yr.0)) to \(readableNumber(yr.1)); \(s.zLabel) from \(readableNumber(zr.0)) to \(readableNumber(zr.1))."
    }
}
