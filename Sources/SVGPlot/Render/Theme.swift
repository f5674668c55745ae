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

    /// DejaVu Sans first: text widths are measured with its metrics (`FontMetrics`), and
    /// it is wider than the fonts behind it, so boxes fit whichever the reader has.
    /// The CJK fonts are there for Japanese figure text (the Japanese edition).
    static let fontStack = "\"DejaVu Sans\", system-ui, -apple-system, \"Segoe UI\", \"Hiragino Sans\", \"Noto Sans CJK JP\", sans-serif"

    /// The smallest font size figures draw (ticks, legends, notes), in px.
    static let smallestTextSize = 11.0
    /// What a reader can still read on a phone, in CSS px.
    static let minimumReadableTextSize = 9.0

    static let css: String = {
        var light = ""
        var dark = ""
        for (i, entry) in palette.enumerated() {
            light += ".wbp-s\(i){stroke:\(entry.light)}.wbp-f\(i){fill:\(entry.light)}"
            dark += ".wbp-s\(i){stroke:\(entry.dark)}.wbp-f\(i){fill:\(entry.dark)}"
        }
        // A figure with a narrow layout (no viewBox on its root) keeps its shape by
        // aspect-ratio and shows its wide drawing unless a page's stylesheet swaps them.
        return "\n.wbp-root{font-family:\(Theme.fontStack);font-size:12px}"
            + ".wbp-responsive{aspect-ratio:var(--wbp-aspect)}svg.wbp-narrow{display:none}"
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

/// `class="…"` (extra classes, then the theme classes of the paints), then literal
/// `stroke`/`fill` colours; `fill="none"` without a fill paint.
func paintAttributes(stroke: Paint?, fill: Paint?, classes: [String] = []) -> Attributes {
    var classList = classes
    var literal = Attributes()
    if let stroke {
        switch stroke {
        case .themed(let s): classList.append("wbp-s\(s)")
        case .literal(let hex): literal.add("stroke", hex)
        }
    }
    if let fill {
        switch fill {
        case .themed(let s): classList.append("wbp-f\(s)")
        case .literal(let hex): literal.add("fill", hex)
        }
    } else {
        literal.add("fill", "none")
    }
    var attributes = Attributes()
    if !classList.isEmpty { attributes.add("class", classList.joined(separator: " ")) }
    return attributes + literal
}

/// The stroke of a line: its paint, width and dash pattern.
func strokeAttributes(_ paint: Paint, _ style: LineStyle) -> Attributes {
    var attributes = paintAttributes(stroke: paint, fill: nil)
    attributes.add("stroke-width", style.width)
    if style.opacity < 1 { attributes.add("stroke-opacity", max(0, style.opacity)) }
    return attributes + dashArray(style.dash, width: style.width)
}

/// `stroke-dasharray` for a dash pattern, scaled with the line width (none when solid).
func dashArray(_ dash: Dash, width: Double) -> Attributes {
    let w = max(1, width)
    let pattern: [Double]
    switch dash {
    case .solid: return Attributes()
    case .dashed: pattern = [4, 2.5]
    case .dotted: pattern = [1, 2]
    case .dashDot: pattern = [4, 2, 1, 2]
    }
    return ["stroke-dasharray": pattern.map { svgNumber($0 * w) }.joined(separator: " ")]
}
