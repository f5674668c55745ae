/// One thing a run cell shows. A cell produces a list of them, in order.
///
/// Outputs are values: they are cached, compared in tests and rendered to
/// HTML and JSON by pure functions.
public enum CellOutput: Sendable, Equatable, Codable {
    /// A named number, e.g. `cross-entropy = 0.510825457099338`. `key` is its stable
    /// machine name in the JSON record (`y[0].cross_entropy`), `name` the display text.
    /// `text` overrides how the page prints it (the JSON always keeps the full number).
    case value(key: String, name: String, value: Double, text: String? = nil)
    /// A named vector of numbers, shown as a row of numbers; `key` as for `value`.
    case numbers(key: String, name: String, values: [Double])
    case table(OutputTable)
    case figure(OutputFigure)
    /// A short note shown under the outputs (which data set was used, …).
    case note(String)
    /// Source code shown highlighted (the `source` directive).
    case code(language: String, code: String, origin: String)
}

/// A table of strings with an optional name; numeric cells keep their number for the JSON record.
public struct OutputTable: Sendable, Equatable, Codable {
    public var name: String
    public var columns: [String]
    public var rows: [[TableCell]]

    public init(name: String, columns: [String], rows: [[TableCell]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}

public enum TableCell: Sendable, Equatable, Codable {
    case text(String)
    case number(Double)

    /// How the page prints the cell: numbers at full precision, as Python's `repr` would.
    public var display: String {
        switch self {
        case .text(let s): return s
        case .number(let d): return formatNumber(d)
        }
    }
}

/// A rendered SVG figure, inlined in the page. Its alternative text is in the
/// SVG itself (SVGPlot's `<title>` and `<desc>`, named by `aria-labelledby`),
/// so the figure carries no second copy of it.
public struct OutputFigure: Sendable, Equatable, Codable {
    public var name: String
    public var svg: String

    public init(name: String, svg: String) {
        self.name = name
        self.svg = svg
    }
}
