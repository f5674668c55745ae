/// The alt text of an axes panel, built from the same artists that draw it:
/// the title, both axes with their final ranges, each artist's sentences and
/// the clipped points.
struct AxesDescription {
    let axes: Axes
    let artists: [any Artist]
    let layout: AxesLayout

    var text: String {
        var parts: [String] = []
        parts.append(axes.title.isEmpty ? "Chart." : "Chart “\(axes.title)”.")
        let x = layout.transform.x, y = layout.transform.y
        let yText = axisText("y", axes.yLabel, y.lo, y.hi, axes.yScale)
        if let categories = artists.lazy.compactMap({ ($0 as? BarsArtist)?.bars.categories }).first {
            let named = axes.xLabel.isEmpty ? "x axis" : "x axis “\(axes.xLabel)”"
            parts.append("\(named): categories \(categories.joined(separator: ", ")); " + yText + ".")
        } else {
            parts.append(axisText("x", axes.xLabel, x.lo, x.hi, axes.xScale) + "; " + yText + ".")
        }
        for artist in artists { parts += artist.description }
        if layout.clipped.total > 0 { parts.append(layout.clipped.note + ".") }
        return parts.joined(separator: " ")
    }

    private func axisText(_ name: String, _ label: String, _ lo: Double, _ hi: Double, _ scale: Scale) -> String {
        let named = label.isEmpty ? "\(name) axis" : "\(name) axis “\(label)”"
        return "\(named) from \(readableNumber(lo)) to \(readableNumber(hi))\(scale == .log ? " (log scale)" : "")"
    }
}
