import Foundation

/// What the Swift runtime printed on standard error when a program trapped:
/// the message (`Fatal error: Index out of range`, `Swift runtime failure:
/// arithmetic overflow`) and the chapter lines of the backtrace's frames.
///
/// Because cells are compiled with `-g` after `#sourceLocation`, the
/// backtracer (`SWIFT_BACKTRACE=enable=yes`) names frames of reader code as
/// `… at chapters/FILE.md:LINE:COLUMN`; the first such frame is where the
/// trap happened, the later ones are its callers.
struct TrapReport: Equatable {
    var message: String?
    /// Chapter locations of the crashed thread's frames, innermost first.
    var frames: [SourceLocation]
    /// What the program wrote on stderr before the runtime's report.
    var otherOutput: String

    /// The environment value that makes the runtime print a short, plain backtrace.
    static let backtraceSetting = "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,limit=32"

    init(standardError: String, chapterFile: String) {
        var message: String?
        var frames: [SourceLocation] = []
        var other: [String] = []
        var inReport = false
        let suffix = " at " + chapterFile + ":"
        for raw in standardError.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if message == nil, let text = Self.message(in: line) {
                message = text
                inReport = true
                continue
            }
            if line.hasPrefix("*** ") || line.hasPrefix("💣") { inReport = true }
            if inReport, let range = line.range(of: suffix, options: .backwards) {
                let place = line[range.upperBound...].split(separator: ":")
                if place.count >= 1, let number = Int(place[0]) {
                    let column = place.count >= 2 ? Int(place[1]) ?? 1 : 1
                    frames.append(SourceLocation(file: chapterFile, line: number, column: column))
                }
            } else if !inReport {
                other.append(line)
            }
        }
        self.message = message
        self.frames = frames
        self.otherOutput = other.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `Fatal error: …`, `Precondition failed: …` (after the runtime's `file:line: ` prefix), or `Swift runtime failure: …`.
    private static func message(in line: String) -> String? {
        for kind in ["Fatal error", "Precondition failed", "Assertion failed"] {
            if let range = line.range(of: kind) { return String(line[range.lowerBound...]) }
        }
        if line.hasPrefix("*** Swift runtime failure: ") {
            return String(line.dropFirst(4).dropLast(line.hasSuffix(" ***") ? 4 : 0))
        }
        return nil
    }
}
