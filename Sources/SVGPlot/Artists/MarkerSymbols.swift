/// Draws one marker symbol at each point (as a group, so the paint is written
/// once); markers falling on the same half pixel are drawn once. Used by the
/// series and by the legend's swatches.
func drawMarkers(_ points: [Point], marker: Marker, size: Double, paint: Paint, into renderer: inout SVGRenderer) {
    guard !points.isEmpty else { return }
    let r = size / 2
    if marker == .cross {
        renderer.open("g", paintAttributes(stroke: paint, fill: nil) + ["stroke-width": "1.5"], newline: false)
    } else {
        renderer.open("g", paintAttributes(stroke: nil, fill: paint, classes: ["wbp-halo"]) + ["stroke-width": "0.8"], newline: false)
    }
    var drawn = Set<String>()
    for p in points {
        let x = p.x, y = p.y
        guard drawn.insert(svgNumber((x * 2).rounded()) + " " + svgNumber((y * 2).rounded())).inserted else { continue }
        switch marker {
        case .none: break
        case .circle:
            renderer.circle(at: p, radius: r)
        case .square:
            renderer.rect(Rect(x: x - r, y: y - r, w: size, h: size), newline: false)
        case .triangle:
            let h = r * 1.15
            let d = "M\(svgNumber(x)) \(svgNumber(y - h))L\(svgNumber(x + h)) \(svgNumber(y + h * 0.75)) \(svgNumber(x - h)) \(svgNumber(y + h * 0.75))Z"
            renderer.path(d, Attributes(), newline: false)
        case .cross:
            renderer.path(moveTo(Point(x: x - r, y: y - r)) + lineTo(Point(x: x + r, y: y + r))
                          + moveTo(Point(x: x - r, y: y + r)) + lineTo(Point(x: x + r, y: y - r)), Attributes(), newline: false)
        }
    }
    renderer.close("g")
}
