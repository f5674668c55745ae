import Foundation

/// One cell of a figure's grid.
public enum Panel: Sendable, Equatable {
    /// A 2-D chart.
    case axes(Axes)
    /// A 3-D wireframe/surface in projection.
    case wireframe(Wireframe)
    /// A grid of small greyscale images with labels.
    case images(ImageGrid)
}

/// A whole picture: a size, an optional title and panels laid out in a grid
/// (row by row, `columns` per row). `render()` is a pure function of the value.
public struct Figure: Sendable, Equatable {
    public var width: Double
    public var height: Double
    /// Shown above the panels and used as the SVG `<title>` (falls back to the panel titles).
    public var title: String
    /// Panels per row; the number of rows follows from `panels.count`.
    public var columns: Int
    public var panels: [Panel]
    /// Prefix of the SVG element ids; empty: derived from a hash of the content,
    /// so equal figures get equal ids and different figures on one page do not clash.
    public var id: String = ""

    /// Sizes that are not finite or below 10 px are replaced by 640 × 400 or 10 px.
    public init(width: Double = 640, height: Double = 400, title: String = "", columns: Int? = nil, panels: [Panel]) {
        self.width = width
        self.height = height
        self.title = title
        self.columns = max(1, columns ?? max(1, panels.count))
        self.panels = panels
    }

    /// Axes side by side (or `columns` per row).
    public init(width: Double = 640, height: Double = 400, title: String = "", columns: Int? = nil, axes: [Axes]) {
        self.init(width: width, height: height, title: title, columns: columns, panels: axes.map(Panel.axes))
    }

    /// The text of the SVG `<desc>`: what is plotted, axis ranges, series and their
    /// extremes, clipped points. Use it as HTML alt text.
    public var summary: String {
        layout().description
    }

    /// The figure as a standalone, byte-deterministic SVG document.
    public func render() -> String {
        let parts = layout()
        let (width, height) = size
        let w = svgNumber(width), h = svgNumber(height)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
        svg += " role=\"img\" aria-labelledby=\"\(placeholder)-title \(placeholder)-desc\" class=\"wbp-root\">\n"
        svg += "<title id=\"\(placeholder)-title\">\(svgEscape(parts.title))</title>\n"
        svg += "<desc id=\"\(placeholder)-desc\">\(svgEscape(parts.description))</desc>\n"
        svg += "<style>\(Theme.css)</style>\n"
        svg += "<rect class=\"wbp-bg\" width=\"\(w)\" height=\"\(h)\"/>\n"
        svg += parts.body
        svg += "</svg>\n"
        let identifier = id.isEmpty ? "wbp" + fnv1aHex(svg) : svgEscape(id)
        return svg.replacingOccurrences(of: placeholder, with: identifier)
    }

    struct Parts {
        var title: String
        var description: String
        var body: String
    }

    /// The usable size (see `init`).
    var size: (Double, Double) {
        (width.isFinite ? max(10, width) : 640, height.isFinite ? max(10, height) : 400)
    }

    func layout() -> Parts {
        let (width, height) = size
        let columns = max(1, columns)
        var body = ""
        var descriptions: [String] = []
        let titleHeight = title.isEmpty ? 0.0 : 30.0
        if !title.isEmpty {
            body += "<text class=\"wbp-t wbp-title\" x=\"\(svgNumber(width / 2))\" y=\"20\" text-anchor=\"middle\">\(svgEscape(title))</text>\n"
        }
        let rows = max(1, (panels.count + columns - 1) / columns)
        let cellW = width / Double(columns)
        let cellH = (height - titleHeight) / Double(rows)
        var panelTitles: [String] = []
        func cell(_ index: Int) -> Rect {
            Rect(x: Double(index % columns) * cellW, y: titleHeight + Double(index / columns) * cellH, w: cellW, h: cellH)
        }
        let renderers = panels.enumerated().map { index, panel -> AxesRenderer? in
            guard case .axes(let axes) = panel else { return nil }
            return AxesRenderer(axes: axes, rect: cell(index), id: "\(placeholder)-\(index)")
        }
        // Rows in which some panel notes clipped points: every panel of the row keeps room for it.
        let rowsWithNotes = Set(renderers.indices.filter { renderers[$0]?.clipsPoints == true }.map { $0 / columns })
        for (index, panel) in panels.enumerated() {
            let rect = cell(index)
            switch panel {
            case .axes(let axes):
                var renderer = renderers[index]!
                renderer.reserveNoteSpace = rowsWithNotes.contains(index / columns)
                let result = renderer.render()
                body += result.svg
                descriptions.append(result.description)
                if !axes.title.isEmpty { panelTitles.append(axes.title) }
            case .wireframe(let wire):
                let result = wire.render(in: rect)
                body += result.svg
                descriptions.append(result.description)
                if !wire.title.isEmpty { panelTitles.append(wire.title) }
            case .images(let grid):
                let result = grid.render(in: rect)
                body += result.svg
                descriptions.append(result.description)
                if !grid.title.isEmpty { panelTitles.append(grid.title) }
            }
        }
        let svgTitle = !title.isEmpty ? title : (panelTitles.isEmpty ? "Plot" : panelTitles.joined(separator: " / "))
        var description = descriptions.joined(separator: " ")
        if panels.count > 1 { description = "\(panels.count) panels. " + description }
        return Parts(title: svgTitle, description: description, body: body)
    }
}

/// Stands in for the id prefix until the document hash is known (a control
/// character, which `svgEscape` removes from user text, so it cannot clash).
let placeholder = "\u{1}"

func fnv1aHex(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    return String(padded.prefix(8))
}

struct Rect: Equatable {
    var x: Double, y: Double, w: Double, h: Double
    var maxX: Double { x + w }
    var maxY: Double { y + h }
    func contains(_ px: Double, _ py: Double, tolerance: Double = 0.01) -> Bool {
        px >= x - tolerance && px <= maxX + tolerance && py >= y - tolerance && py <= maxY + tolerance
    }
}

struct PanelResult {
    var svg: String
    var description: String
}

/// `<text …>` with escaped content.
func textElement(_ text: String, x: Double, y: Double, anchor: String = "", classes: String = "wbp-t", extra: String = "") -> String {
    let anchorAttr = anchor.isEmpty ? "" : " text-anchor=\"\(anchor)\""
    return "<text class=\"\(classes)\" x=\"\(svgNumber(x))\" y=\"\(svgNumber(y))\"\(anchorAttr)\(extra)>\(svgEscape(text))</text>\n"
}
