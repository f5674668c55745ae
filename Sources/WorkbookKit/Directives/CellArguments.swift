/// A parameter's value after validation, in the form its ``ParameterKind`` promises.
public enum ArgumentValue: Sendable, Equatable {
    case number(Double)
    case integer(Int)
    case boolean(Bool)
    case text(String)
    case expressions([Expression])
    case numbers([Double])
    case points([[Double]])
    case matrix([[Double]])
    case integers([Int])
    case words([String])

    /// How many items the value holds (1 for a single value), for list limits.
    var count: Int {
        switch self {
        case .number, .integer, .boolean, .text: return 1
        case .expressions(let xs): return xs.count
        case .numbers(let xs): return xs.count
        case .points(let xs), .matrix(let xs): return xs.count
        case .integers(let xs): return xs.count
        case .words(let xs): return xs.count
        }
    }

    /// A canonical spelling, independent of YAML formatting, for the cache key.
    var canonical: String {
        switch self {
        case .number(let d): return formatNumber(d)
        case .integer(let i): return String(i)
        case .boolean(let b): return b ? "true" : "false"
        case .text(let s): return s.debugDescription
        case .expressions(let es): return "[" + es.map { $0.text.debugDescription }.joined(separator: ",") + "]"
        case .numbers(let ds): return "[" + ds.map(formatNumber).joined(separator: ",") + "]"
        case .points(let ps), .matrix(let ps):
            return "[" + ps.map { "[" + $0.map(formatNumber).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
        case .integers(let xs): return "[" + xs.map(String.init).joined(separator: ",") + "]"
        case .words(let ws): return "[" + ws.joined(separator: ",") + "]"
        }
    }
}

/// The validated parameters of one run cell: every declared parameter has a
/// value (given or default), and each given one remembers where it was written
/// so that a failure while running can still point at it. Directives do not
/// read it: it is decoded into their typed ``DirectiveDefinition/Parameters``.
public struct CellArguments: Sendable, Equatable {
    public var values: [String: ArgumentValue]
    /// Where each parameter's value was written; absent for defaults.
    public var locations: [String: SourceLocation]

    public init(values: [String: ArgumentValue] = [:], locations: [String: SourceLocation] = [:]) {
        self.values = values
        self.locations = locations
    }

    /// `name=value` lines sorted by name: the same parameters written in any
    /// order or YAML style give the same text. Part of the cache key.
    public var canonical: String {
        values.keys.sorted().map { "\($0)=\(values[$0]!.canonical)" }.joined(separator: "\n")
    }
}
