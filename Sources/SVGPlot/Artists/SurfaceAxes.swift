import Foundation

/// The three axes of a surface panel: x and y along the front floor edges,
/// z up the leftmost corner, each with ticks, labels pushed outwards from the
/// floor's centre, and an axis label.
struct SurfaceAxes {
    let surface: Wireframe
    let projection: SurfaceProjection

    func draw(into renderer: inout SVGRenderer) {
        let proj = projection
        let (xr, yr, zr) = (proj.xr, proj.yr, proj.zr)
        let floorZ = zr.0
        let corners = [(xr.0, yr.0), (xr.1, yr.0), (xr.1, yr.1), (xr.0, yr.1)]
        let centre = proj.screen((xr.0 + xr.1) / 2, (yr.0 + yr.1) / 2, floorZ)
        // x axis: the floor edge parallel to x that is lower on screen (and y alike).
        let yEdge = [yr.0, yr.1].max { proj.screen((xr.0 + xr.1) / 2, $0, floorZ).y < proj.screen((xr.0 + xr.1) / 2, $1, floorZ).y }!
        let xEdge = [xr.0, xr.1].max { proj.screen($0, (yr.0 + yr.1) / 2, floorZ).y < proj.screen($1, (yr.0 + yr.1) / 2, floorZ).y }!
        let xMid = proj.screen((xr.0 + xr.1) / 2, yEdge, floorZ)
        let yMid = proj.screen(xEdge, (yr.0 + yr.1) / 2, floorZ)
        axis((xr.0, yEdge, floorZ), (xr.1, yEdge, floorZ), ticks: Ticks.linear(xr.0, xr.1, maxCount: 5), label: surface.xLabel,
             value: { ($0, yEdge, floorZ) }, outward: Point(x: xMid.x - centre.x, y: xMid.y - centre.y), into: &renderer)
        axis((xEdge, yr.0, floorZ), (xEdge, yr.1, floorZ), ticks: Ticks.linear(yr.0, yr.1, maxCount: 5), label: surface.yLabel,
             value: { (xEdge, $0, floorZ) }, outward: Point(x: yMid.x - centre.x, y: yMid.y - centre.y), into: &renderer)
        let leftCorner = corners.min { proj.screen($0.0, $0.1, floorZ).x < proj.screen($1.0, $1.1, floorZ).x }!
        axis((leftCorner.0, leftCorner.1, zr.0), (leftCorner.0, leftCorner.1, zr.1), ticks: Ticks.linear(zr.0, zr.1, maxCount: 6),
             label: surface.zLabel, value: { (leftCorner.0, leftCorner.1, $0) }, outward: Point(x: -1, y: 0), vertical: true,
             into: &renderer)
    }

    /// One axis from `from` to `to` (data space): tick marks and labels along `outward`, the axis label beyond them.
    private func axis(_ from: (Double, Double, Double), _ to: (Double, Double, Double), ticks: Ticks, label: String,
                      value: (Double) -> (Double, Double, Double), outward: Point, vertical: Bool = false,
                      into renderer: inout SVGRenderer) {
        let proj = projection
        var path = ""
        let len = hypot(outward.x, outward.y)
        let ox = len > 0 ? outward.x / len : 0, oy = len > 0 ? outward.y / len : 1
        for (v, text) in zip(ticks.values, ticks.labels) {
            let p3 = value(v)
            let p = proj.screen(p3.0, p3.1, p3.2)
            path += "\(moveTo(p))l\(svgNumber(ox * 4)) \(svgNumber(oy * 4))"
            renderer.text(text, at: Point(x: p.x + ox * 14, y: p.y + oy * 14 + 4), anchor: .middle, classes: "wbp-t wbp-tick")
        }
        let a = proj.screen(from.0, from.1, from.2), b = proj.screen(to.0, to.1, to.2)
        let mid = Point(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
        renderer.path(moveTo(a) + lineTo(b) + path, ["class": "wbp-axis", "stroke-width": "1"])
        if vertical {
            // A vertical axis label is turned upright, beside its tick labels rather than across them.
            renderer.rotatedText(label, at: Point(x: mid.x + ox * 38, y: mid.y + oy * 38), degrees: -90, classes: "wbp-t wbp-label")
        } else {
            renderer.text(label, at: Point(x: mid.x + ox * 34, y: mid.y + oy * 34 + 4), anchor: .middle, classes: "wbp-t wbp-label")
        }
    }
}
