/// A colour of a mark.
///
/// Palette colours and the theme colours (`foreground`, `gray`) are written as
/// CSS classes, so they switch to lighter variants in dark mode; `rgb` colours
/// are written literally and look the same in both modes.
public enum PlotColor: Sendable, Equatable, Hashable {
    /// The next unused palette colour of the axes (in the order marks were added).
    case auto
    /// Colour `n` (modulo 8) of the colour-blind-safe palette (Okabe–Ito based).
    case palette(Int)
    /// The text and axis colour (near black, near white in dark mode).
    case foreground
    /// A neutral grey, e.g. for quiver arrows.
    case gray
    /// A literal colour, identical in light and dark mode.
    case rgb(UInt8, UInt8, UInt8)
}

/// The dash pattern of a line.
public enum Dash: Sendable, Equatable, Hashable {
    case solid, dashed, dotted, dashDot
}

/// Colour, width and dash of a line.
public struct LineStyle: Sendable, Equatable, Hashable {
    public var color: PlotColor
    /// Stroke width in pixels.
    public var width: Double
    public var dash: Dash
    /// 0…1; below 1 the line is see-through (e.g. a noisy raw curve under its mean).
    public var opacity: Double

    public init(color: PlotColor = .auto, width: Double = 1.5, dash: Dash = .solid, opacity: Double = 1) {
        self.color = color
        self.width = width
        self.dash = dash
        self.opacity = opacity
    }

    /// A solid line in the next palette colour.
    public static let solid = LineStyle()
    /// A dashed line in the next palette colour.
    public static let dashed = LineStyle(dash: .dashed)
    /// A dotted line in the next palette colour.
    public static let dotted = LineStyle(dash: .dotted)
}

/// The symbol drawn at each data point.
public enum Marker: Sendable, Equatable, Hashable {
    case none, circle, square, triangle, cross
}

/// Where a legend goes inside the plot area.
public enum LegendPlacement: Sendable, Equatable, Hashable {
    /// The corner that covers the fewest data points.
    case best
    case upperRight, upperLeft, lowerLeft, lowerRight
    /// No legend.
    case hidden
}

/// Horizontal alignment of a text annotation relative to its anchor point.
public enum TextAnchor: Sendable, Equatable, Hashable {
    case start, middle, end
}

/// The scale of an axis.
public enum Scale: Sendable, Equatable, Hashable {
    case linear
    /// Base-10 logarithmic; non-positive values are clipped.
    case log
}

/// The range of an axis.
public enum Limits: Sendable, Equatable, Hashable {
    /// From the finite data, with a 5 % margin on each side (none for heat maps).
    case auto
    /// Exactly `lower...upper`; data outside is clipped and counted in a note.
    case fixed(Double, Double)
    /// Like `auto`, but ignoring far outliers of lines, markers and arrows
    /// (beyond the 1st…99th percentile range widened by half its width on
    /// each side); the outliers are clipped and counted in the note.
    case robust
}

/// The aspect ratio of the data units.
public enum Aspect: Sendable, Equatable, Hashable {
    /// Fill the plot area.
    case auto
    /// One unit of x is as long as one unit of y (both scales linear).
    case equal
}
