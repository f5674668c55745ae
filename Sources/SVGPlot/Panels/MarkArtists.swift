/// The artists of an axes' marks, in order, with their colours resolved:
/// every `.auto` colour takes the next palette colour, in the order the marks
/// (and the series of bar marks) were added; text takes the current one
/// without using it up.
func makeArtists(_ marks: [Mark]) -> [any Artist] {
    var autoIndex = 0
    func paint(_ color: PlotColor) -> Paint {
        defer { if color == .auto { autoIndex += 1 } }
        return Paint(color, autoIndex: autoIndex)
    }
    var artists: [any Artist] = []
    for mark in marks {
        switch mark.kind {
        case .series(let s):
            artists.append(SeriesArtist(series: s, paint: paint(s.style?.color ?? s.markerColor)))
        case .quiver(let q):
            artists.append(QuiverArtist(quiver: q, paint: paint(q.color)))
        case .reference(let r):
            artists.append(ReferenceLineArtist(reference: r, paint: paint(r.style.color)))
        case .text(let t):
            artists.append(TextArtist(annotation: t, paint: Paint(t.color, autoIndex: autoIndex)))
        case .bars(let b):
            artists.append(BarsArtist(bars: b, paints: b.series.map { paint($0.color) }))
        case .contour(let c):
            if c.filled { artists.append(HeatMapArtist(contour: c)) }
            artists.append(ContourLinesArtist(contour: c))
        }
    }
    return artists
}
