/// A kind of run cell, written as a type: its name, summary and example, its
/// ``Parameters`` (declared once), and what checking, estimating and running
/// it do. One file per directive conforms to this; ``Directive`` erases it for
/// the registry, the validator and the executor.
public protocol DirectiveDefinition: SendableMetatype {
    associatedtype Parameters: DirectiveParameters
    static var name: String { get }
    /// One line: what the directive shows.
    static var summary: String { get }
    /// A complete run cell body, shown in the reference.
    static var example: String { get }
    /// Checks that involve several parameters (`y` and `t` of the same length).
    static func check(_ parameters: Parameters, common: CommonParameters) -> [ArgumentProblem]
    /// Estimated seconds of work on this project's machine (generously rounded up).
    /// Every directive has one: a cell estimated beyond its `timeout` is refused
    /// before it runs.
    static func estimate(_ parameters: Parameters, common: CommonParameters) -> Double
    /// Inputs besides the parameters that enter the cache key (the text of the
    /// library sources for `source`).
    static func inputs(_ parameters: Parameters, context: RunContext) -> String
    /// Runs the experiment. Throws ``CellFailure`` for a failure the reader can act on.
    static func run(_ parameters: Parameters, context: RunContext) throws -> [CellOutput]
}

extension DirectiveDefinition {
    public static func check(_ parameters: Parameters, common: CommonParameters) -> [ArgumentProblem] { [] }
    public static func inputs(_ parameters: Parameters, context: RunContext) -> String { "" }
}
