/// Where a contour crosses the grid: on the horizontal edge (i, j)–(i+1, j)
/// or the vertical edge (i, j)–(i, j+1).
struct EdgeKey: Hashable {
    var vertical: Bool
    var i: Int, j: Int
}

struct ContourSegment {
    var a: Point, b: Point
    var keyA: EdgeKey, keyB: EdgeKey
}

/// Contour segments of `grid` at `level` (marching squares, saddles resolved
/// by the cell centre), in data coordinates.
func marchingSquares(_ grid: Grid2D, level: Double) -> [ContourSegment] {
    var segments: [ContourSegment] = []
    let nx = grid.x.count, ny = grid.y.count
    guard nx >= 2, ny >= 2 else { return [] }
    for j in 0..<(ny - 1) {
        for i in 0..<(nx - 1) {
            let v00 = grid.at(i, j), v10 = grid.at(i + 1, j), v11 = grid.at(i + 1, j + 1), v01 = grid.at(i, j + 1)
            guard v00.isFinite, v10.isFinite, v11.isFinite, v01.isFinite else { continue }
            var index = 0
            if v00 >= level { index |= 1 }
            if v10 >= level { index |= 2 }
            if v11 >= level { index |= 4 }
            if v01 >= level { index |= 8 }
            if index == 0 || index == 15 { continue }
            let x0 = grid.x[i], x1 = grid.x[i + 1], y0 = grid.y[j], y1 = grid.y[j + 1]
            func lerp(_ a: Double, _ b: Double, _ va: Double, _ vb: Double) -> Double {
                va == vb ? (a + b) / 2 : a + (level - va) / (vb - va) * (b - a)
            }
            let bottom = (Point(x: lerp(x0, x1, v00, v10), y: y0), EdgeKey(vertical: false, i: i, j: j))
            let top = (Point(x: lerp(x0, x1, v01, v11), y: y1), EdgeKey(vertical: false, i: i, j: j + 1))
            let leftP = (Point(x: x0, y: lerp(y0, y1, v00, v01)), EdgeKey(vertical: true, i: i, j: j))
            let rightP = (Point(x: x1, y: lerp(y0, y1, v10, v11)), EdgeKey(vertical: true, i: i + 1, j: j))
            func add(_ p: (Point, EdgeKey), _ q: (Point, EdgeKey)) {
                segments.append(ContourSegment(a: p.0, b: q.0, keyA: p.1, keyB: q.1))
            }
            let centreAbove = (v00 + v10 + v11 + v01) / 4 >= level
            switch index {
            case 1, 14: add(leftP, bottom)
            case 2, 13: add(bottom, rightP)
            case 3, 12: add(leftP, rightP)
            case 4, 11: add(rightP, top)
            case 6, 9: add(bottom, top)
            case 7, 8: add(leftP, top)
            case 5:
                if centreAbove { add(bottom, rightP); add(leftP, top) } else { add(leftP, bottom); add(rightP, top) }
            case 10:
                if centreAbove { add(leftP, bottom); add(rightP, top) } else { add(bottom, rightP); add(leftP, top) }
            default: break
            }
        }
    }
    return segments
}

/// Joins contour segments sharing a grid edge into polylines (deterministic:
/// chains start from the lowest-numbered unused segment).
func chainContour(_ segments: [ContourSegment]) -> [[Point]] {
    var byKey: [EdgeKey: [Int]] = [:]
    for (n, s) in segments.enumerated() {
        byKey[s.keyA, default: []].append(n)
        byKey[s.keyB, default: []].append(n)
    }
    var used = [Bool](repeating: false, count: segments.count)
    var chains: [[Point]] = []
    func extend(_ chain: inout [Point], from key: EdgeKey) {
        var key = key
        while let next = byKey[key]?.first(where: { !used[$0] }) {
            used[next] = true
            let s = segments[next]
            if s.keyA == key { chain.append(s.b); key = s.keyB } else { chain.append(s.a); key = s.keyA }
        }
    }
    for start in segments.indices where !used[start] {
        used[start] = true
        var forward = [segments[start].a, segments[start].b]
        extend(&forward, from: segments[start].keyB)
        var backward: [Point] = []
        extend(&backward, from: segments[start].keyA)
        chains.append(backward.reversed() + forward)
    }
    return chains
}
