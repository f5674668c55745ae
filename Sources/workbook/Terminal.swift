import Foundation
import WorkbookKit

/// Prints build progress to the terminal: progress lines on standard output,
/// diagnostics on standard error, a live bar for long cells when standard
/// error is a terminal.
struct Terminal: Sendable {
    let isInteractive = isatty(STDERR_FILENO) != 0

    func log(quiet: Bool) -> BuildLog {
        let interactive = isInteractive
        return BuildLog(
            info: { line in
                if interactive { Terminal.clearLine() }
                print(line)
            },
            diagnostic: { text in
                if interactive { Terminal.clearLine() }
                FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
            },
            progress: { location, fraction, status in
                guard interactive, !quiet else { return }
                let width = 24
                let filled = Int((fraction * Double(width)).rounded())
                let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
                FileHandle.standardError.write(Data("\r\u{1B}[2K\(location) [\(bar)] \(status)".utf8))
            })
    }

    static func clearLine() {
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    func summary(_ report: BuildReport, output: String) {
        var line = "Built \(report.chapters) chapter\(report.chapters == 1 ? "" : "s") into \(output)/: "
        line += "\(report.ran) ran, \(report.cached) cached"
        if report.skipped > 0 { line += ", \(report.skipped) skipped" }
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        if report.failed > 0 || errors > 0 { line += ", \(report.failed) failed (\(errors) error\(errors == 1 ? "" : "s"))" }
        line += String(format: " in %.1fs", report.seconds)
        print(line)
        if !report.slowest.isEmpty, report.slowest[0].seconds >= 0.5 {
            let slow = report.slowest.map { String(format: "%@ %.1fs", "\($0.location.file):\($0.location.line) \($0.label)", $0.seconds) }
            print("Slowest: " + slow.joined(separator: ", "))
        }
    }
}
