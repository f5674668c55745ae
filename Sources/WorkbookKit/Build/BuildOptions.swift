import DeepLearning
import Foundation

/// What `workbook build` was asked to do. Paths are relative to the working
/// directory, so the tool builds any workbook folder.
public struct BuildOptions: Sendable {
    public var chapters: String = "chapters"
    public var output: String = "output"
    /// An MNIST-format directory that overrides `workbook.yml`'s `data`.
    public var data: String?
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    public var useCache = true
    /// Build only the chapters whose file name or slug matches, or only the cell with this label.
    public var only: String?
    /// `workbook serve`'s first look: cells whose estimate is longer than this
    /// many seconds are not run unless cached (their place says they are still
    /// running), so the rest of the page appears at once; nil runs every cell.
    public var deferCellsLongerThan: Double?
    /// Where the `source` directive reads `Sources/DeepLearning` from; nil: the
    /// workbook folder when it has one, else the tool's own checkout (``LibrarySources``).
    public var sourceRoot: String?
    /// Set when this build is one edition of several (see `EditionBuilder`):
    /// its language, the shared cache and settings, its counterparts' figure words.
    public var edition: EditionContext?
    /// How DeepLearning computes; the command line resolves it from the environment.
    public var compute: ComputeConfiguration = .machine

    public init() {}
}

/// What a build did, for the summary line and the exit status.
public struct BuildReport: Sendable {
    public var chapters: Int
    public var ran: Int
    public var cached: Int
    public var failed: Int
    public var skipped: Int
    public var diagnostics: [Diagnostic]
    public var slowest: [(label: String, location: SourceLocation, seconds: Double)]
    public var seconds: Double

    public var succeeded: Bool { failed == 0 && !diagnostics.contains { $0.severity == .error } }

    public init(chapters: Int, ran: Int, cached: Int, failed: Int, skipped: Int, diagnostics: [Diagnostic],
                slowest: [(label: String, location: SourceLocation, seconds: Double)], seconds: Double) {
        self.chapters = chapters
        self.ran = ran
        self.cached = cached
        self.failed = failed
        self.skipped = skipped
        self.diagnostics = diagnostics
        self.slowest = slowest
        self.seconds = seconds
    }

    /// The counts of `results`, and the three slowest cells that ran.
    init(chapters: Int, results: [CellResult], diagnostics: [Diagnostic], seconds: Double) {
        self.init(chapters: chapters, ran: 0, cached: 0, failed: 0, skipped: 0, diagnostics: diagnostics, slowest: [],
                  seconds: seconds)
        for result in results {
            switch result.status {
            case .ran: ran += 1
            case .cached: cached += 1
            case .error: failed += 1
            case .skipped: skipped += 1
            }
        }
        slowest = results.filter { $0.status == .ran }.sorted { $0.seconds > $1.seconds }.prefix(3)
            .map { ($0.label, $0.cell.location, $0.seconds) }
    }
}

/// A problem that stops the build before any page is written (no chapters folder…).
public struct BuildError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
