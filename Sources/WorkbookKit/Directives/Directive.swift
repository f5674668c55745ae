/// A directive with its types erased, as the registry, the validator and the
/// executor see it: the declarations of its parameters (from which validation,
/// `workbook directives`, the reference page and the diagnostics come) and
/// closures that decode validated ``CellArguments`` into the directive's typed
/// ``DirectiveDefinition/Parameters`` before checking, estimating or running.
public struct Directive: Sendable {
    public let name: String
    public let summary: String
    public let example: String
    /// The directive's own parameters (the common ones are added by ``allParameters``).
    public let parameters: [ParameterSpec]
    private let checkCell: @Sendable (CellArguments) -> [ArgumentProblem]
    private let estimateCell: @Sendable (CellArguments) -> Double
    private let inputsOfCell: @Sendable (CellArguments, RunContext) -> String
    private let runCell: @Sendable (CellArguments, RunContext) throws -> [CellOutput]

    public init<D: DirectiveDefinition>(_ definition: D.Type) {
        name = D.name
        summary = D.summary
        example = D.example
        parameters = D.Parameters.declarations
        checkCell = { arguments in
            do {
                return D.check(try D.Parameters.decode(arguments), common: try CommonParameters.decode(arguments))
            } catch {
                return [ArgumentProblem(at: nil, message: "internal error: \(D.name)'s declarations and types disagree: \(error)")]
            }
        }
        estimateCell = { arguments in
            guard let parameters = try? D.Parameters.decode(arguments), let common = try? CommonParameters.decode(arguments) else { return 0 }
            return D.estimate(parameters, common: common)
        }
        inputsOfCell = { arguments, context in
            (try? D.Parameters.decode(arguments)).map { D.inputs($0, context: context) } ?? ""
        }
        runCell = { arguments, context in
            let common = try CommonParameters.decode(arguments)
            var context = context
            context.seeds = common.seed.map { $0 == 0 ? context.defaultSeed : UInt64($0) }
            context.timeoutParameter = common.$timeout
            return try D.run(try D.Parameters.decode(arguments), context: context)
        }
    }

    /// The parameter naming the data set the directive reads — the one declared
    /// as a ``DataSetName`` — or nil when it reads none.
    public var dataParameter: String? { parameters.first(where: \.readsDataSet)?.name }

    /// The directive's parameters followed by the common ones every directive takes.
    public var allParameters: [ParameterSpec] {
        parameters + ParameterSpec.common.filter { common in !parameters.contains { $0.name == common.name } }
    }

    /// Checks that involve several parameters, on validated arguments.
    public func check(_ arguments: CellArguments) -> [ArgumentProblem] { checkCell(arguments) }
    /// Estimated seconds of work.
    public func estimate(_ arguments: CellArguments) -> Double { estimateCell(arguments) }
    /// Inputs besides the parameters that enter the cache key.
    public func inputs(_ arguments: CellArguments, _ context: RunContext) -> String { inputsOfCell(arguments, context) }
    /// Runs the cell. Throws ``CellFailure`` for a failure the reader can act on.
    public func run(_ arguments: CellArguments, _ context: RunContext) throws -> [CellOutput] { try runCell(arguments, context) }
}

/// A problem found by a directive's cross-parameter check, reported at the
/// value of `parameter` (at the directive's name when nil).
public struct ArgumentProblem: Sendable, Equatable {
    public var parameter: ParameterName?
    public var message: String
    public var hint: String?

    public init(at parameter: ParameterName?, message: String, hint: String? = nil) {
        self.parameter = parameter
        self.message = message
        self.hint = hint
    }
}

/// A failure while running a cell (divergence, a missing data set), reported
/// at the cell — or at one of its parameters — like a compile error.
public struct CellFailure: Error, Sendable, Equatable {
    public var message: String
    public var parameter: ParameterName?
    public var hint: String?

    public init(_ message: String, at parameter: ParameterName? = nil, hint: String? = nil) {
        self.message = message
        self.parameter = parameter
        self.hint = hint
    }

    /// For ``DataProvider``, which knows the data-set parameter by its declared name.
    public init(_ message: String, parameter: String, hint: String? = nil) {
        self.init(message, at: ParameterName(parameter), hint: hint)
    }
}
