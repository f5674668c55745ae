@testable import WorkbookKit

/// A readable, stable text picture of a parsed chapter, for the golden test of
/// `Fixtures/chapter-sample.md`: every block, parameter and value with its
/// `line:column`. Test-only, so it lives here and not in `Sources/`.
extension Chapter {
    func treeDump() -> String {
        var out = "chapter \(path) slug=\(slug)\n"
        out += "  title \(quote(title))\n"
        if let summary { out += "  summary \(quote(summary))\n" }
        for block in blocks {
            switch block {
            case .heading(let h):
                out += "  heading \(pos(h.location)) h\(h.level) #\(h.id) \(quote(h.text)) html=\(quote(h.html))\n"
            case .prose(let html, let location):
                out += "  prose \(pos(location)) \(quote(html))\n"
            case .code(let language, let code, let location):
                out += "  code \(pos(location)) lang=\(quote(language)) \(quote(code))\n"
            case .cell(let cell):
                out += "  cell \(pos(cell.location)) run \(quote(cell.directive))@\(pos(cell.directiveLocation)) body@\(pos(cell.bodyLocation))\n"
                for parameter in cell.parameters { dump(parameter, indent: "    ", into: &out) }
            }
        }
        for (i, span) in math.enumerated() {
            out += "  math \(i) \(pos(span.location)) \(span.display ? "display" : "inline") \(quote(span.tex))\n"
        }
        for reference in references {
            out += "  ref \(pos(reference.location)) @\(reference.label)\n"
        }
        for d in diagnostics {
            out += "  \(d.severity.rawValue) \(pos(d.location))+\(d.length) \(quote(d.message))"
            if let hint = d.hint { out += " hint=\(quote(hint))" }
            out += "\n"
        }
        return out
    }

    private func dump(_ parameter: CellParameter, indent: String, into out: inout String) {
        out += "\(indent)\(parameter.key) @\(pos(parameter.keyLocation)) = "
        dump(parameter.value, indent: indent, into: &out)
    }

    private func dump(_ value: ParameterValue, indent: String, into out: inout String) {
        switch value {
        case let .scalar(text, location, quoted):
            out += "\(quoted ? "quoted" : "scalar") \(quote(text)) @\(pos(location))\n"
        case .null(let location):
            out += "null @\(pos(location))\n"
        case let .list(items, location):
            out += "list @\(pos(location))\n"
            for item in items {
                out += "\(indent)  - "
                dump(item, indent: indent + "    ", into: &out)
            }
        case let .mapping(parameters, location):
            out += "mapping @\(pos(location))\n"
            for parameter in parameters { dump(parameter, indent: indent + "  ", into: &out) }
        }
    }

    private func pos(_ location: SourceLocation) -> String { "\(location.line):\(location.column)" }

    /// Swift-style string literal; private-use characters shown as `\u{E000}`.
    private func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || (0xE000...0xF8FF).contains(scalar.value) {
                    out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
