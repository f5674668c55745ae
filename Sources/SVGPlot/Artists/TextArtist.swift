/// A text annotation anchored at a data point; not drawn when the point is outside the plot.
struct TextArtist: Artist {
    let annotation: Mark.Annotation
    let paint: Paint

    func draw(in context: inout DrawingContext) {
        let t = annotation
        guard let p = context.transform.point(t.x, t.y), context.plot.contains(p.x, p.y, tolerance: 1) else { return }
        // A halo in the background colour keeps the text legible over lines and labels.
        var classes = "wbp-t"
        var attributes: Attributes = ["font-size": svgNumber(t.size)]
        if paint != .themed("fg") {
            switch paint {
            case .themed(let s): classes = "wbp-f\(s)"
            case .literal(let hex): attributes.add("fill", hex)
            }
        }
        classes += " wbp-halo"
        attributes.add("stroke-width", "3")
        attributes.add("paint-order", "stroke")
        context.renderer.text(t.text, at: p, anchor: t.anchor, classes: classes, attributes)
    }

    var description: [String] { ["Note “\(annotation.text)”."] }
}
