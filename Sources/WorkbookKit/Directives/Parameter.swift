/// One parameter of a directive, declared once as a typed property of the
/// directive's ``DirectiveParameters`` struct:
///
/// ```swift
/// @Parameter(.numbers(.positive), default: "0.1", doc: "the learning rate η")
/// var lr: [Double]
/// ```
///
/// The property's name is the key a cell writes (`lr:`), its type is what `run`
/// reads (`parameters.lr` is a `[Double]`; a misspelt name does not compile), and
/// the arguments — kind, default, limits, doc — are the declaration from which
/// validation, `workbook directives`, the reference page and the diagnostics are
/// derived (see ``DirectiveParameters/declarations``).
///
/// Like swift-argument-parser's `@Option`, a `Parameter` lives in two states: as
/// declared (in the instance made by `init()`, read by `Mirror` for the
/// declarations) and as decoded (in the instance made from a validated cell).
@propertyWrapper
public struct Parameter<Value: ParameterType>: Sendable, Decodable {
    private enum State: Sendable {
        case declared(kind: ParameterKind, defaultValue: String?, limits: ParameterLimits, doc: String)
        case decoded(name: String, value: Value)
    }

    private let state: State

    /// Declares a parameter. `default` is written as a reader would write it in
    /// YAML; without one the parameter is required, unless `Value` is optional.
    public init(_ kind: ParameterKind, default defaultValue: String? = nil,
                limits: ParameterLimits = .none, doc: String) {
        state = .declared(kind: kind, defaultValue: defaultValue, limits: limits, doc: doc)
    }

    /// A declaration shared by several directives (`CalculusParameters.centralStep`).
    public init(_ shared: Parameter<Value>) {
        self = shared
    }

    /// The value the cell gave, or its default.
    public var wrappedValue: Value {
        guard case .decoded(_, let value) = state else {
            preconditionFailure("a parameter was read from its declaration, not from a decoded cell")
        }
        return value
    }

    /// `$lr`: the parameter itself, to report a problem at its value.
    public var projectedValue: ParameterName {
        guard case .decoded(let name, _) = state else {
            preconditionFailure("a parameter was named from its declaration, not from a decoded cell")
        }
        return ParameterName(name)
    }

    public init(from decoder: any Decoder) throws {
        guard let decoder = decoder as? ArgumentValueDecoder else {
            throw DecodingError.typeMismatch(Parameter.self, .init(codingPath: decoder.codingPath,
                debugDescription: "parameters are decoded from validated cell arguments only"))
        }
        guard let value = decoder.value.map(Value.init(argument:)) ?? Value.absent else {
            throw DecodingError.valueNotFound(Value.self, .init(codingPath: decoder.codingPath,
                debugDescription: "'\(decoder.name)' has no value of type \(Value.self): \(String(describing: decoder.value))"))
        }
        state = .decoded(name: decoder.name, value: value)
    }
}

/// The name of a decoded parameter (`$lr`), where a check or a failure points.
public struct ParameterName: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let text: String
    init(_ text: String) { self.text = text }
    public var description: String { text }
}

/// A declared parameter seen through `Mirror`, without its value type.
protocol ParameterDeclaring {
    func specification(named name: String) -> ParameterSpec
}

extension Parameter: ParameterDeclaring {
    func specification(named name: String) -> ParameterSpec {
        guard case .declared(let kind, let defaultValue, let limits, let doc) = state else {
            preconditionFailure("declarations are read from the instance made by init()")
        }
        return ParameterSpec(name, kind, default: defaultValue, optional: Value.absent != nil && defaultValue == nil,
                             limits: limits, readsDataSet: Value.self == DataSetName.self, doc: doc)
    }
}
