/// Every directive Workbook knows, in the order the reference lists them.
public struct DirectiveRegistry: Sendable {
    public var directives: [Directive]

    public init(_ directives: [Directive]) {
        self.directives = directives
    }

    /// The shipped catalog, in the order of the book's chapter 4.
    public static let standard = DirectiveRegistry([
        Directive(LossDirective.self),
        Directive(PlotDirective.self),
        Directive(DerivativeDirective.self),
        Directive(TangentDirective.self),
        Directive(PartialDirective.self),
        Directive(GradientDirective.self),
        Directive(GradientFieldDirective.self),
        Directive(SurfaceDirective.self),
        Directive(DescentDirective.self),
        Directive(SimpleNetDirective.self),
        Directive(DatasetDirective.self),
        Directive(MinibatchDirective.self),
        Directive(GradientCheckDirective.self),
        Directive(TrainDirective.self),
        Directive(SourceDirective.self),
    ])

    public func directive(named name: String) -> Directive? {
        directives.first { $0.name == name }
    }

    public var names: [String] { directives.map(\.name) }
}
