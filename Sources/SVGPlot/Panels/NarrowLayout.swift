/// The figure laid out for a phone: every panel in one column `Figure.narrowWidth`
/// px wide, drawn anew at that width (not the wide drawing scaled down), so its
/// 11 px text is about 10 CSS px in a phone's ~345 px column and a row of panels
/// becomes a stack a reader scrolls down rather than sideways.
struct NarrowLayout {
    var width: Double
    var height: Double
    /// Each panel's cell, top to bottom.
    var cells: [Rect]
    /// The panels as drawn narrow (an image grid with fewer columns).
    var panels: [Panel]

    /// The narrowest this layout may be shown at with its smallest text at 9 CSS px.
    var minimumWidth: Double { width * Theme.minimumReadableTextSize / Theme.smallestTextSize }
}

extension Figure {
    /// The width of the narrow layout: 11 px text at ≥ 9 CSS px down to a column
    /// of 311 px (a 390 px phone leaves about 345).
    public static let narrowWidth = 380.0

    /// A figure at most this wide is shown as drawn on a phone (its text stays
    /// ≥ 9 CSS px in a 345 px column); a wider one carries a narrow layout.
    public static let widestWithoutNarrowLayout = 420.0

    /// The narrow layout, for a figure wider than `widestWithoutNarrowLayout`.
    var narrowLayout: NarrowLayout? {
        let (width, height) = size
        guard width > Self.widestWithoutNarrowLayout, !panels.isEmpty else { return nil }
        let columns = max(1, columns)
        let titleHeight = title.isEmpty ? 0.0 : Self.titleHeight
        let rows = max(1, (panels.count + columns - 1) / columns)
        let cellW = width / Double(columns), cellH = (height - titleHeight) / Double(rows)
        let narrowW = Self.narrowWidth
        var cells: [Rect] = []
        var narrowPanels: [Panel] = []
        var y = titleHeight
        for panel in panels {
            var drawn = panel
            let h: Double
            switch panel {
            case .images(var grid):
                // As many columns as leave each image at least 78 px wide and as wide as
                // its longest label (11 px ticks), so labels do not run into each other.
                let label = grid.labels.map { textWidth($0, size: Theme.smallestTextSize) }.max() ?? 0
                let cell = max(78, label + 6) + 8
                grid.columns = max(1, min(grid.columns, Int((narrowW - 20 + 8) / cell)))
                drawn = .images(grid)
                h = Self.imageGridHeight(grid, width: narrowW)
            case .axes(let axes) where axes.aspect == .equal:
                // Equal units: the wide cell's shape, so the plot fills the width.
                h = cellH * narrowW / cellW
            case .axes, .wireframe:
                // The wide cell's shape, but never flatter than 4 : 3 nor taller than it was.
                h = min(max(cellH, 120), max(cellH * narrowW / cellW, narrowW * 0.75))
            }
            cells.append(Rect(x: 0, y: y, w: narrowW, h: h))
            narrowPanels.append(drawn)
            y += h
        }
        return NarrowLayout(width: narrowW, height: y, cells: cells, panels: narrowPanels)
    }

    /// The height `ImageGridArtist` needs for `grid` at `width`, images at their aspect.
    static func imageGridHeight(_ grid: ImageGrid, width: Double) -> Double {
        let n = max(1, grid.images.count)
        let columns = min(grid.columns, n)
        let rows = (n + columns - 1) / columns
        let titleHeight = ImageGridArtist.titleHeight(lines: ImageGridArtist.titleLines(grid.title, width: width).count)
        let labelHeight = grid.labels.isEmpty ? 0.0 : 17.0
        let gap = 8.0, pad = 10.0
        let imageW = (width - 2 * pad - gap * Double(columns - 1)) / Double(columns)
        let imageH = imageW * Double(max(1, grid.height)) / Double(max(1, grid.width))
        return titleHeight + 2 * pad + Double(rows) * (imageH + labelHeight) + gap * Double(rows - 1) + 1
    }
}
