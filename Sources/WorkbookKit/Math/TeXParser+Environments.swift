/// `\begin{array}{ccc} … \end{array}` and the matrix environments, as an
/// `<mtable>`, fenced for `pmatrix`/`bmatrix`/….
extension TeXParser {
    mutating func parseEnvironment(column: Int) throws(LanguageError) -> MathAtom {
        let nameColumn = i + 1
        let name = try parseBracedWord(after: "'\\begin'", column: column, length: 6)
        guard let fences = TeXSymbols.environments[name] else {
            let suggestion = EditDistance.closest(to: name, among: TeXSymbols.environments.keys.sorted())
            throw LanguageError(message: "unknown environment '\(name)'", column: nameColumn + 1, length: max(1, name.count),
                                hint: suggestion.map { "did you mean '\($0)'?" }
                                    ?? "known: " + TeXSymbols.environments.keys.sorted().joined(separator: ", "))
        }
        var alignments: [Character] = []
        switch name {
        case "array":
            let spec = try parseBracedWord(after: "'\\begin{array}'", column: column, length: 6, allowing: "lcr|")
            alignments = spec.filter { $0 != "|" }
        case "cases": alignments = ["l", "l"]
        case "aligned": alignments = Array(repeating: ["r", "l"], count: 8).flatMap { $0 }
        default: break
        }

        var rows: [[String]] = [], cells: [String] = []
        while true {
            let atoms = try parseRow()
            cells.append(atoms.map(\.xml).joined())
            switch stop(bracket: false) {
            case .ampersand:
                i += 1
            case .newline:
                i += 2
                rows.append(cells)
                cells = []
            case .endEnvironment:
                let endColumn = i + 1
                i += 4
                let endNameColumn = i + 1
                let endName = try parseBracedWord(after: "'\\end'", column: endColumn, length: 4)
                guard endName == name else {
                    throw LanguageError(message: "'\\end{\(endName)}' does not match '\\begin{\(name)}' at column \(column)",
                                        column: endNameColumn + 1, length: max(1, endName.count), hint: "write \\end{\(name)}")
                }
                // A trailing `\\` before `\end` does not make an empty row.
                if !(cells.count == 1 && cells[0].isEmpty && !rows.isEmpty) { rows.append(cells) }
                return MathAtom(xml: Self.table(rows, alignments: alignments, fences: fences), isOpening: fences.open != nil)
            case .end, nil:
                throw LanguageError(message: "'\\begin{\(name)}' without a matching '\\end{\(name)}'", column: column, length: 6,
                                    hint: "add \\end{\(name)}")
            default:
                try failInside(group: "\\begin{\(name)}", openColumn: column)
            }
        }
    }

    private static func table(_ rows: [[String]], alignments: [Character], fences: (open: String?, close: String?)) -> String {
        var xml = "<mtable>"
        for row in rows {
            xml += "<mtr>"
            for (k, cell) in row.enumerated() {
                let align = k < alignments.count ? alignments[k] : "c"
                let attribute = align == "l" ? " columnalign=\"left\"" : align == "r" ? " columnalign=\"right\"" : ""
                xml += "<mtd\(attribute)>\(cell)</mtd>"
            }
            xml += "</mtr>"
        }
        xml += "</mtable>"
        guard fences.open != nil || fences.close != nil else { return xml }
        return "<mrow>" + fence(fences.open ?? "", form: "prefix") + xml + fence(fences.close ?? "", form: "postfix") + "</mrow>"
    }

    /// `{name}` after `\begin`/`\end`, or a column spec.
    private mutating func parseBracedWord(after command: String, column: Int, length: Int,
                                          allowing allowed: String? = nil) throws(LanguageError) -> String {
        skipSpaces()
        guard i < chars.count, chars[i] == "{" else {
            throw LanguageError(message: "\(command) needs a braced name", column: column, length: length,
                                hint: "for example \\begin{array}{cc}")
        }
        let open = i
        i += 1
        var word = ""
        while i < chars.count, chars[i] != "}" {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if let allowed, !allowed.contains(c) {
                throw LanguageError(message: "unexpected \(ControlCharacters.quoted(c)) in the column specification", column: i + 1,
                                    hint: "use l, c, r and |")
            }
            word.append(c)
            i += 1
        }
        guard i < chars.count else {
            throw LanguageError(message: "unbalanced brace: this '{' is never closed", column: open + 1, hint: "add '}'")
        }
        i += 1
        return word
    }
}
