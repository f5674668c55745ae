/// How a cell's outputs were obtained.
public enum CellStatus: String, Sendable, Equatable, Codable {
    case ran
    case cached
    case error
    /// Not run in this build (`--only` selected other cells) and not in the cache.
    case skipped
}

/// The outcome of one run cell: what the page and the JSON record show.
public struct CellResult: Sendable, Equatable {
    public var cell: RunCell
    /// The cell's `label`, or `cell-N` (N counts the chapter's cells from 1).
    public var label: String
    public var caption: String
    public var echo: Bool
    public var status: CellStatus
    /// Wall-clock seconds; 0 for cached cells. Not written into pages (see README, "Determinism").
    public var seconds: Double
    public var outputs: [CellOutput]
    public var diagnostics: [Diagnostic]
    /// Why the cell ran, for the progress line: "no cache entry", "--no-cache" …
    public var reason: String
}
