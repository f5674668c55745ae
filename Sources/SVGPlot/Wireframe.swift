import Foundation

/// A surface z = f(x, y) drawn in 3-D projection, either as coloured facets
/// (viridis by height, painter's algorithm) or as a wireframe of grid lines.
public struct Wireframe: Sendable, Equatable {
    public var grid: Grid2D
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var zLabel: String
    /// Viewing angles in degrees (matplotlib's defaults: 30 and −60).
    public var elevation: Double = 30
    public var azimuth: Double = -60
    /// Coloured facets (true) or lines only (false).
    public var filled: Bool = true
    /// Line colour of the wireframe when not filled.
    public var color: PlotColor = .palette(0)

    public init(_ grid: Grid2D, title: String = "", xLabel: String = "x", yLabel: String = "y", zLabel: String = "z",
                filled: Bool = true) {
        self.grid = grid
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.zLabel = zLabel
        self.filled = filled
    }

    struct Projector {
        var xr: (Double, Double), yr: (Double, Double), zr: (Double, Double)
        var a: Double, e: Double
        var scale = 1.0, cx = 0.0, cy = 0.0

        func normalised(_ x: Double, _ y: Double, _ z: Double) -> (Double, Double, Double) {
            func n(_ v: Double, _ r: (Double, Double)) -> Double { r.1 > r.0 ? (v - r.0) / (r.1 - r.0) * 2 - 1 : 0 }
            return (n(x, xr), n(y, yr), n(z, zr) * 0.75)
        }
        /// Screen coordinates before fitting, and depth (larger = nearer).
        func raw(_ p: (Double, Double, Double)) -> (Double, Double, Double) {
            let sx = -sin(a) * p.0 + cos(a) * p.1
            let sy = -sin(e) * cos(a) * p.0 - sin(e) * sin(a) * p.1 + cos(e) * p.2
            let depth = cos(e) * cos(a) * p.0 + cos(e) * sin(a) * p.1 + sin(e) * p.2
            return (sx, sy, depth)
        }
        func screen(_ x: Double, _ y: Double, _ z: Double) -> Point {
            let r = raw(normalised(x, y, z))
            return Point(x: cx + r.0 * scale, y: cy - r.1 * scale)
        }
        func depth(_ x: Double, _ y: Double, _ z: Double) -> Double { raw(normalised(x, y, z)).2 }
    }

    func render(in rect: Rect) -> PanelResult {
        let nx = grid.x.count, ny = grid.y.count
        let zs = grid.values.flatMap { $0 }
        guard nx >= 2, ny >= 2, let zr = finiteRange(zs), let xr = finiteRange(grid.x), let yr = finiteRange(grid.y) else {
            return PanelResult(svg: "", description: "Empty surface.")
        }
        var proj = Projector(xr: xr, yr: yr, zr: zr, a: azimuth * .pi / 180, e: elevation * .pi / 180)
        // Fit the bounding box.
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for cx in [xr.0, xr.1] { for cy in [yr.0, yr.1] { for cz in [zr.0, zr.1] {
            let r = proj.raw(proj.normalised(cx, cy, cz))
            minX = min(minX, r.0); maxX = max(maxX, r.0); minY = min(minY, r.1); maxY = max(maxY, r.1)
        } } }
        let titleHeight = title.isEmpty ? 0.0 : 24.0
        let margin = 46.0
        let availW = rect.w - 2 * margin, availH = rect.h - titleHeight - 2 * margin + 10
        proj.scale = max(1, min(availW / (maxX - minX), availH / (maxY - minY)))
        proj.cx = rect.x + rect.w / 2 - (minX + maxX) / 2 * proj.scale
        proj.cy = rect.y + titleHeight + margin - 6 + availH / 2 + (minY + maxY) / 2 * proj.scale

        var svg = "<g class=\"wbp-wireframe\">\n"
        if !title.isEmpty {
            svg += textElement(title, x: rect.x + rect.w / 2, y: rect.y + 22, anchor: "middle", classes: "wbp-t wbp-title")
        }
        // Floor and back edges.
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
        d += "M\(svgNumber(farBottom.x)) \(svgNumber(farBottom.y))L\(svgNumber(farTop.x)) \(svgNumber(farTop.y))"
        for c in corners where (c.0 == far.0) != (c.1 == far.1) {
            let p = proj.screen(c.0, c.1, zr.1)
            d += "M\(svgNumber(farTop.x)) \(svgNumber(farTop.y))L\(svgNumber(p.x)) \(svgNumber(p.y))"
            let q = proj.screen(c.0, c.1, zr.0)
            d += "M\(svgNumber(q.x)) \(svgNumber(q.y))L\(svgNumber(p.x)) \(svgNumber(p.y))"
        }
        svg += "<path class=\"wbp-grid\" stroke-width=\"1\" d=\"\(d)\"/>\n"

        // Surface.
        if filled {
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
            svg += "<g stroke=\"#000000\" stroke-opacity=\"0.3\" stroke-width=\"0.5\" stroke-linejoin=\"round\">"
            for q in quads { svg += "<path fill=\"\(q.fill)\" d=\"\(q.d)\"/>" }
            svg += "</g>\n"
        } else {
            var d = ""
            for j in 0..<ny {
                var run: [Point] = []
                for i in 0..<nx where grid.at(i, j).isFinite { run.append(proj.screen(grid.x[i], grid.y[j], grid.at(i, j))) }
                d += pathData([run])
            }
            for i in 0..<nx {
                var run: [Point] = []
                for j in 0..<ny where grid.at(i, j).isFinite { run.append(proj.screen(grid.x[i], grid.y[j], grid.at(i, j))) }
                d += pathData([run])
            }
            svg += "<path\(paintAttributes(stroke: Paint(color), fill: nil)) stroke-width=\"0.8\" d=\"\(d)\"/>\n"
        }

        // Axes ticks and labels on the front floor edges and a side vertical edge.
        let centre = proj.screen((xr.0 + xr.1) / 2, (yr.0 + yr.1) / 2, floorZ)
        func axis(_ from: (Double, Double, Double), _ to: (Double, Double, Double), ticks: Ticks, label: String,
                  value: (Double) -> (Double, Double, Double), outward: Point, vertical: Bool = false) -> String {
            var s = ""
            var path = ""
            let len = hypot(outward.x, outward.y)
            let ox = len > 0 ? outward.x / len : 0, oy = len > 0 ? outward.y / len : 1
            for (v, text) in zip(ticks.values, ticks.labels) {
                let p3 = value(v)
                let p = proj.screen(p3.0, p3.1, p3.2)
                path += "M\(svgNumber(p.x)) \(svgNumber(p.y))l\(svgNumber(ox * 4)) \(svgNumber(oy * 4))"
                s += textElement(text, x: p.x + ox * 14, y: p.y + oy * 14 + 4, anchor: "middle", classes: "wbp-t wbp-tick")
            }
            let a = proj.screen(from.0, from.1, from.2), b = proj.screen(to.0, to.1, to.2)
            let mid = Point(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
            s += "<path class=\"wbp-axis\" stroke-width=\"1\" d=\"M\(svgNumber(a.x)) \(svgNumber(a.y))L\(svgNumber(b.x)) \(svgNumber(b.y))\(path)\"/>\n"
            if vertical {
                // A vertical axis label is turned upright, beside its tick labels rather than across them.
                let lx = mid.x + ox * 38, ly = mid.y + oy * 38
                s += textElement(label, x: lx, y: ly, anchor: "middle", classes: "wbp-t wbp-label",
                                 extra: " transform=\"rotate(-90 \(svgNumber(lx)) \(svgNumber(ly)))\"")
            } else {
                s += textElement(label, x: mid.x + ox * 34, y: mid.y + oy * 34 + 4, anchor: "middle", classes: "wbp-t wbp-label")
            }
            return s
        }
        // x axis: the floor edge parallel to x that is lower on screen.
        let yEdge = [yr.0, yr.1].max { proj.screen((xr.0 + xr.1) / 2, $0, floorZ).y < proj.screen((xr.0 + xr.1) / 2, $1, floorZ).y }!
        let xEdge = [xr.0, xr.1].max { proj.screen($0, (yr.0 + yr.1) / 2, floorZ).y < proj.screen($1, (yr.0 + yr.1) / 2, floorZ).y }!
        let xMid = proj.screen((xr.0 + xr.1) / 2, yEdge, floorZ)
        let yMid = proj.screen(xEdge, (yr.0 + yr.1) / 2, floorZ)
        svg += axis((xr.0, yEdge, floorZ), (xr.1, yEdge, floorZ), ticks: Ticks.linear(xr.0, xr.1, maxCount: 5), label: xLabel,
                    value: { ($0, yEdge, floorZ) }, outward: Point(x: xMid.x - centre.x, y: xMid.y - centre.y))
        svg += axis((xEdge, yr.0, floorZ), (xEdge, yr.1, floorZ), ticks: Ticks.linear(yr.0, yr.1, maxCount: 5), label: yLabel,
                    value: { (xEdge, $0, floorZ) }, outward: Point(x: yMid.x - centre.x, y: yMid.y - centre.y))
        // z axis on the leftmost corner.
        let leftCorner = corners.min { proj.screen($0.0, $0.1, floorZ).x < proj.screen($1.0, $1.1, floorZ).x }!
        svg += axis((leftCorner.0, leftCorner.1, zr.0), (leftCorner.0, leftCorner.1, zr.1), ticks: Ticks.linear(zr.0, zr.1, maxCount: 6),
                    label: zLabel, value: { (leftCorner.0, leftCorner.1, $0) }, outward: Point(x: -1, y: 0), vertical: true)
        svg += "</g>\n"
        let description = "Surface\(title.isEmpty ? "" : " “\(title)”") \(zLabel) over a \(nx)×\(ny) grid, \(xLabel) from \(readableNumber(xr.0)) to \(readableNumber(xr.1)), \(yLabel) from \(readableNumber(yr.0)) to \(readableNumber(yr.1)); \(zLabel) from \(readableNumber(zr.0)) to \(readableNumber(zr.1))."
        return PanelResult(svg: svg, description: description)
    }
}
