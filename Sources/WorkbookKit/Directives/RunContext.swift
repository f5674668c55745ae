import DeepLearning
import Dispatch

/// What a running cell may use besides its parameters. Passed by value; the
/// shared pieces inside are thread-safe.
public struct RunContext: Sendable {
    /// The seed to use when the cell gives none (`seed: 0`): the workbook's default.
    public var defaultSeed: UInt64
    /// Loads data sets once per build and shares them between cells.
    public var data: DataProvider
    /// The package root, for the `source` directive.
    public var sourceRoot: String
    /// Reports progress of a long cell: fraction done (0…1) and a short status.
    public var progress: @Sendable (Double, String) -> Void
    /// When the cell must stop (uptime in nanoseconds), from its `timeout`; nil for no limit.
    public var deadline: UInt64?
    /// The cell's seeds (`seed:`), with 0 replaced by the workbook's default; set for each cell.
    public var seeds: [UInt64] = []
    /// The cell's `timeout` parameter, where a cell stopped by its deadline is reported.
    public var timeoutParameter: ParameterName?
    /// How DeepLearning computes (backend, kernel set, threads, screening), resolved
    /// once where the program starts; the same results whatever it says.
    public var compute: ComputeConfiguration
    /// Parts of the cell's work cached on their own (one seed of `train`); set for each cell.
    public var parts: CellParts = .none

    public init(defaultSeed: UInt64, data: DataProvider, sourceRoot: String, compute: ComputeConfiguration = .machine,
                progress: @escaping @Sendable (Double, String) -> Void = { _, _ in }) {
        self.defaultSeed = defaultSeed
        self.compute = compute
        self.data = data
        self.sourceRoot = sourceRoot
        self.progress = progress
        self.seeds = [defaultSeed]
    }

    /// Throws when the cell has run past its `timeout`. Every loop of a directive
    /// that can run long calls this now and then (every training iteration, every
    /// curve, every grid row), so a runaway cell stops at its limit and is
    /// reported at the cell, like any other failure.
    public func checkDeadline() throws {
        guard let deadline, DispatchTime.now().uptimeNanoseconds > deadline else { return }
        throw CellFailure("the cell ran past its timeout and was stopped", at: timeoutParameter,
                          hint: "raise 'timeout:' (in seconds) or make the experiment smaller")
    }
}
