import Foundation

/// The 3-D → 2-D projection of a surface panel: the data box normalised to
/// −1…1 (z squashed to 0.75), turned by azimuth and elevation as matplotlib
/// does, then scaled and centred to fit the panel.
struct SurfaceProjection {
    var xr: (Double, Double), yr: (Double, Double), zr: (Double, Double)
    var a: Double, e: Double
    var scale = 1.0, cx = 0.0, cy = 0.0

    /// Fitted into `rect` below a title of `titleHeight`, with a margin for the axis labels.
    init(xr: (Double, Double), yr: (Double, Double), zr: (Double, Double), azimuth: Double, elevation: Double,
         rect: Rect, titleHeight: Double) {
        self.xr = xr
        self.yr = yr
        self.zr = zr
        a = azimuth * .pi / 180
        e = elevation * .pi / 180
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for px in [xr.0, xr.1] { for py in [yr.0, yr.1] { for pz in [zr.0, zr.1] {
            let r = raw(normalised(px, py, pz))
            minX = min(minX, r.0); maxX = max(maxX, r.0); minY = min(minY, r.1); maxY = max(maxY, r.1)
        } } }
        let margin = 46.0
        let availW = rect.w - 2 * margin, availH = rect.h - titleHeight - 2 * margin + 10
        scale = max(1, min(availW / (maxX - minX), availH / (maxY - minY)))
        cx = rect.x + rect.w / 2 - (minX + maxX) / 2 * scale
        cy = rect.y + titleHeight + margin - 6 + availH / 2 + (minY + maxY) / 2 * scale
    }

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
