/// The parameters of one directive, as a struct of ``Parameter`` properties.
///
/// Why a struct of property wrappers (and not a parameter struct with a
/// hand-written decoder, or a list of string-named specs): the property is the
/// single declaration — its name is the cell's key, its type is what `run`
/// reads, its wrapper arguments are the kind, default, limits and doc. The list
/// of declarations is read back from an instance made by `init()` (with
/// `Mirror`, as swift-argument-parser does), and a validated cell is decoded
/// into the struct by the synthesized `Decodable` initializer, so nothing is
/// written twice and nothing is looked up by a string in a directive.
public protocol DirectiveParameters: Decodable, Sendable {
    init()
}

extension DirectiveParameters {
    /// The declared parameters, in declaration order.
    public static var declarations: [ParameterSpec] {
        Mirror(reflecting: Self()).children.compactMap { child in
            guard let label = child.label, label.hasPrefix("_"), let parameter = child.value as? ParameterDeclaring else {
                return nil
            }
            return parameter.specification(named: String(label.dropFirst()))
        }
    }

    /// The typed parameters of a validated cell. Throws only when a declaration's
    /// kind and type disagree, which the registry tests rule out.
    public static func decode(_ arguments: CellArguments) throws -> Self {
        try Self(from: ArgumentDecoder(arguments: arguments))
    }
}

/// The keys every directive takes besides its own.
public struct CommonParameters: DirectiveParameters {
    @Parameter(.text, default: "", doc: "stable id of the cell: cross-references (@label), file names")
    public var label: String
    @Parameter(.text, default: "", doc: "caption shown under the outputs, numbered per chapter")
    public var caption: String
    @Parameter(.boolean, default: "true", doc: "show the cell's parameters above its outputs")
    public var echo: Bool
    @Parameter(.integers(.nonNegative), default: "0", limits: .atMost(CommonParameters.maximumSeeds),
               doc: "seed of the random numbers (0 = the workbook's default seed)")
    public var seed: [Int]
    @Parameter(.number(.positiveAtMost(CommonParameters.maximumTimeout)), default: "120",
               doc: "seconds the cell may take; longer estimated runs are refused")
    public var timeout: Double

    /// A day: long enough for any experiment of the book, and far from the
    /// nanosecond arithmetic's overflow (1e11 s would overflow it).
    public static let maximumTimeout = 86_400.0
    /// No directive overlays more than 8 runs; a longer list is a mistake.
    public static let maximumSeeds = 8

    public init() {}
}
