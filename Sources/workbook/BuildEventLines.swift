import Foundation
import WorkbookKit

/// The terminal's words for build events: which line, if any, an event
/// prints, and where. Pure, so the lines are the same under `build` and
/// `serve`.
enum BuildEventLines {
    enum Line: Equatable {
        /// Progress and summary lines, on standard output.
        case output(String)
        /// Diagnostics, on standard error.
        case error(String)
    }

    /// The line of `event`; `quiet` keeps only the diagnostics. (Cell progress
    /// is drawn by `ProgressBars`, not printed as a line.)
    static func line(for event: BuildEvent, quiet: Bool) -> Line? {
        switch event {
        case .diagnostic(_, let text):
            return .error(text)
        case .editionStarted(let language, let chapters, let output):
            return quiet ? nil : .output("Edition '\(language)': \(chapters) → \(output)")
        case .cellFinished(let done):
            return quiet ? nil : .output(cellLine(done, time: String(format: " %.2fs", done.seconds)))
        case .cellCached(let done), .cellFailed(let done), .cellSkipped(let done):
            return quiet ? nil : .output(cellLine(done, time: ""))
        case .chapterRead, .cellStarted, .cellProgress, .pageWritten, .buildFinished:
            return nil
        }
    }

    /// `[3/40] chapters/02-loss-functions.md:28 loss fig-sse 0.12s (ran: new cell)`.
    private static func cellLine(_ done: CellDone, time: String) -> String {
        "[\(done.finished)/\(done.total)] \(done.cell.place) \(done.cell.label)\(time) (\(done.reason))"
    }
}
