import Foundation

/// Maps data values of one axis to pixels (linear or log10).
struct AxisMap {
    var lo: Double, hi: Double
    var log: Bool
    var p0: Double, p1: Double   // pixel of lo, pixel of hi

    func transform(_ v: Double) -> Double? {
        guard v.isFinite else { return nil }
        if log { return v > 0 ? log10(v) : nil }
        return v
    }

    var tlo: Double { log ? log10(lo) : lo }
    var thi: Double { log ? log10(hi) : hi }

    /// The pixel of `v`; nil when `v` is not finite, not positive on a log axis, or the span is empty.
    func px(_ v: Double) -> Double? {
        guard let t = transform(v) else { return nil }
        let span = thi - tlo
        guard span > 0 else { return nil }
        let p = p0 + (t - tlo) / span * (p1 - p0)
        return p.isFinite ? p : nil
    }

    /// Within the limits (with a tiny relative tolerance).
    func inside(_ v: Double) -> Bool {
        guard let t = transform(v) else { return false }
        let tol = (thi - tlo) * 1e-9
        return t >= tlo - tol && t <= thi + tol
    }

    /// Pixels per data unit (linear axes).
    var scale: Double { (p1 - p0) / (hi - lo) }
}

/// Both axes of a plot: data → pixels.
struct DataTransform {
    var x: AxisMap
    var y: AxisMap

    /// The pixel of a data point, nil when either coordinate has none.
    func point(_ x: Double, _ y: Double) -> Point? {
        guard let px = self.x.px(x), let py = self.y.px(y) else { return nil }
        return Point(x: px, y: py)
    }
}
