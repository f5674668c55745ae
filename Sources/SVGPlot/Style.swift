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

    public init(color: PlotColor = .auto, width: Double = 1.5, dash: Dash = .solid) {
        self.color = color
        self.width = width
        self.dash = dash
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

// MARK: - Theme (internal)

struct PaletteEntry {
    let light: String
    let dark: String
}

enum Theme {
    /// Okabe–Ito based, reordered so the first colours are the most distinct;
    /// dark variants are lightened so they read on a near-black background.
    static let palette: [PaletteEntry] = [
        PaletteEntry(light: "#0072b2", dark: "#56a8e8"),  // blue
        PaletteEntry(light: "#d55e00", dark: "#ff8a4c"),  // vermillion
        PaletteEntry(light: "#009e73", dark: "#2fcf9f"),  // bluish green
        PaletteEntry(light: "#e69f00", dark: "#f5be42"),  // orange
        PaletteEntry(light: "#cc79a7", dark: "#eda0cc"),  // reddish purple
        PaletteEntry(light: "#56b4e9", dark: "#a8dcf7"),  // sky blue
        PaletteEntry(light: "#4d4d4d", dark: "#cfcfcf"),  // dark grey
        PaletteEntry(light: "#b8a200", dark: "#f0e442"),  // yellow
    ]

    static let fontStack = "system-ui, -apple-system, \"Segoe UI\", \"Hiragino Sans\", \"Noto Sans CJK JP\", sans-serif"

    static let css: String = {
        var light = ""
        var dark = ""
        for (i, entry) in palette.enumerated() {
            light += ".wbp-s\(i){stroke:\(entry.light)}.wbp-f\(i){fill:\(entry.light)}"
            dark += ".wbp-s\(i){stroke:\(entry.dark)}.wbp-f\(i){fill:\(entry.dark)}"
        }
        return "\n.wbp-root{font-family:\(Theme.fontStack);font-size:12px}"
            + "\n.wbp-bg{fill:#ffffff}.wbp-t{fill:#1f1f1f}.wbp-tm{fill:#666666}"
            + ".wbp-axis{stroke:#1f1f1f;fill:none}.wbp-grid{stroke:#e4e4e4;fill:none}"
            + ".wbp-legend{fill:#ffffff;fill-opacity:0.88;stroke:#cccccc}"
            + ".wbp-sfg{stroke:#1f1f1f}.wbp-ffg{fill:#1f1f1f}.wbp-sgray{stroke:#6b6b6b}.wbp-fgray{fill:#6b6b6b}"
            + ".wbp-halo{stroke:#ffffff}"
            + "\n.wbp-tick{font-size:11px}.wbp-label{font-size:13px}.wbp-title{font-size:14px;font-weight:600}.wbp-note{font-size:11px;font-style:italic}"
            + "\n" + light
            + "\n@media (prefers-color-scheme: dark){"
            + "\n.wbp-bg{fill:#17181a}.wbp-t{fill:#e8e8e8}.wbp-tm{fill:#a8a8a8}"
            + ".wbp-axis{stroke:#d8d8d8}.wbp-grid{stroke:#3a3b3e}"
            + ".wbp-legend{fill:#17181a;stroke:#55575b}"
            + ".wbp-sfg{stroke:#e8e8e8}.wbp-ffg{fill:#e8e8e8}.wbp-sgray{stroke:#a3a3a3}.wbp-fgray{fill:#a3a3a3}"
            + ".wbp-halo{stroke:#17181a}"
            + "\n" + dark + "\n}\n"
    }()
}

/// A resolved colour: either a theme class suffix or a literal hex colour.
enum Paint: Equatable {
    case themed(String)   // suffix: "0"..."7", "fg", "gray"
    case literal(String)  // "#rrggbb"

    init(_ color: PlotColor, autoIndex: Int = 0) {
        switch color {
        case .auto: self = .themed(String(((autoIndex % 8) + 8) % 8))
        case .palette(let i): self = .themed(String(((i % 8) + 8) % 8))
        case .foreground: self = .themed("fg")
        case .gray: self = .themed("gray")
        case .rgb(let r, let g, let b): self = .literal(hexColor(r, g, b))
        }
    }
}

func hexColor(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    var s = "#"
    for v in [r, g, b] {
        s.append(digits[Int(v >> 4)])
        s.append(digits[Int(v & 15)])
    }
    return s
}

/// ` class="…" stroke="…" fill="…"` for a stroke and/or fill paint, plus extra classes.
func paintAttributes(stroke: Paint?, fill: Paint?, classes: [String] = []) -> String {
    var classList = classes
    var attrs = ""
    if let stroke {
        switch stroke {
        case .themed(let s): classList.append("wbp-s\(s)")
        case .literal(let hex): attrs += " stroke=\"\(hex)\""
        }
    }
    if let fill {
        switch fill {
        case .themed(let s): classList.append("wbp-f\(s)")
        case .literal(let hex): attrs += " fill=\"\(hex)\""
        }
    } else {
        attrs += " fill=\"none\""
    }
    let classAttr = classList.isEmpty ? "" : " class=\"\(classList.joined(separator: " "))\""
    return classAttr + attrs
}

func dashArray(_ dash: Dash, width: Double) -> String {
    let w = max(1, width)
    switch dash {
    case .solid: return ""
    case .dashed: return " stroke-dasharray=\"\(svgNumber(4 * w)) \(svgNumber(2.5 * w))\""
    case .dotted: return " stroke-dasharray=\"\(svgNumber(1 * w)) \(svgNumber(2 * w))\""
    case .dashDot: return " stroke-dasharray=\"\(svgNumber(4 * w)) \(svgNumber(2 * w)) \(svgNumber(1 * w)) \(svgNumber(2 * w))\""
    }
}
