/// One `Axes` in its cell of the figure: its artists, their limits, the
/// layout computed once from both, and the drawing and description of all.
struct AxesPanel {
    let axes: Axes
    let rect: Rect
    /// Prefix of the clip path id.
    let id: String
    let artists: [any Artist]
    let limits: DataLimits

    init(axes: Axes, rect: Rect, id: String) {
        self.axes = axes
        self.rect = rect
        self.id = id
        artists = makeArtists(axes.marks)
        limits = DataLimits(axes: axes, artists: artists)
    }

    /// Whether this panel may show a clipping note (its row then keeps room for one).
    var clipsPoints: Bool { limits.clipsPoints }

    /// The labels of a categorical x axis: the first bar chart's categories.
    private var categories: [String]? {
        artists.lazy.compactMap { ($0 as? BarsArtist)?.bars.categories }.first
    }

    /// The first heat map's colour bar, when its values have a finite range.
    private var colorBar: (range: (Double, Double), label: String)? {
        guard let heatMap = artists.lazy.compactMap({ $0 as? HeatMapArtist }).first, let range = heatMap.valueRange else { return nil }
        return (range, heatMap.contour.colorBarLabel)
    }

    func layout(reserveNoteSpace: Bool) -> AxesLayout {
        AxesLayout(axes: axes, limits: limits, artists: artists, rect: rect, categories: categories,
                   colorBar: colorBar, reserveNoteSpace: reserveNoteSpace)
    }

    /// Draws the panel: grid, the artists clipped to the plot, frame and ticks, colour bar, legend, note.
    func draw(_ layout: AxesLayout, into renderer: inout SVGRenderer) {
        let axis = AxisArtist(axes: axes, layout: layout)
        renderer.open("g", ["class": "wbp-axes"])
        if axes.grid { axis.drawGrid(into: &renderer) }
        var context = DrawingContext(renderer: renderer, layout: layout)
        context.referenceLines = artists.compactMap { ($0 as? ReferenceLineArtist)?.pixel(layout.transform) }
        context.renderer.openClippedGroup(id: "\(id)-clip", rect: layout.plot)
        for artist in artists { artist.draw(in: &context) }
        context.renderer.close("g")
        renderer = context.renderer
        axis.draw(into: &renderer)
        if let colorBar {
            ColorBarArtist(range: colorBar.range, label: colorBar.label).draw(beside: layout.plot, into: &renderer)
        }
        let entries = artists.flatMap(\.legendEntries)
        if axes.legend != .hidden && !entries.isEmpty {
            LegendArtist(entries: entries, placement: axes.legend).draw(in: layout.plot, occupied: context.occupied, into: &renderer)
        }
        axis.drawClipNote(into: &renderer)
        renderer.close("g")
    }

    /// The alt text of the panel as laid out.
    func description(_ layout: AxesLayout) -> String {
        AxesDescription(axes: axes, artists: artists, layout: layout).text
    }
}
