import DeepLearning

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

    public init(defaultSeed: UInt64, data: DataProvider, sourceRoot: String,
                progress: @escaping @Sendable (Double, String) -> Void = { _, _ in }) {
        self.defaultSeed = defaultSeed
        self.data = data
        self.sourceRoot = sourceRoot
        self.progress = progress
    }

    /// The seeds a cell asked for, with 0 meaning "the workbook's default".
    public func seeds(_ arguments: CellArguments) -> [UInt64] {
        arguments.integers("seed").map { $0 == 0 ? defaultSeed : UInt64($0) }
    }
}
