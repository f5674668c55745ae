import Yams

/// Translates positions inside an embedded YAML text (a run cell body, front
/// matter, `workbook.yml`) into locations in the file that contains it.
///
/// Yams' `Mark` is 1-based in lines and counts columns in Unicode scalars;
/// our columns count UTF-8 bytes, so each column is converted with the text
/// of its YAML line.
struct YAMLPositions {
    let file: String
    /// YAML lines, as given to Yams.
    let lines: [Substring]
    /// File line of YAML line 1.
    let firstLine: Int
    /// Columns added on each YAML line (1-based YAML line → offset), e.g.
    /// fence indentation cmark removed. Missing entries mean 0.
    let columnOffsets: [Int]
    /// For each line that is not pure ASCII, the UTF-8 offset of each of its
    /// scalars (plus one past the end); nil for ASCII lines, where a scalar
    /// column is a byte column. Built once, so converting the column of every
    /// item of a long one-line list is linear, not quadratic.
    private let byteOffsets: [[Int32]?]

    init(yaml: String, file: String, firstLine: Int, columnOffsets: [Int] = []) {
        self.file = file
        self.lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        self.firstLine = firstLine
        self.columnOffsets = columnOffsets
        self.byteOffsets = lines.map { line in
            guard line.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
            var offsets: [Int32] = [0]
            var total: Int32 = 0
            for scalar in line.unicodeScalars {
                total += Int32(UTF8.width(scalar))
                offsets.append(total)
            }
            return offsets
        }
    }

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: firstLine, column: 1) }
        return location(line: mark.line, scalarColumn: mark.column)
    }

    func location(line: Int, scalarColumn: Int) -> SourceLocation {
        var column = scalarColumn
        if line >= 1, line <= lines.count, let offsets = byteOffsets[line - 1] {
            let scalars = offsets.count - 1
            let k = max(0, scalarColumn - 1)
            column = Int(offsets[min(k, scalars)]) + 1 + max(0, k - scalars)
        }
        let offset = line >= 1 && line <= columnOffsets.count ? columnOffsets[line - 1] : 0
        return SourceLocation(file: file, line: firstLine + line - 1, column: column + offset)
    }

    /// The error for the first anchor or alias in `yaml`, if any: checked
    /// before `Yams.compose`, see `YAMLAliasCheck`.
    func anchorDiagnostic(in yaml: String, what: String) -> Diagnostic? {
        guard let found = YAMLAliasCheck.firstAnchorOrAlias(in: yaml) else { return nil }
        return .error("YAML anchors and aliases are not supported in \(what)",
                      at: location(line: found.line, scalarColumn: found.column),
                      hint: found.isAlias ? "write the value out instead of '*name'" : "remove the '&name' anchor and write each value out")
    }

    /// A diagnostic for an error thrown by `Yams.compose`.
    func diagnostic(for error: any Error, what: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return .error("\(what) is not valid YAML: \(error)", at: location(nil))
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            // libyaml's own words for its nesting limit name a C function and lose a parenthesis.
            if problem.hasPrefix("Maximum nesting level reached") {
                return .error("\(what) nests lists and mappings too deeply for YAML", at: location(mark),
                              hint: "a workbook needs a few levels at most, e.g. W: [[1, 2], [3, 4]]")
            }
            let extra = context.map { " (\($0.text))" } ?? ""
            // A line without ':' is found missing one at the next line (or past the
            // text's end); the words that lack it are where the key began.
            let at = problem == "could not find expected ':'" ? context?.mark ?? mark : mark
            let hint = problem == "mapping values are not allowed in this context"
                ? "a value that holds ': ' is written in quotes, e.g. caption: \"Loss: the first steps\"" : nil
            return .error("\(what) is not valid YAML: \(problem)\(extra)", at: location(at), hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? "?"
            return .error(
                "duplicate key '\(key)' in \(what)", at: secondOccurrence(of: key, after: context.mark),
                hint: "each key may appear only once; remove or rename one of them",
                length: key.utf8.count)
        case let .reader(problem, _, _, _):
            return .error("\(what) is not valid YAML: \(problem)", at: location(nil))
        default:
            return .error("\(what) is not valid YAML: \(yamlError)", at: location(nil))
        }
    }

    /// Yams reports a duplicate at the first key; point at the repeat instead,
    /// found as `key:` at the same column on a later line.
    private func secondOccurrence(of key: String, after mark: Mark) -> SourceLocation {
        guard mark.line >= 1 else { return location(nil) }
        for line in mark.line..<lines.count {
            let text = lines[line].unicodeScalars
            let start = mark.column - 1
            guard text.count > start else { continue }
            let rest = String(String.UnicodeScalarView(text.dropFirst(start)))
            if rest.hasPrefix(key) {
                let after = rest.dropFirst(key.count).drop { $0 == " " }
                if after.hasPrefix(":") { return location(line: line + 1, scalarColumn: mark.column) }
            }
        }
        return location(mark)
    }
}
