/// Attributes of one SVG element, written in the order they were added
/// (` name="value"` each), so the same drawing always gives the same bytes.
struct Attributes: ExpressibleByDictionaryLiteral {
    private(set) var pairs: [(name: String, value: String)] = []

    init() {}

    /// A literal keeps its order (`["class": "wbp-axis", "stroke-width": "1"]`).
    init(dictionaryLiteral elements: (String, String)...) {
        pairs = elements.map { (name: $0.0, value: $0.1) }
    }

    /// Appends `name="value"`; the value is escaped when written.
    mutating func add(_ name: String, _ value: String) {
        pairs.append((name, value))
    }

    /// Appends a number through `svgNumber` (≤ 2 decimals, never NaN/inf).
    mutating func add(_ name: String, _ value: Double) {
        pairs.append((name, svgNumber(value)))
    }

    /// `self` followed by `other`.
    static func + (lhs: Attributes, rhs: Attributes) -> Attributes {
        var result = lhs
        result.pairs += rhs.pairs
        return result
    }

    var text: String {
        var s = ""
        for (name, value) in pairs { s += " \(name)=\"\(value)\"" }
        return s
    }
}

/// The one renderer of the library: every artist (lines, markers, arrows, heat
/// maps, contours, bars, reference lines, text, legend, axes, surfaces, image
/// grids) draws through these primitives, as matplotlib's artists draw through
/// its `Renderer`. It only writes SVG syntax; it knows nothing about data.
struct SVGRenderer {
    /// The SVG written so far.
    private(set) var svg = ""

    /// `<name attrs>`; `newline` puts a line break after the tag.
    mutating func open(_ name: String, _ attributes: Attributes = Attributes(), newline: Bool = true) {
        svg += "<\(name)\(attributes.text)>" + (newline ? "\n" : "")
    }

    /// `</name>` and a line break.
    mutating func close(_ name: String) {
        svg += "</\(name)>\n"
    }

    /// An empty element `<name attrs/>`; `newline: false` for elements packed
    /// into one line inside a group (many markers, facets or bars).
    mutating func element(_ name: String, _ attributes: Attributes, newline: Bool = true) {
        svg += "<\(name)\(attributes.text)/>" + (newline ? "\n" : "")
    }

    /// `<path attrs d="…"/>` (`d` comes last, as it is the long part).
    mutating func path(_ d: String, _ attributes: Attributes, newline: Bool = true) {
        var all = attributes
        all.add("d", d)
        element("path", all, newline: newline)
    }

    /// `<rect attrs x y width height/>`.
    mutating func rect(_ r: Rect, _ attributes: Attributes = Attributes(), newline: Bool = true) {
        var all = attributes
        all.add("x", r.x)
        all.add("y", r.y)
        all.add("width", r.w)
        all.add("height", r.h)
        element("rect", all, newline: newline)
    }

    /// `<circle cx cy r/>` without a line break (circles come in groups).
    mutating func circle(at p: Point, radius: Double) {
        element("circle", ["cx": svgNumber(p.x), "cy": svgNumber(p.y), "r": svgNumber(radius)], newline: false)
    }

    /// An embedded raster image stretched over `r` (`data:` URL, no external file).
    mutating func image(_ url: String, in r: Rect, style: String? = nil) {
        var attributes = Attributes()
        attributes.add("x", r.x)
        attributes.add("y", r.y)
        attributes.add("width", r.w)
        attributes.add("height", r.h)
        attributes.add("preserveAspectRatio", "none")
        if let style { attributes.add("style", style) }
        attributes.add("href", url)
        element("image", attributes)
    }

    /// `<text class x y [text-anchor] attrs>escaped</text>`.
    mutating func text(_ content: String, at p: Point, anchor: TextAnchor = .start, classes: String = "wbp-t",
                       _ attributes: Attributes = Attributes()) {
        var all: Attributes = ["class": classes, "x": svgNumber(p.x), "y": svgNumber(p.y)]
        switch anchor {
        case .start: break
        case .middle: all.add("text-anchor", "middle")
        case .end: all.add("text-anchor", "end")
        }
        svg += "<text\((all + attributes).text)>\(svgEscape(content))</text>\n"
    }

    /// Text turned by `degrees` around its anchor point (axis labels).
    mutating func rotatedText(_ content: String, at p: Point, degrees: Int, classes: String) {
        text(content, at: p, anchor: .middle, classes: classes,
             ["transform": "rotate(\(degrees) \(svgNumber(p.x)) \(svgNumber(p.y)))"])
    }

    /// A clip path of the rectangle `r` named `id`, and a group clipped by it
    /// (close it with `close("g")`).
    mutating func openClippedGroup(id: String, rect r: Rect) {
        open("clipPath", ["id": id], newline: false)
        rect(r, newline: false)
        close("clipPath")
        open("g", ["clip-path": "url(#\(id))"])
    }
}
