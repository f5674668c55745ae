/// A kind of run cell: its parameters, declared once, and what running it does.
///
/// One file per directive (`LossDirective.swift`, …) builds one of these; the
/// ``DirectiveRegistry`` lists them. Validation, `workbook directives`, the
/// reference page and the diagnostics are all derived from `parameters`.
public struct Directive: Sendable {
    public var name: String
    /// One line: what the directive shows.
    public var summary: String
    /// The directive's own parameters (the common ones are added by ``allParameters``).
    public var parameters: [ParameterSpec]
    /// A complete run cell body, shown in the reference.
    public var example: String
    /// The parameter naming the data set the directive reads (`dataset`, or `name` for
    /// the `dataset` directive), or nil when it reads none. The data set's files are then
    /// part of the cache key, and a data set that cannot be found is reported before
    /// anything runs.
    public var dataParameter: String?
    /// Whether the directive reads a data set.
    public var readsData: Bool { dataParameter != nil }
    /// Other inputs that enter the cache key (the text of source files for `source`).
    public var inputs: @Sendable (CellArguments, RunContext) -> String
    /// Checks that involve several parameters (`y` and `t` of the same length).
    public var check: @Sendable (CellArguments) -> [ArgumentProblem]
    /// Estimated seconds of work, when it can be large; a cell estimated beyond its
    /// `timeout` is refused before it runs.
    public var estimate: @Sendable (CellArguments) -> Double?
    /// Runs the experiment. Throws ``CellFailure`` for a failure the reader can act on.
    public var run: @Sendable (CellArguments, RunContext) throws -> [CellOutput]

    public init(
        name: String,
        summary: String,
        parameters: [ParameterSpec],
        example: String,
        readsData: Bool = false,
        dataParameter: String? = nil,
        inputs: @escaping @Sendable (CellArguments, RunContext) -> String = { _, _ in "" },
        check: @escaping @Sendable (CellArguments) -> [ArgumentProblem] = { _ in [] },
        estimate: @escaping @Sendable (CellArguments) -> Double? = { _ in nil },
        run: @escaping @Sendable (CellArguments, RunContext) throws -> [CellOutput]
    ) {
        self.name = name
        self.summary = summary
        self.parameters = parameters
        self.example = example
        self.dataParameter = dataParameter ?? (readsData ? "dataset" : nil)
        self.inputs = inputs
        self.check = check
        self.estimate = estimate
        self.run = run
    }

    /// The directive's parameters followed by the common ones every directive takes.
    public var allParameters: [ParameterSpec] {
        parameters + ParameterSpec.common.filter { common in !parameters.contains { $0.name == common.name } }
    }
}

/// A problem found by a directive's cross-parameter check, reported at the
/// value of `parameter`.
public struct ArgumentProblem: Sendable, Equatable {
    public var parameter: String
    public var message: String
    public var hint: String?

    public init(parameter: String, message: String, hint: String? = nil) {
        self.parameter = parameter
        self.message = message
        self.hint = hint
    }
}

/// A failure while running a cell (divergence, a missing data set), reported
/// at the cell — or at one of its parameters — like a compile error.
public struct CellFailure: Error, Sendable, Equatable {
    public var message: String
    public var parameter: String?
    public var hint: String?

    public init(_ message: String, parameter: String? = nil, hint: String? = nil) {
        self.message = message
        self.parameter = parameter
        self.hint = hint
    }
}
