/// One thing a Swift cell showed, in the order the program produced it.
public enum SwiftCellItem: Sendable, Equatable {
    /// What the cell printed (`print`, standard output), possibly cut with a note.
    case printed(String)
    /// A value, row of numbers, table or figure from `show(…)`.
    case output(CellOutput)
    /// The outcome of `check(…)`.
    case check(SwiftCheck)
}

/// A `check(mine, equals: reference)` call's outcome, ready to show.
public struct SwiftCheck: Sendable, Equatable, Codable {
    public var passed: Bool
    /// "3 numbers agree within 1e-09" or "element 2 differs: 0.5 (yours) vs 0.25 (reference)".
    public var summary: String
    /// Where `check` was called (column 1: the call's line is what `#line` knows).
    public var file: String
    public var line: Int

    public init(passed: Bool, summary: String, file: String, line: Int) {
        self.passed = passed
        self.summary = summary
        self.file = file
        self.line = line
    }

    public var location: SourceLocation { SourceLocation(file: file, line: line, column: 1) }
}
