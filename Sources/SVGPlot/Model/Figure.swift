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
}
