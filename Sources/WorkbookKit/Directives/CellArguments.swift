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
/// so that a failure while running can still point at it.
public struct CellArguments: Sendable, Equatable {
    public var values: [String: ArgumentValue]
    /// Where each parameter's value was written; absent for defaults.
    public var locations: [String: SourceLocation]

    public init(values: [String: ArgumentValue] = [:], locations: [String: SourceLocation] = [:]) {
        self.values = values
        self.locations = locations
    }

    /// Whether the parameter has a value (given, or a default).
    public func has(_ name: String) -> Bool { values[name] != nil }

    public func number(_ name: String) -> Double {
        switch values[name] {
        case .number(let d)?: return d
        case .integer(let i)?: return Double(i)
        case .numbers(let ds)? where !ds.isEmpty: return ds[0]
        default: preconditionFailure("parameter '\(name)' is not a number")
        }
    }

    public func integer(_ name: String) -> Int {
        guard case .integer(let i)? = values[name] else { preconditionFailure("parameter '\(name)' is not an integer") }
        return i
    }

    public func boolean(_ name: String) -> Bool {
        guard case .boolean(let b)? = values[name] else { preconditionFailure("parameter '\(name)' is not a boolean") }
        return b
    }

    public func text(_ name: String) -> String {
        guard case .text(let s)? = values[name] else { preconditionFailure("parameter '\(name)' is not text") }
        return s
    }

    public func expressions(_ name: String) -> [Expression] {
        guard case .expressions(let es)? = values[name] else { preconditionFailure("parameter '\(name)' is not an expression") }
        return es
    }

    public func expression(_ name: String) -> Expression { expressions(name)[0] }

    public func numbers(_ name: String) -> [Double] {
        switch values[name] {
        case .numbers(let ds)?: return ds
        case .number(let d)?: return [d]
        default: preconditionFailure("parameter '\(name)' is not a list of numbers")
        }
    }

    public func points(_ name: String) -> [[Double]] {
        switch values[name] {
        case .points(let ps)?, .matrix(let ps)?: return ps
        default: preconditionFailure("parameter '\(name)' is not a list of points")
        }
    }

    public func matrix(_ name: String) -> [[Double]] { points(name) }

    public func integers(_ name: String) -> [Int] {
        guard case .integers(let xs)? = values[name] else { preconditionFailure("parameter '\(name)' is not a list of integers") }
        return xs
    }

    public func words(_ name: String) -> [String] {
        switch values[name] {
        case .words(let ws)?: return ws
        case .text(let s)?: return [s]
        default: preconditionFailure("parameter '\(name)' is not a list of words")
        }
    }

    /// `name=value` lines sorted by name: the same parameters written in any
    /// order or YAML style give the same text. Part of the cache key.
    public var canonical: String {
        values.keys.sorted().map { "\($0)=\(values[$0]!.canonical)" }.joined(separator: "\n")
    }
}
