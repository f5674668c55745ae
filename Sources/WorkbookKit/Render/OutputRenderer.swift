import Foundation

/// HTML for one cell's outputs. Pure: values in, text out.
///
/// Numbers are shown in two precisions: a reading value of at most six
/// significant digits, and — when it is not already the whole number — the
/// exact digits (the shortest text that reads back as the same `Double`, the
/// digits the book prints) in a smaller line beside it. Both are in the page
/// (`<data value>` carries the exact one too); no script is involved.
/// A named value whose number already stands in one of the cell's tables is
/// not listed again.
enum OutputRenderer {
    static func render(_ outputs: [CellOutput], figureFiles: [String]) -> String {
        var html = ""
        var values: [(String, String)] = []
        var figureIndex = 0
        let tabulated = tabulatedNumbers(outputs)
        func flushValues() {
            guard !values.isEmpty else { return }
            html += "<dl class=\"values\">"
            for (name, text) in values {
                html += "<div><dt>\(HTML.escape(name))</dt><dd>\(text)</dd></div>"
            }
            html += "</dl>\n"
            values.removeAll()
        }
        for output in outputs {
            switch output {
            case .value(_, let name, let value, let text):
                if let text {
                    values.append((name, HTML.escape(text)))
                } else if !tabulated.contains(value.bitPattern) {
                    values.append((name, number(value)))
                }
                continue
            default:
                flushValues()
            }
            switch output {
            case .value:
                break
            case .numbers(_, let name, let numbers):
                html += renderNumbers(name: name, numbers)
            case .table(let table):
                html += renderTable(table)
            case .figure(let figure):
                let file = figureIndex < figureFiles.count ? figureFiles[figureIndex] : nil
                figureIndex += 1
                let wide = (naturalWidth(ofSVG: figure.svg) ?? 0) >= wideFigureWidth
                html += "<div class=\"plot\(wide ? " wide" : "")\">\(figure.svg)"
                if let file {
                    html += "<a class=\"plot-file\" href=\"\(HTML.escape(file))\">SVG</a>"
                }
                html += "</div>\n"
            case .note(let text):
                html += "<p class=\"note\">\(HTML.escape(text))</p>\n"
            case .code(let language, let code, let origin):
                html += "<div class=\"source\"><div class=\"source-origin\">\(HTML.escape(origin))</div>"
                html += "<pre class=\"code lang-\(HTML.escape(language))\"><code>\(SyntaxHighlighter.highlight(code, language: language))</code></pre></div>\n"
            }
        }
        flushValues()
        return html
    }

    static func renderTable(_ table: OutputTable) -> String {
        var html = "<div class=\"table-wrap\"><table>\n<thead><tr>"
        for column in table.columns { html += "<th scope=\"col\">\(HTML.escape(column))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for (column, cell) in row.enumerated() {
                // data-label names the column when a phone shows each row as a block.
                let label = column < table.columns.count ? " data-label=\"\(HTML.escape(table.columns[column]))\"" : ""
                switch cell {
                case .number(let value): html += "<td class=\"num\"\(label)>\(number(value))</td>"
                case .text: html += "<td\(label)>\(HTML.escape(cell.display))</td>"
                }
            }
            html += "</tr>\n"
        }
        html += "</tbody></table></div>\n"
        return html
    }

    /// A vector: the reading values in a row, the exact ones under them if any differ.
    private static func renderNumbers(name: String, _ numbers: [Double]) -> String {
        // Indices and counts (all whole numbers) print without ".0".
        let whole = numbers.allSatisfy { $0 == $0.rounded() && abs($0) < 9e15 }
        let exact = numbers.map { whole ? String(Int($0)) : formatNumber($0) }
        let reading = whole ? exact : numbers.map(readingText)
        var html = "<div class=\"numbers\"><span class=\"name\">\(HTML.escape(name))</span> <code>[\(reading.joined(separator: ", "))]</code>"
        if reading != exact {
            html += "<span class=\"exact\">[\(exact.joined(separator: ", "))]</span>"
        }
        return html + "</div>\n"
    }

    /// One number: `<data>` with the reading value, and the exact digits beside it
    /// when they say more.
    static func number(_ value: Double) -> String {
        let exact = formatNumber(value)
        let reading = readingText(value)
        guard reading != exact else { return "<data value=\"\(exact)\">\(exact)</data>" }
        return "<data value=\"\(exact)\">\(reading)</data><span class=\"exact\">\(exact)</span>"
    }

    /// At most six significant digits (`0.09750000000000003` → `0.0975`,
    /// `0.1999999999990898` → `0.2`); the exact text when that is as short.
    static func readingText(_ value: Double) -> String {
        guard value.isFinite else { return formatNumber(value) }
        let exact = formatNumber(value)
        if let back = Double(String(format: "%.6g", value)), back == value { return exact }
        var text = String(format: "%.6g", value)
        // C's "1.5e-07" → "1.5e-7", as Swift prints exponents.
        if let e = text.firstIndex(of: "e") {
            let mantissa = text[..<e]
            var exponent = text[text.index(after: e)...]
            let sign = exponent.first == "-" ? "-" : ""
            exponent = exponent.drop { $0 == "+" || $0 == "-" }.drop { $0 == "0" }
            text = "\(mantissa)e\(sign)\(exponent.isEmpty ? "0" : exponent)"
        }
        return text
    }

    /// A figure at least this wide (CSS px) has several panels side by side; on a
    /// phone it keeps its drawn size and scrolls rather than shrinking its text away.
    static let wideFigureWidth = 800.0

    /// The `width` of the root `<svg>` element.
    static func naturalWidth(ofSVG svg: String) -> Double? {
        guard let start = svg.range(of: "<svg"), let end = svg[start.upperBound...].firstIndex(of: ">"),
              let width = svg[start.upperBound..<end].range(of: " width=\"") else { return nil }
        let digits = svg[width.upperBound...].prefix { $0.isNumber || $0 == "." }
        return Double(digits)
    }

    /// Bit patterns of every number in the cell's tables.
    private static func tabulatedNumbers(_ outputs: [CellOutput]) -> Set<UInt64> {
        var numbers: Set<UInt64> = []
        for case .table(let table) in outputs {
            for row in table.rows {
                for case .number(let value) in row { numbers.insert(value.bitPattern) }
            }
        }
        return numbers
    }
}
