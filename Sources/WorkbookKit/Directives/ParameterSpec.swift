/// One parameter of a directive, declared once. Validation, the
/// `workbook directives` reference and the diagnostics all come from here.
public struct ParameterSpec: Sendable, Equatable {
    public var name: String
    public var kind: ParameterKind
    /// The default as a reader would write it in YAML; nil means required.
    public var defaultValue: String?
    /// One line for the reference.
    public var doc: String
    /// An optional parameter without a default: absent unless the cell gives it.
    public var isOptional: Bool

    public init(_ name: String, _ kind: ParameterKind, default defaultValue: String? = nil, optional: Bool = false, doc: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.isOptional = optional
        self.doc = doc
    }
}

extension ParameterSpec {
    /// The keys every directive takes, appended to each directive's own list.
    public static let common: [ParameterSpec] = [
        ParameterSpec("label", .text, default: "", doc: "stable id of the cell: cross-references (@label), file names"),
        ParameterSpec("caption", .text, default: "", doc: "caption shown under the outputs, numbered per chapter"),
        ParameterSpec("echo", .boolean, default: "true", doc: "show the cell's parameters above its outputs"),
        ParameterSpec("seed", .integers(.nonNegative), default: "0", doc: "seed of the random numbers (0 = the workbook's default seed)"),
        ParameterSpec("timeout", .number(.positive), default: "120", doc: "seconds the cell may take; longer estimated runs are refused"),
    ]
}
