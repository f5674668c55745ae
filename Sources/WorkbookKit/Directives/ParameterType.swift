/// A Swift type a parameter can have: how a validated ``ArgumentValue`` (in the
/// form its ``ParameterKind`` promises) becomes a value of it.
public protocol ParameterType: Sendable {
    /// The value, or nil when `argument` is not of this type (a declaration whose
    /// kind and type disagree — a programming error, caught by the registry tests).
    init?(argument: ArgumentValue)
    /// The value of a parameter the cell leaves out and that has no default;
    /// nil (required) except for optional types.
    static var absent: Self? { get }
}

extension ParameterType {
    public static var absent: Self? { nil }
}

extension Optional: ParameterType where Wrapped: ParameterType {
    public init?(argument: ArgumentValue) {
        guard let wrapped = Wrapped(argument: argument) else { return nil }
        self = .some(wrapped)
    }
    public static var absent: Self? { .some(.none) }
}

extension Double: ParameterType {
    public init?(argument: ArgumentValue) {
        switch argument {
        case .number(let d): self = d
        case .integer(let i): self = Double(i)
        default: return nil
        }
    }
}

extension Int: ParameterType {
    public init?(argument: ArgumentValue) {
        guard case .integer(let i) = argument else { return nil }
        self = i
    }
}

extension Bool: ParameterType {
    public init?(argument: ArgumentValue) {
        guard case .boolean(let b) = argument else { return nil }
        self = b
    }
}

extension String: ParameterType {
    public init?(argument: ArgumentValue) {
        guard case .text(let s) = argument else { return nil }
        self = s
    }
}

extension Expression: ParameterType {
    public init?(argument: ArgumentValue) {
        guard case .expressions(let es) = argument, es.count == 1 else { return nil }
        self = es[0]
    }
}

extension Array: ParameterType where Element: ListElement {
    public init?(argument: ArgumentValue) {
        guard let list = Element.list(argument) else { return nil }
        self = list
    }
}

/// A type whose lists a parameter can hold: numbers, whole numbers, words,
/// expressions, and points (lists of numbers).
public protocol ListElement: Sendable {
    static func list(_ argument: ArgumentValue) -> [Self]?
}

extension Double: ListElement {
    public static func list(_ argument: ArgumentValue) -> [Double]? {
        switch argument {
        case .numbers(let ds): return ds
        case .number(let d): return [d]
        case .points(let ps) where ps.count == 1: return ps[0]  // a single point [x0, x1]
        default: return nil
        }
    }
}

extension Int: ListElement {
    public static func list(_ argument: ArgumentValue) -> [Int]? {
        guard case .integers(let xs) = argument else { return nil }
        return xs
    }
}

extension String: ListElement {
    public static func list(_ argument: ArgumentValue) -> [String]? {
        switch argument {
        case .words(let ws): return ws
        case .text(let s): return [s]
        default: return nil
        }
    }
}

extension Expression: ListElement {
    public static func list(_ argument: ArgumentValue) -> [Expression]? {
        guard case .expressions(let es) = argument else { return nil }
        return es
    }
}

extension Array: ListElement where Element == Double {
    public static func list(_ argument: ArgumentValue) -> [[Double]]? {
        switch argument {
        case .points(let ps), .matrix(let ps): return ps
        default: return nil
        }
    }
}

/// A word from a fixed set, read into a Swift enum: `@Parameter var method: DifferenceChoice`.
/// Declare the parameter with `.choice(Self.allNames)`.
public protocol ChoiceParameter: ParameterType, ListElement, RawRepresentable, CaseIterable where RawValue == String {}

extension ChoiceParameter {
    public init?(argument: ArgumentValue) {
        guard case .text(let s) = argument else { return nil }
        self.init(rawValue: s)
    }
    public static func list(_ argument: ArgumentValue) -> [Self]? {
        String.list(argument).flatMap { words in
            let choices = words.compactMap(Self.init(rawValue:))
            return choices.count == words.count ? choices : nil
        }
    }
    /// Every word, in declaration order, for the parameter's `.choice` kind.
    public static var allNames: [String] { allCases.map(\.rawValue) }
}

/// The data set a directive reads (`dataset:`, or `name:` for the `dataset`
/// directive). Declaring a parameter of this type is what makes a directive
/// read data: its files enter the cache key, and a data set that cannot be
/// found is reported before anything runs.
public struct DataSetName: ParameterType, Equatable {
    public var text: String
    public init?(argument: ArgumentValue) {
        guard case .text(let s) = argument else { return nil }
        text = s
    }
}
