/// Every directive Workbook knows, in the order the reference lists them.
public struct DirectiveRegistry: Sendable {
    public var directives: [Directive]

    public init(_ directives: [Directive]) {
        self.directives = directives
    }

    /// The shipped catalog, in the order of the book's chapter 4.
    public static let standard = DirectiveRegistry([
        .loss,
        .plot,
        .derivative,
        .tangent,
        .partial,
        .gradient,
        .gradientField,
        .surface,
        .descent,
        .simpleNet,
        .dataset,
        .minibatch,
        .gradientCheck,
        .train,
        .source,
    ])

    public func directive(named name: String) -> Directive? {
        directives.first { $0.name == name }
    }

    public var names: [String] { directives.map(\.name) }
}
