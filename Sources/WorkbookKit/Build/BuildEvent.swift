/// What a build reports while it works, as values: the command line turns
/// them into terminal lines (`Sources/workbook/Terminal.swift`), `workbook
/// serve` prints the same lines, and anything else (a page showing a cell's
/// progress, a test) can watch the same stream.
///
/// Events arrive on the build's threads: cell events from the worker that
/// runs the cell, in completion order; everything else in pipeline order.
/// A sink must be thread-safe and quick.
public enum BuildEvent: Sendable {
    /// One edition of several starts building (see `EditionBuilder`).
    case editionStarted(language: String, chapters: String, output: String)
    /// A chapter file was read from disk (once per build).
    case chapterRead(path: String)
    /// A problem found while checking or running, and its compiler-style text
    /// (source line and caret). `diagnostic` is nil for a problem with no
    /// location (an edition that could not be built).
    case diagnostic(Diagnostic?, text: String)
    /// A cell starts running (after its cache entry was not found).
    case cellStarted(CellID)
    /// A long cell's progress, reported by its directive now and then.
    case cellProgress(CellProgress)
    /// A cell ran and succeeded.
    case cellFinished(CellDone)
    /// A cell's outputs came from the cache.
    case cellCached(CellDone)
    /// A cell failed (its error is a `diagnostic` event and on its page).
    case cellFailed(CellDone)
    /// A cell was not run in this build (`--only` selected other cells, or its
    /// chapter's Swift program has an error).
    case cellSkipped(CellDone)
    /// A file of the output folder was written (or was already up to date),
    /// relative to `output`.
    case pageWritten(path: String, output: String)
    /// The build finished; what it did.
    case buildFinished(BuildReport)
}

/// Which cell an event is about.
public struct CellID: Sendable, Equatable, Hashable {
    /// The chapter file as given (`chapters/07-learning-algorithm.md`).
    public var file: String
    /// The line of the cell's opening fence.
    public var line: Int
    /// `train`, `plot` … or `swift`.
    public var directive: String
    /// The cell's label (its HTML id on the page), or `cell-N`.
    public var label: String
    /// The cell's page, relative to `output` (`07-learning-algorithm.html`).
    public var page: String
    /// The output folder this build writes (an edition's own folder).
    public var output: String

    /// `chapters/07-learning-algorithm.md:94 train`: how the terminal names the cell.
    public var place: String { "\(file):\(line) \(directive)" }
}

/// A running cell's progress.
public struct CellProgress: Sendable, Equatable {
    public var cell: CellID
    /// Done so far, 0…1.
    public var fraction: Double
    /// What the directive says it is doing ("seed 1: iteration 300/1000, loss 0.42").
    public var message: String
    /// Seconds since the cell started.
    public var elapsed: Double

    /// Seconds left at the pace so far; nil until there is a pace to go by
    /// (2 % done and a second gone).
    public var secondsLeft: Double? {
        let done = min(max(fraction, 0), 1)
        guard done > 0.02, elapsed > 1 else { return nil }
        return elapsed * (1 - done) / done
    }
}

/// A cell that is done, however it ended.
public struct CellDone: Sendable, Equatable {
    public var cell: CellID
    /// Wall-clock seconds it ran (0 when cached or skipped).
    public var seconds: Double
    /// Why it ran, or how it was obtained: "ran: lr changed", "cached" …
    public var reason: String
    /// Cells of this build done so far, this one included (completion order).
    public var finished: Int
    /// Cells this build runs or reads from the cache.
    public var total: Int
}

/// Where a build sends its events.
public struct BuildLog: Sendable {
    public var emit: @Sendable (BuildEvent) -> Void

    public init(_ emit: @escaping @Sendable (BuildEvent) -> Void) {
        self.emit = emit
    }

    public static let silent = BuildLog { _ in }
}
