import Foundation
import WorkbookKit

/// Prints build progress to the terminal: progress lines on standard output,
/// diagnostics on standard error, a live bar for long cells when standard
/// error is a terminal. Text from chapters (labels, messages) may hold control
/// characters such as ESC; they are printed as their pictures (`␛`), never raw.
struct Terminal: Sendable {
    let isInteractive = isatty(STDERR_FILENO) != 0

    /// Where a build's events go: lines for the terminal, and the live bar of
    /// long cells when standard error is a terminal.
    func log(quiet: Bool) -> BuildLog {
        let interactive = isInteractive
        let bars = ProgressBars()
        return BuildLog { event in
            if case .cellProgress(let progress) = event {
                guard interactive, !quiet, let line = bars.line(for: progress) else { return }
                FileHandle.standardError.write(Data(("\r\u{1B}[2K" + ControlCharacters.visible(line)).utf8))
                return
            }
            switch BuildEventLines.line(for: event, quiet: quiet) {
            case .output(let line)?:
                if interactive { Terminal.clearLine() }
                print(ControlCharacters.visible(line))
            case .error(let text)?:
                if interactive { Terminal.clearLine() }
                FileHandle.standardError.write(Data(ControlCharacters.visible(text.hasSuffix("\n") ? text : text + "\n").utf8))
            case nil:
                break
            }
        }
    }

    static func clearLine() {
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    func error(_ text: String) {
        FileHandle.standardError.write(Data((ControlCharacters.visible(text) + "\n").utf8))
    }

    func summary(_ report: BuildReport, output: String) {
        var line = "Built \(report.chapters) chapter\(report.chapters == 1 ? "" : "s") into \(output)/: "
        line += "\(report.ran) ran, \(report.cached) cached"
        if report.skipped > 0 { line += ", \(report.skipped) skipped" }
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        if report.failed > 0 || errors > 0 { line += ", \(report.failed) failed (\(errors) error\(errors == 1 ? "" : "s"))" }
        line += String(format: " in %.1fs", report.seconds)
        print(ControlCharacters.visible(line))
        if !report.slowest.isEmpty, report.slowest[0].seconds >= 0.5 {
            let slow = report.slowest.map { String(format: "%@ %.1fs", "\($0.location.file):\($0.location.line) \($0.label)", $0.seconds) }
            print(ControlCharacters.visible("Slowest: " + slow.joined(separator: ", ")))
        }
    }
}

/// The live bar of long cells: at most ten redraws a second, with the time
/// left at the pace so far.
final class ProgressBars: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDraw = 0.0

    func line(for progress: CellProgress) -> String? {
        let now = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
        lock.lock(); defer { lock.unlock() }
        guard now - lastDraw >= 0.1 || progress.fraction >= 1 else { return nil }
        lastDraw = now
        let width = 24
        let clamped = min(max(progress.fraction, 0), 1)
        let filled = Int((clamped * Double(width)).rounded())
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        var line = "\(progress.cell.place) [\(bar)] \(Int(clamped * 100))% \(progress.message)"
        if let left = progress.secondsLeft { line += String(format: ", %.0fs left", left) }
        return line
    }
}
