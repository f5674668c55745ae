/// Lays a figure's panels out in their grid, draws each through one
/// `SVGRenderer` and writes the SVG document around them.
extension Figure {
    /// The text of the SVG `<desc>`: what is plotted, axis ranges, series and their
    /// extremes, clipped points. Use it as HTML alt text.
    public var summary: String {
        draw().description
    }

    /// The figure as a standalone, byte-deterministic SVG document.
    ///
    /// A figure wider than a phone's column also carries its narrow layout
    /// (``narrowLayout``: panels stacked in one column `Figure.narrowWidth` wide):
    /// the root then has no viewBox but two nested `<svg>`, `wbp-wide` (shown) and
    /// `wbp-narrow` (hidden), each filling it, and its CSS `aspect-ratio` follows
    /// `--wbp-aspect`. A page's stylesheet shows the narrow one on a small screen by
    /// swapping their `display` and setting `aspect-ratio: var(--wbp-narrow-aspect)`.
    public func render() -> String {
        let drawing = draw()
        let (width, height) = size
        let w = svgNumber(width), h = svgNumber(height)
        let narrow = narrowLayout
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\""
        if narrow == nil { svg += " viewBox=\"0 0 \(w) \(h)\"" }
        svg += " role=\"img\" aria-labelledby=\"\(placeholder)-title \(placeholder)-desc\" class=\"wbp-root\(narrow == nil ? "" : " wbp-responsive")\" id=\"\(placeholder)\">\n"
        svg += "<title id=\"\(placeholder)-title\">\(svgEscape(drawing.title))</title>\n"
        svg += "<desc id=\"\(placeholder)-desc\">\(svgEscape(drawing.description))</desc>\n"
        // The sizes as custom properties of this figure only (its id), not an inline
        // style: a page may set the root's style attribute (OutputLocalizer does).
        var properties = "--wbp-min-width:\(svgNumber(minimumWidth.rounded(.up)))px"
        if let narrow {
            properties += ";--wbp-aspect:\(w)/\(h);--wbp-narrow-aspect:\(svgNumber(narrow.width))/\(svgNumber(narrow.height))"
            properties += ";--wbp-narrow-min-width:\(svgNumber(narrow.minimumWidth.rounded(.up)))px"
        }
        svg += "<style>\(Theme.css)#\(placeholder){\(properties)}\n</style>\n"
        if let narrow {
            svg += "<svg class=\"wbp-wide\" width=\"100%\" height=\"100%\" viewBox=\"0 0 \(w) \(h)\">\n"
            svg += "<rect class=\"wbp-bg\" width=\"\(w)\" height=\"\(h)\"/>\n" + drawing.body + "</svg>\n"
            let nw = svgNumber(narrow.width), nh = svgNumber(narrow.height)
            svg += "<svg class=\"wbp-narrow\" width=\"100%\" height=\"100%\" viewBox=\"0 0 \(nw) \(nh)\">\n"
            svg += "<rect class=\"wbp-bg\" width=\"\(nw)\" height=\"\(nh)\"/>\n"
            svg += draw(in: narrow.cells, width: narrow.width, panels: narrow.panels, rowOf: { $0 }, idPrefix: "\(placeholder)-n").body
            svg += "</svg>\n"
        } else {
            svg += "<rect class=\"wbp-bg\" width=\"\(w)\" height=\"\(h)\"/>\n"
            svg += drawing.body
        }
        svg += "</svg>\n"
        let identifier = id.isEmpty ? "wbp" + fnv1aHex(svg) : svgEscape(id)
        return svg.replacingOccurrences(of: placeholder, with: identifier)
    }

    /// The narrowest this figure may be shown at so that its smallest text
    /// (11 px: ticks, legends, notes) stays at least 9 CSS px. Written into the
    /// SVG's style as the CSS custom property `--wbp-min-width` of the root
    /// (`#id{…}`), for a page's stylesheet to use as `min-width` (with sideways
    /// scrolling) on narrow screens.
    public var minimumWidth: Double {
        size.0 * Theme.minimumReadableTextSize / Theme.smallestTextSize
    }

    /// The usable size (see `init`).
    var size: (Double, Double) {
        (width.isFinite ? max(10, width) : 640, height.isFinite ? max(10, height) : 400)
    }

    /// The drawn panels and what the document says about them.
    struct Drawing {
        var title: String
        var description: String
        var body: String
    }

    func draw() -> Drawing {
        let (width, height) = size
        let columns = max(1, columns)
        let titleHeight = title.isEmpty ? 0.0 : Self.titleHeight
        let rows = max(1, (panels.count + columns - 1) / columns)
        let cellW = width / Double(columns)
        let cellH = (height - titleHeight) / Double(rows)
        let cells = panels.indices.map { index in
            Rect(x: Double(index % columns) * cellW, y: titleHeight + Double(index / columns) * cellH, w: cellW, h: cellH)
        }
        return draw(in: cells, width: width, panels: panels, rowOf: { $0 / columns }, idPrefix: placeholder)
    }

    /// Room for the figure's title above the panels.
    static let titleHeight = 30.0

    /// Draws `panels` into `cells`; `rowOf` says which panels share a row (and so
    /// keep room for a clipping note when one of them has it).
    func draw(in cells: [Rect], width: Double, panels: [Panel], rowOf: (Int) -> Int, idPrefix: String) -> Drawing {
        var renderer = SVGRenderer()
        if !title.isEmpty {
            renderer.text(title, at: Point(x: width / 2, y: 20), anchor: .middle, classes: "wbp-t wbp-title")
        }
        let axesPanels = panels.enumerated().map { index, panel -> AxesPanel? in
            guard case .axes(let axes) = panel else { return nil }
            return AxesPanel(axes: axes, rect: cells[index], id: "\(idPrefix)-\(index)")
        }
        // Rows in which some panel notes clipped points: every panel of the row keeps room for it.
        let rowsWithNotes = Set(axesPanels.indices.filter { axesPanels[$0]?.clipsPoints == true }.map(rowOf))
        var descriptions: [String] = []
        var panelTitles: [String] = []
        for (index, panel) in panels.enumerated() {
            switch panel {
            case .axes(let axes):
                let axesPanel = axesPanels[index]!
                let layout = axesPanel.layout(reserveNoteSpace: rowsWithNotes.contains(rowOf(index)))
                axesPanel.draw(layout, into: &renderer)
                descriptions.append(axesPanel.description(layout))
                if !axes.title.isEmpty { panelTitles.append(axes.title) }
            case .wireframe(let surface):
                let artist = SurfaceArtist(surface: surface, rect: cells[index])
                artist.draw(into: &renderer)
                descriptions.append(artist.description)
                if !surface.title.isEmpty { panelTitles.append(surface.title) }
            case .images(let grid):
                let artist = ImageGridArtist(grid: grid, rect: cells[index])
                artist.draw(into: &renderer)
                descriptions.append(artist.description)
                if !grid.title.isEmpty { panelTitles.append(grid.title) }
            }
        }
        let svgTitle = !title.isEmpty ? title : (panelTitles.isEmpty ? "Plot" : panelTitles.joined(separator: " / "))
        var description = descriptions.joined(separator: " ")
        if panels.count > 1 { description = "\(panels.count) panels. " + description }
        return Drawing(title: svgTitle, description: description, body: renderer.svg)
    }
}

/// Stands in for the id prefix until the document hash is known (a control
/// character, which `svgEscape` removes from user text, so it cannot clash).
let placeholder = "\u{1}"

/// The first 8 hex digits of the FNV-1a hash of `text` (the figure's id).
func fnv1aHex(_ text: String) -> String {
    var hash = FNV1a()
    for byte in text.utf8 { hash.add(byte) }
    return String(hash.hex.prefix(8))
}
