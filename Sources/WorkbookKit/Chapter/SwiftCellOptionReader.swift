import Foundation

/// Reads `//| key: value` lines one at a time and reports bad ones at their
/// column, with did-you-mean for a misspelt name.
struct SwiftCellOptionReader {
    static let prefix = "//|"
    let bodyLocation: SourceLocation
    var options = SwiftCellOptions()
    var diagnostics: [Diagnostic] = []
    /// The option lines as parameters (key and value with their locations), so that
    /// the build finds a Swift cell's `label` and `caption` as it finds a directive's.
    var parameters: [CellParameter] = []

    init(bodyLocation: SourceLocation) {
        self.bodyLocation = bodyLocation
    }

    /// Reads `line` if it is an option line; false at the first line that is not.
    mutating func read(line: String, lineOffset: Int) -> Bool {
        let indent = line.prefix { $0 == " " || $0 == "\t" }
        let rest = line.dropFirst(indent.count)
        guard rest.hasPrefix(Self.prefix) else { return false }
        let lineNumber = bodyLocation.line + lineOffset
        func at(_ byteOffset: Int) -> SourceLocation {
            SourceLocation(file: bodyLocation.file, line: lineNumber, column: bodyLocation.column + byteOffset)
        }
        let afterPrefix = rest.dropFirst(Self.prefix.count)
        let keyStart = afterPrefix.drop { $0 == " " }
        let keyOffset = line.utf8.count - keyStart.utf8.count
        guard let colon = keyStart.firstIndex(of: ":") else {
            if !keyStart.trimmingCharacters(in: .whitespaces).isEmpty {
                diagnostics.append(.error("expected 'key: value' after '//|'", at: at(keyOffset), length: keyStart.utf8.count))
            }
            return true
        }
        let key = String(keyStart[..<colon]).trimmingCharacters(in: .whitespaces)
        let rawValue = keyStart[keyStart.index(after: colon)...]
        let value = Self.unquoted(rawValue.trimmingCharacters(in: .whitespaces))
        let valueOffset = line.utf8.count - rawValue.drop { $0 == " " }.utf8.count
        if SwiftCellOptions.names.contains(key) {
            parameters.append(CellParameter(key: key, keyLocation: at(keyOffset), value: .scalar(value, at(valueOffset), quoted: true)))
        }
        switch key {
        case "label":
            if value.isEmpty || value.contains(where: { $0 == " " || $0 == "\t" }) {
                diagnostics.append(.error("'label' expects one word such as 'fig-descent'", at: at(valueOffset), length: max(1, value.utf8.count)))
            } else {
                options.label = value
            }
        case "caption":
            options.caption = value
        case "echo":
            switch value {
            case "true": options.echo = true
            case "false": options.echo = false
            default:
                diagnostics.append(.error("'echo' expects true or false, found '\(value)'", at: at(valueOffset), length: max(1, value.utf8.count)))
            }
        case "timeout":
            if let seconds = Double(value), seconds.isFinite, seconds > 0 {
                options.timeout = seconds
            } else {
                diagnostics.append(.error("'timeout' expects a positive number of seconds, found '\(value)'", at: at(valueOffset), length: max(1, value.utf8.count)))
            }
        default:
            let suggestion = closestMatch(to: key, among: SwiftCellOptions.names)
            diagnostics.append(.error(
                "unknown option '\(key)' for a Swift cell", at: at(keyOffset),
                hint: suggestion.map { "did you mean '\($0)'?" } ?? "options are " + SwiftCellOptions.names.joined(separator: ", "),
                length: max(1, key.utf8.count)))
        }
        return true
    }

    private static func unquoted(_ text: String) -> String {
        for quote in ["\"", "'"] where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}
