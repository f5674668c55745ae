import Foundation

/// Reads the Swift compiler's diagnostics (`-diagnostic-style=llvm`, the
/// classic `file:line:column: severity: message` form followed by the source
/// line, a caret line and an optional fix-it line) into `Diagnostic`s.
///
/// Because the program is compiled with `#sourceLocation` before each cell,
/// the locations already name the chapter file and line; the chapter source
/// gives the line and caret again when the diagnostic is formatted.
public enum SwiftcDiagnostics {
    public struct Parsed: Sendable, Equatable {
        public var diagnostics: [Diagnostic]
        /// Lines that were no diagnostic (linker messages, driver errors), in order.
        public var otherLines: [String]
    }

    public static func parse(_ output: String) -> Parsed {
        var diagnostics: [Diagnostic] = []
        var other: [String] = []
        var following: [String] = []
        var current: Diagnostic?

        func flush() {
            guard var diagnostic = current else { return }
            // following[0] is the source line, [1] the caret line, [2] a fix-it.
            if following.count >= 2, let caret = caretLength(following[1]) {
                diagnostic.length = caret
                if following.count >= 3 {
                    let fix = following[2].trimmingCharacters(in: .whitespaces)
                    if !fix.isEmpty {
                        let inserts = !following[1].contains("~")
                        diagnostic.hint = "fix-it: " + (inserts ? "insert" : "replace with") + " '\(fix)'"
                    }
                }
            } else {
                other += following
            }
            diagnostics.append(diagnostic)
            current = nil
            following = []
        }

        for line in output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let header = header(line) {
                flush()
                current = header
            } else if current != nil, following.count < 3, !(following.count == 2 && line.isEmpty) {
                following.append(line)
            } else {
                flush()
                if !line.trimmingCharacters(in: .whitespaces).isEmpty { other.append(line) }
            }
        }
        flush()
        return Parsed(diagnostics: diagnostics, otherLines: other)
    }

    /// `file:line:column: severity: message`, or nil.
    static func header(_ line: String) -> Diagnostic? {
        for (word, severity) in [("error", Diagnostic.Severity.error), ("warning", .warning), ("note", .note), ("remark", .note)] {
            guard let range = line.range(of: ": \(word): ") else { continue }
            let place = line[..<range.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            guard place.count >= 3, let column = Int(place[place.count - 1]), let number = Int(place[place.count - 2]) else { continue }
            let file = place.dropLast(2).joined(separator: ":")
            var message = String(line[range.upperBound...])
            // Drop the diagnostic group tag (`[#no-usage]`): it names documentation we do not ship.
            if message.hasSuffix("]"), let open = message.range(of: " [#", options: .backwards) {
                message = String(message[..<open.lowerBound])
            }
            return Diagnostic(severity, message, at: SourceLocation(file: file, line: number, column: column))
        }
        return nil
    }

    /// The underline length of a caret line (`^` and the `~` right after it), nil if it is not one.
    static func caretLength(_ line: String) -> Int? {
        guard line.contains("^"), line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "^" || $0 == "~" }) else { return nil }
        let afterCaret = line.drop { $0 != "^" }.dropFirst()
        return 1 + afterCaret.prefix { $0 == "~" }.count
    }
}
