/// Keeps, per run of consecutive points in the same pixel column, the first,
/// lowest, highest and last point (in their original order): the envelope of
/// a dense curve survives with a few points per column.
func thinPerPixelColumn(_ run: [Point]) -> [Point] {
    guard run.count > 8 else { return run }
    var out: [Point] = []
    var start = 0
    while start < run.count {
        let column = run[start].x.rounded(.down)
        var end = start
        var lowest = start, highest = start
        while end + 1 < run.count && run[end + 1].x.rounded(.down) == column {
            end += 1
            if run[end].y < run[lowest].y { lowest = end }
            if run[end].y > run[highest].y { highest = end }
        }
        var keep = [start, lowest, highest, end]
        keep.sort()
        var last = -1
        for k in keep where k != last {
            out.append(run[k])
            last = k
        }
        start = end + 1
    }
    return out
}

/// The `d` of a path through the runs (`M…L… …`), points that round to the
/// previous one skipped; runs of fewer than two points are left out.
func pathData(_ runs: [[Point]]) -> String {
    var d = ""
    for run in runs where run.count >= 2 {
        d += "M" + svgNumber(run[0].x) + " " + svgNumber(run[0].y)
        var previous = (svgNumber(run[0].x), svgNumber(run[0].y))
        var first = true
        for p in run.dropFirst() {
            let current = (svgNumber(p.x), svgNumber(p.y))
            if current == previous { continue }
            d += (first ? "L" : " ") + current.0 + " " + current.1
            first = false
            previous = current
        }
        if first { d += "L" + previous.0 + " " + previous.1 }
    }
    return d
}

/// `M x y` for path data.
func moveTo(_ p: Point) -> String {
    "M\(svgNumber(p.x)) \(svgNumber(p.y))"
}

/// `L x y` for path data.
func lineTo(_ p: Point) -> String {
    "L\(svgNumber(p.x)) \(svgNumber(p.y))"
}
