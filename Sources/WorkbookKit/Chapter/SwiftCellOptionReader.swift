/// Reads a Swift cell's leading `//|` lines as one YAML mapping, by the path
/// run cell bodies take (`ParameterReader`, `YAMLPositions.readMapping`): the
/// text after each `//|` (and the one space after it) is a line of YAML,
/// located at its own column in the chapter. Then each option is checked, and
/// an unknown name (with did-you-mean) or a bad value is reported at its key
/// or value.
struct SwiftCellOptionReader {
    static let prefix = "//|"
    var options = SwiftCellOptions()
    var diagnostics: [Diagnostic] = []
    /// The known options as parameters (key and value with their locations), so
    /// that the build finds a Swift cell's `label` and `caption` as it finds a directive's.
    var parameters: [CellParameter] = []
    /// When a YAML error stopped the options: the pairs before it (for the label).
    var pairsBeforeError: [CellParameter] = []
    /// Where the YAML error that stopped the options points, if one did.
    var stoppedAt: SourceLocation?
    /// How many of the body's first lines are option lines.
    let optionLines: Int

    /// Reads the option lines at the start of `lines`, the body of a cell whose
    /// first body line starts at `bodyLocation`.
    init(lines: [Substring], bodyLocation: SourceLocation) {
        var yaml: [Substring] = []
        var offsets: [Int] = []
        for line in lines {
            let rest = line.drop { $0 == " " || $0 == "\t" }
            guard rest.hasPrefix(Self.prefix) else { break }
            var text = rest.dropFirst(Self.prefix.count)
            if text.first == " " { text = text.dropFirst() }
            yaml.append(text)
            offsets.append(bodyLocation.column - 1 + line.utf8.count - text.utf8.count)
        }
        optionLines = yaml.count
        guard !yaml.isEmpty else { return }
        let text = yaml.joined(separator: "\n")
        var reader = ParameterReader(positions: YAMLPositions(
            yaml: text, file: bodyLocation.file, firstLine: bodyLocation.line, columnOffsets: offsets))
        let given = reader.read(text, what: "the '//|' block", hint: "write one option per line, e.g. '//| label: fig-mine'")
        // An error at the end of the text (an unclosed '[' or quote) points past the
        // option lines; it is shown at the end of the last one, not in the code.
        let last = (line: bodyLocation.line + yaml.count - 1, end: offsets[yaml.count - 1] + yaml[yaml.count - 1].utf8.count + 1)
        diagnostics = reader.diagnostics.map { diagnostic in
            guard diagnostic.location.line > last.line else { return diagnostic }
            var moved = diagnostic
            moved.location = SourceLocation(file: bodyLocation.file, line: last.line, column: last.end)
            return moved
        }
        stoppedAt = reader.stoppedAt.map { $0.line > last.line ? SourceLocation(file: bodyLocation.file, line: last.line, column: last.end) : $0 }
        pairsBeforeError = reader.pairsBeforeError.filter { SwiftCellOptions.names.contains($0.key) }
        for option in given { check(option) }
    }

    /// Takes one `key: value` pair: a known option with a good value, or a diagnostic.
    private mutating func check(_ option: CellParameter) {
        let key = option.key, value = option.value
        guard SwiftCellOptions.names.contains(key) else {
            let suggestion = closestMatch(to: key, among: SwiftCellOptions.names)
            diagnostics.append(.error(
                "unknown option '\(key)' for a Swift cell", at: option.keyLocation,
                hint: suggestion.map { "did you mean '\($0)'?" } ?? "options are " + SwiftCellOptions.names.joined(separator: ", "),
                length: max(1, key.utf8.count)))
            return
        }
        parameters.append(option)
        let text: String? = switch value {
        case .scalar(let text, _, _): text
        case .null: ""
        case .list, .mapping: nil
        }
        let found = text.map { "'\($0)'" } ?? (value.isList ? "a list" : "a mapping")
        func refuse(_ message: String) {
            diagnostics.append(.error(message, at: value.location, length: max(1, text?.utf8.count ?? 1)))
        }
        switch key {
        case "label":
            if let text, !text.isEmpty, !text.contains(where: \.isWhitespace) {
                options.label = text
            } else {
                refuse("'label' expects one word such as 'fig-descent'")
            }
        case "caption":
            if let text { options.caption = text } else { refuse("'caption' expects text, found \(found)") }
        case "echo":
            switch text {
            case "true": options.echo = true
            case "false": options.echo = false
            default: refuse("'echo' expects true or false, found \(found)")
            }
        case "timeout":
            if let text, let seconds = Double(text), seconds.isFinite, seconds > 0 {
                options.timeout = seconds
            } else {
                refuse("'timeout' expects a positive number of seconds, found \(found)")
            }
        default:
            break
        }
    }
}

private extension ParameterValue {
    var isList: Bool { if case .list = self { true } else { false } }
}
