/// What a run-cell parameter accepts. Each kind knows how to read a YAML value
/// into a ``ParameterValue``'s typed form and how to describe itself in
/// `workbook directives` and in diagnostics.
public enum ParameterKind: Sendable, Equatable {
    /// A real number, optionally bounded.
    case number(NumberBounds = .any)
    /// A whole number, optionally bounded.
    case integer(NumberBounds = .any)
    /// `true` or `false`.
    case boolean
    /// Free text (a caption, a label, a directory).
    case text
    /// One of a fixed set of words.
    case choice([String])
    /// One expression of the given variables.
    case expression(variables: [String])
    /// One expression or a list of them.
    case expressions(variables: [String])
    /// One number or a list of numbers (always read as a list).
    case numbers(NumberBounds = .any)
    /// A list of numbers (a vector such as `y`).
    case vector
    /// `[from, to]` with from < to.
    case range
    /// A point `[a, b, …]` of the given dimension.
    case point(dimension: Int)
    /// One point or a list of points of the given dimension.
    case points(dimension: Int)
    /// A matrix written as a list of rows.
    case matrix
    /// One vector `[a, b, …]` or a list of vectors (one per row), any length.
    case vectors
    /// One whole number or a list of them (seeds).
    case integers(NumberBounds = .any)
    /// One word or a list of words from a fixed set.
    case choices([String])
    /// One text or a list of texts (legend labels).
    case texts

    /// How the kind is named in the reference and in "expected …" messages.
    public var description: String {
        switch self {
        case .number(let b): return "number" + b.description
        case .integer(let b): return "integer" + b.description
        case .boolean: return "true or false"
        case .text: return "text"
        case .choice(let words): return words.joined(separator: " | ")
        case .expression(let v): return "expression of \(v.joined(separator: ", "))"
        case .expressions(let v): return "expression of \(v.joined(separator: ", ")), or a list of them"
        case .numbers(let b): return "number or list of numbers" + b.description
        case .vector: return "list of numbers"
        case .range: return "[from, to]"
        case .point(let d): return "point [\(Array(repeating: "number", count: d).joined(separator: ", "))]"
        case .points(let d): return "point of \(d) numbers, or a list of points"
        case .matrix: return "matrix (a list of rows)"
        case .vectors: return "list of numbers, or a list of such lists"
        case .integers(let b): return "integer or list of integers" + b.description
        case .choices(let words): return "one or a list of: " + words.joined(separator: " | ")
        case .texts: return "text or list of texts"
        }
    }
}

/// Bounds a number must respect; checked at validation time so that a
/// negative `steps` is reported at its column before anything runs.
public struct NumberBounds: Sendable, Equatable {
    public var minimum: Double?
    public var maximum: Double?
    public var minimumIsExclusive: Bool

    public static let any = NumberBounds(minimum: nil, maximum: nil, minimumIsExclusive: false)
    public static let positive = NumberBounds(minimum: 0, maximum: nil, minimumIsExclusive: true)
    public static let nonNegative = NumberBounds(minimum: 0, maximum: nil, minimumIsExclusive: false)
    public static func atLeast(_ v: Double) -> NumberBounds { NumberBounds(minimum: v, maximum: nil, minimumIsExclusive: false) }
    public static func between(_ a: Double, _ b: Double) -> NumberBounds { NumberBounds(minimum: a, maximum: b, minimumIsExclusive: false) }
    public static func positiveAtMost(_ b: Double) -> NumberBounds { NumberBounds(minimum: 0, maximum: b, minimumIsExclusive: true) }

    public var description: String {
        switch (minimum, maximum) {
        case (nil, nil): return ""
        case (let lo?, nil): return minimumIsExclusive ? " > \(NumberBounds.text(lo))" : " ≥ \(NumberBounds.text(lo))"
        case (nil, let hi?): return " ≤ \(NumberBounds.text(hi))"
        case (let lo?, let hi?) where minimumIsExclusive: return " > \(NumberBounds.text(lo)) and ≤ \(NumberBounds.text(hi))"
        case (let lo?, let hi?): return " in \(NumberBounds.text(lo))…\(NumberBounds.text(hi))"
        }
    }

    /// Bounds read better without a trailing ".0": "≥ 0", "in 2…100000".
    static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : formatNumber(value)
    }

    /// The complaint about `value`, or nil when it is within bounds.
    func problem(with value: Double) -> String? {
        if let lo = minimum {
            if minimumIsExclusive ? !(value > lo) : !(value >= lo) {
                return "must be \(minimumIsExclusive ? "greater than" : "at least") \(NumberBounds.text(lo))"
            }
        }
        if let hi = maximum, !(value <= hi) {
            return "must be at most \(NumberBounds.text(hi))"
        }
        return nil
    }
}
