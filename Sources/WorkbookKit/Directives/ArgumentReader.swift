import Foundation

/// Reads one YAML value written in a cell into the typed value its
/// ``ParameterKind`` promises, or a diagnostic at the culprit's column.
struct ArgumentReader {
    let name: String
    let kind: ParameterKind
    var limits: ParameterLimits = .none

    func read(_ value: ParameterValue) throws(Diagnostic) -> ArgumentValue {
        // A list beyond its declared length is refused before any item is read,
        // so 10 000 seeds cost nothing to report.
        if let maximum = limits.maximumCount, case .list(let items, _) = value, items.count > maximum,
           kind.isList(items) {
            throw error(at: value, "'\(name)' has \(items.count) values, at most \(maximum) are allowed",
                        hint: "give at most \(maximum)")
        }
        return try readValue(value)
    }

    private func readValue(_ value: ParameterValue) throws(Diagnostic) -> ArgumentValue {
        switch kind {
        case .number(let bounds): return .number(try number(value, bounds))
        case .integer(let bounds): return .integer(try integer(value, bounds))
        case .boolean: return .boolean(try boolean(value))
        case .text: return .text(try scalar(value).text)
        case .choice(let words): return .text(try word(value, from: words))
        case .choices(let words):
            return .words(try listOrOne(value).map { v throws(Diagnostic) in try word(v, from: words) })
        case .texts:
            return .words(try listOrOne(value).map { v throws(Diagnostic) in try scalar(v).text })
        case .expression(let variables):
            return .expressions([try expression(value, variables)])
        case .expressions(let variables):
            return .expressions(try listOrOne(value).map { v throws(Diagnostic) in try expression(v, variables) })
        case .numbers(let bounds):
            return .numbers(try listOrOne(value).map { v throws(Diagnostic) in try number(v, bounds) })
        case .integers(let bounds):
            return .integers(try listOrOne(value).map { v throws(Diagnostic) in try integer(v, bounds) })
        case .vector:
            let items = try list(value, expected: "a list of numbers such as [0.1, 0.9]")
            return .numbers(try items.map { v throws(Diagnostic) in try number(v, .any) })
        case .range:
            let items = try list(value, expected: "a range [from, to]")
            guard items.count == 2 else {
                throw error(at: value, "'\(name)' must be a range of two numbers [from, to], found \(items.count)")
            }
            let from = try number(items[0], .any), to = try number(items[1], .any)
            guard from < to else {
                throw error(at: value, "'\(name)' is an empty range: \(formatNumber(from)) is not less than \(formatNumber(to))",
                            hint: "write [\(formatNumber(min(from, to))), \(formatNumber(max(from, to) == min(from, to) ? from + 1 : max(from, to)))]")
            }
            return .numbers([from, to])
        case .point(let dimension):
            return .points([try point(value, dimension)])
        case .points(let dimension):
            let items = try list(value, expected: "a point [\(Array(repeating: "a", count: dimension).joined(separator: ", "))] or a list of points")
            if items.allSatisfy({ if case .scalar = $0 { return true } else { return false } }) {
                return .points([try point(value, dimension)])
            }
            return .points(try items.map { v throws(Diagnostic) in try point(v, dimension) })
        case .vectors:
            let items = try list(value, expected: "a list of numbers such as [0.1, 0.9], or a list of such lists")
            if items.allSatisfy({ if case .scalar = $0 { return true } else { return false } }) {
                return .points([try items.map { v throws(Diagnostic) in try number(v, .any) }])
            }
            return .points(try items.map { row throws(Diagnostic) in
                try list(row, expected: "a list of numbers").map { v throws(Diagnostic) in try number(v, .any) }
            })
        case .matrix:
            let rows = try list(value, expected: "a matrix written as a list of rows, such as [[1, 2], [3, 4]]")
            let matrix = try rows.map { row throws(Diagnostic) in
                try list(row, expected: "a row of numbers").map { v throws(Diagnostic) in try number(v, .any) }
            }
            if let first = matrix.first, let bad = matrix.firstIndex(where: { $0.count != first.count }) {
                throw error(at: rows[bad], "row \(bad + 1) of '\(name)' has \(matrix[bad].count) numbers, row 1 has \(first.count)")
            }
            return .matrix(matrix)
        }
    }

    // MARK: - Pieces

    private func scalar(_ value: ParameterValue) throws(Diagnostic) -> (text: String, location: SourceLocation, quoted: Bool) {
        switch value {
        case .scalar(let text, let location, let quoted): return (text, location, quoted)
        case .null(let location): return ("", location, false)
        default: throw error(at: value, "'\(name)' expects \(kind.description), found a \(value.shapeName)")
        }
    }

    private func list(_ value: ParameterValue, expected: String) throws(Diagnostic) -> [ParameterValue] {
        guard case .list(let items, _) = value else {
            throw error(at: value, "'\(name)' expects \(expected), found \(value.shapeName)")
        }
        return items
    }

    private func listOrOne(_ value: ParameterValue) throws(Diagnostic) -> [ParameterValue] {
        if case .list(let items, _) = value {
            if items.isEmpty { throw error(at: value, "'\(name)' is an empty list") }
            return items
        }
        return [value]
    }

    private func number(_ value: ParameterValue, _ bounds: NumberBounds) throws(Diagnostic) -> Double {
        let s = try scalar(value)
        let text = s.text.trimmingCharacters(in: .whitespaces)
        guard let d = Double(text), d.isFinite else {
            throw error(at: value, "'\(name)' expects \(kind.description), found '\(s.text)'",
                        hint: text.isEmpty ? "write a number such as 0.1" : nil)
        }
        if let problem = bounds.problem(with: d) {
            throw error(at: value, "'\(name)' \(problem), found \(text)")
        }
        return d
    }

    private func integer(_ value: ParameterValue, _ bounds: NumberBounds) throws(Diagnostic) -> Int {
        let s = try scalar(value)
        let text = s.text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
        let parsed: Int?
        if let i = Int(text) {
            parsed = i
        } else if let d = Double(text), d == d.rounded(), abs(d) < 1e15 {
            parsed = Int(d)  // `1e4` is a fine way to write 10000
        } else {
            parsed = nil
        }
        guard let i = parsed else {
            throw error(at: value, "'\(name)' expects \(kind.description), found '\(s.text)'")
        }
        if let problem = bounds.problem(with: Double(i)) {
            throw error(at: value, "'\(name)' \(problem), found \(text)")
        }
        return i
    }

    private func boolean(_ value: ParameterValue) throws(Diagnostic) -> Bool {
        let s = try scalar(value)
        switch s.text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(at: value, "'\(name)' expects true or false, found '\(s.text)'")
        }
    }

    private func word(_ value: ParameterValue, from words: [String]) throws(Diagnostic) -> String {
        let s = try scalar(value)
        if words.contains(s.text) { return s.text }
        let suggestion = closestMatch(to: s.text, among: words)
        throw error(at: value, "'\(name)' must be one of \(words.joined(separator: ", ")), found '\(s.text)'",
                    hint: suggestion.map { "did you mean '\($0)'?" })
    }

    private func point(_ value: ParameterValue, _ dimension: Int) throws(Diagnostic) -> [Double] {
        let items = try list(value, expected: "a point of \(dimension) numbers")
        guard items.count == dimension else {
            throw error(at: value, "'\(name)' expects a point of \(dimension) numbers, found \(items.count)")
        }
        return try items.map { v throws(Diagnostic) in try number(v, .any) }
    }

    private func expression(_ value: ParameterValue, _ variables: [String]) throws(Diagnostic) -> Expression {
        let s = try scalar(value)
        do {
            return try Expression.parse(s.text, variables: variables)
        } catch {
            var location = s.location
            location.column += error.byteOffset(in: s.text) + (s.quoted ? 1 : 0)
            throw Diagnostic.error(error.message, at: location,
                             hint: error.hint, length: max(error.length, 1))
        }
    }

    private func error(at value: ParameterValue, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic.error(message, at: value.location, hint: hint, length: value.length)
    }
}

extension ParameterKind {
    /// Whether `items`, written as a YAML list, are the kind's list of values (and
    /// not, say, the two numbers of a single point).
    func isList(_ items: [ParameterValue]) -> Bool {
        switch self {
        case .points, .vectors:
            return !items.allSatisfy { if case .scalar = $0 { return true } else { return false } }
        default:
            return true
        }
    }
}

extension ParameterValue {
    /// How many columns a caret should underline: the scalar's text, or one column.
    var length: Int {
        if case .scalar(let text, _, let quoted) = self { return max(1, text.count + (quoted ? 2 : 0)) }
        return 1
    }

    var shapeName: String {
        switch self {
        case .scalar: return "single value"
        case .list: return "list"
        case .mapping: return "mapping"
        case .null: return "empty value"
        }
    }
}
