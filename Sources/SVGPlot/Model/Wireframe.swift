/// A surface z = f(x, y) drawn in 3-D projection, either as coloured facets
/// (viridis by height, painter's algorithm) or as a wireframe of grid lines.
public struct Wireframe: Sendable, Equatable {
    public var grid: Grid2D
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var zLabel: String
    /// Viewing angles in degrees (matplotlib's defaults: 30 and −60).
    public var elevation: Double = 30
    public var azimuth: Double = -60
    /// Coloured facets (true) or lines only (false).
    public var filled: Bool = true
    /// Line colour of the wireframe when not filled.
    public var color: PlotColor = .palette(0)

    public init(_ grid: Grid2D, title: String = "", xLabel: String = "x", yLabel: String = "y", zLabel: String = "z",
                filled: Bool = true) {
        self.grid = grid
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.zLabel = zLabel
        self.filled = filled
    }
}
