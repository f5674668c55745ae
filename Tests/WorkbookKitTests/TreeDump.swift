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
                out += "  heading \(pos(h.location)) h\(h.level) #\(h.id) \(quote(h.text))\n"
                for inline in h.content { dump(inline, indent: "    ", into: &out) }
            case .prose(let block, let location):
                out += "  prose \(pos(location))\n"
                dump(block, indent: "    ", into: &out)
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

    private func dump(_ block: MarkupBlock, indent: String, into out: inout String) {
        let inner = indent + "  "
        switch block.kind {
        case .paragraph(let inlines):
            out += "\(indent)paragraph \(block.range)\n"
            for inline in inlines { dump(inline, indent: inner, into: &out) }
        case let .heading(level, inlines):
            out += "\(indent)heading h\(level) \(block.range)\n"
            for inline in inlines { dump(inline, indent: inner, into: &out) }
        case .blockQuote(let blocks):
            out += "\(indent)blockQuote \(block.range)\n"
            for child in blocks { dump(child, indent: inner, into: &out) }
        case .list(let list):
            let style: String
            switch list.style {
            case .bullet: style = "bullet"
            case let .ordered(start, delimiter): style = "ordered \(start)\(delimiter)"
            }
            out += "\(indent)list \(style)\(list.tight ? " tight" : "") \(block.range)\n"
            for item in list.items {
                out += "\(inner)item \(item.range)\n"
                for child in item.blocks { dump(child, indent: inner + "  ", into: &out) }
            }
        case let .codeBlock(info, literal):
            out += "\(indent)codeBlock \(block.range) info=\(quote(info)) \(quote(literal))\n"
        case .thematicBreak:
            out += "\(indent)thematicBreak \(block.range)\n"
        case .rawHTML(let literal):
            out += "\(indent)rawHTML \(block.range) \(quote(literal))\n"
        }
    }

    private func dump(_ inline: MarkupInline, indent: String, into out: inout String) {
        let inner = indent + "  "
        func children(_ name: String, _ nodes: [MarkupInline]) {
            out += "\(indent)\(name) \(inline.range)\n"
            for child in nodes { dump(child, indent: inner, into: &out) }
        }
        switch inline.kind {
        case .text(let text): out += "\(indent)text \(inline.range) \(quote(text))\n"
        case .code(let code): out += "\(indent)code \(inline.range) \(quote(code))\n"
        case .emphasis(let nodes): children("emphasis", nodes)
        case .strong(let nodes): children("strong", nodes)
        case let .link(destination, title, nodes):
            children("link \(quote(destination))\(title.map { " title=" + quote($0) } ?? "")", nodes)
        case let .image(source, title, nodes):
            children("image \(quote(source))\(title.map { " title=" + quote($0) } ?? "")", nodes)
        case .softBreak: out += "\(indent)softBreak \(inline.range)\n"
        case .hardBreak: out += "\(indent)hardBreak \(inline.range)\n"
        case .rawHTML(let literal): out += "\(indent)rawHTML \(inline.range) \(quote(literal))\n"
        case .math(let span):
            out += "\(indent)math \(inline.range) \(span.display ? "display" : "inline") \(quote(span.tex))\n"
        case .reference(let reference): out += "\(indent)reference \(inline.range) @\(reference.label)\n"
        }
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
