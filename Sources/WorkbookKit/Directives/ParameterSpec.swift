/// One parameter of a directive as the validator, the reference and the
/// diagnostics see it: read from a ``Parameter`` declaration.
public struct ParameterSpec: Sendable, Equatable {
    public var name: String
    public var kind: ParameterKind
    /// The default as a reader would write it in YAML; nil means required.
    public var defaultValue: String?
    /// One line for the reference.
    public var doc: String
    /// An optional parameter without a default: absent unless the cell gives it.
    public var isOptional: Bool
    /// Limits beyond the kind's bounds (how long a list may be).
    public var limits: ParameterLimits
    /// Whether the value names the data set the directive reads (a ``DataSetName``).
    public var readsDataSet: Bool

    public init(_ name: String, _ kind: ParameterKind, default defaultValue: String? = nil, optional: Bool = false,
                limits: ParameterLimits = .none, readsDataSet: Bool = false, doc: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.isOptional = optional
        self.limits = limits
        self.readsDataSet = readsDataSet
        self.doc = doc
    }

    /// What the parameter accepts, with its limits: "number or list of numbers > 0, at most 12".
    public var accepts: String { kind.description + limits.description }
}

extension ParameterSpec {
    /// The keys every directive takes, appended to each directive's own list.
    public static let common: [ParameterSpec] = CommonParameters.declarations
}

/// Limits of a parameter beyond its kind, part of its declaration: they bound the
/// work a cell can ask for, are listed in the reference, and a value beyond them
/// is a located error at that value.
public struct ParameterLimits: Sendable, Equatable {
    /// The most items a list may have.
    public var maximumCount: Int?

    public static let none = ParameterLimits(maximumCount: nil)
    public static func atMost(_ count: Int) -> ParameterLimits { ParameterLimits(maximumCount: count) }

    var description: String {
        maximumCount.map { " (at most \($0))" } ?? ""
    }
}
