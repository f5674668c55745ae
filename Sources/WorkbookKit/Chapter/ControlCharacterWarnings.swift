/// The warnings about control characters in a chapter: in Chapter/, since
/// they are diagnostics (ControlCharacters itself sits below every folder).
extension ControlCharacters {
    /// One warning per line holding control characters, at the first of them,
    /// for at most `limit` lines (then one more saying how many lines were left out).
    static func warnings(in source: String, file: String, limit: Int = 5) -> [Diagnostic] {
        guard occur(in: source) else { return [] }
        var warnings: [Diagnostic] = []
        var line = 1, column = 1, warnedLine = 0, lines = 0
        for scalar in source.unicodeScalars {
            if scalar == "\n" { line += 1; column = 1; continue }
            if isControl(scalar), warnedLine != line {
                warnedLine = line
                lines += 1
                if lines <= limit {
                    warnings.append(.warning(
                        "control character \(quoted(Character(scalar))) in the text; pages show it as \u{FFFD}",
                        at: SourceLocation(file: file, line: line, column: column),
                        hint: "delete it (it is invisible in most editors)"))
                }
            }
            column += String(scalar).utf8.count
        }
        if lines > limit, let last = warnings.last {
            warnings.append(.warning("control characters on \(lines - limit) more lines", at: last.location))
        }
        return warnings
    }
}
