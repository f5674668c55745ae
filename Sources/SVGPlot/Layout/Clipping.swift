/// Liang–Barsky: the part of segment a→b inside `r`, or nil.
func clipSegment(_ a: Point, _ b: Point, to r: Rect) -> (Point, Point)? {
    let dx = b.x - a.x, dy = b.y - a.y
    var t0 = 0.0, t1 = 1.0
    let checks: [(Double, Double)] = [(-dx, a.x - r.x), (dx, r.maxX - a.x), (-dy, a.y - r.y), (dy, r.maxY - a.y)]
    for (p, q) in checks {
        if p == 0 {
            if q < 0 { return nil }
        } else {
            let t = q / p
            if p < 0 {
                if t > t1 { return nil }
                if t > t0 { t0 = t }
            } else {
                if t < t0 { return nil }
                if t < t1 { t1 = t }
            }
        }
    }
    let s = t0 == 0 ? a : Point(x: a.x + t0 * dx, y: a.y + t0 * dy)
    let e = t1 == 1 ? b : Point(x: a.x + t1 * dx, y: a.y + t1 * dy)
    return (s, e)
}

/// Cuts polylines at `bounds` (Liang–Barsky per segment); parts outside are
/// dropped, so no coordinate ends up far outside the plot. A nil point
/// (not finite, or not on a log axis) breaks the line.
func clipRuns(_ runs: [[Point?]], to bounds: Rect) -> [[Point]] {
    var result: [[Point]] = []
    for points in runs {
        var current: [Point] = []
        for i in 0..<max(0, points.count - 1) {
            guard let a = points[i], let b = points[i + 1], let (c0, c1) = clipSegment(a, b, to: bounds) else {
                if !current.isEmpty { result.append(current); current = [] }
                continue
            }
            if current.last != c0 {
                if !current.isEmpty { result.append(current) }
                current = [c0]
            }
            current.append(c1)
        }
        if !current.isEmpty { result.append(current) }
    }
    return result
}
