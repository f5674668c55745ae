/// A horizontal or vertical line across the whole plot (not part of the limits).
struct ReferenceLineArtist: Artist {
    let reference: Mark.Reference
    let paint: Paint

    /// Which way the line runs and where (nil when outside the limits).
    func pixel(_ transform: DataTransform) -> (vertical: Bool, pixel: Double)? {
        let map = reference.vertical ? transform.x : transform.y
        guard map.inside(reference.value), let p = map.px(reference.value) else { return nil }
        return (reference.vertical, p)
    }

    func draw(in context: inout DrawingContext) {
        let plot = context.plot, value = reference.value
        let d: String
        if reference.vertical {
            let map = context.transform.x
            guard map.inside(value), let p = map.px(value) else { return }
            d = "M\(svgNumber(p)) \(svgNumber(plot.y))V\(svgNumber(plot.maxY))"
        } else {
            let map = context.transform.y
            guard map.inside(value), let p = map.px(value) else { return }
            d = "M\(svgNumber(plot.x)) \(svgNumber(p))H\(svgNumber(plot.maxX))"
        }
        context.renderer.path(d, strokeAttributes(paint, reference.style))
    }

    var description: [String] {
        let r = reference
        return ["\(r.vertical ? "Vertical" : "Horizontal") line at \(r.vertical ? "x" : "y") = \(readableNumber(r.value))."]
    }
}
