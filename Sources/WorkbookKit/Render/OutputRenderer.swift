/// HTML for one cell's outputs. Pure: values in, text out.
enum OutputRenderer {
    static func render(_ outputs: [CellOutput], figureFiles: [String]) -> String {
        var html = ""
        var values: [(String, String)] = []
        var figureIndex = 0
        func flushValues() {
            guard !values.isEmpty else { return }
            html += "<dl class=\"values\">"
            for (name, text) in values {
                html += "<div><dt>\(HTML.escape(name))</dt><dd>\(HTML.escape(text))</dd></div>"
            }
            html += "</dl>\n"
            values.removeAll()
        }
        for output in outputs {
            switch output {
            case .value(let name, let value, let text):
                values.append((name, text ?? formatNumber(value)))
                continue
            default:
                flushValues()
            }
            switch output {
            case .value:
                break
            case .numbers(let name, let numbers):
                // Indices and counts (all whole numbers) print without ".0".
                let whole = numbers.allSatisfy { $0 == $0.rounded() && abs($0) < 9e15 }
                let text = numbers.map { whole ? String(Int($0)) : formatNumber($0) }.joined(separator: ", ")
                html += "<div class=\"numbers\"><span class=\"name\">\(HTML.escape(name))</span> <code>[\(text)]</code></div>\n"
            case .table(let table):
                html += renderTable(table)
            case .figure(let figure):
                let file = figureIndex < figureFiles.count ? figureFiles[figureIndex] : nil
                figureIndex += 1
                html += "<div class=\"plot\">\(figure.svg)"
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
            for cell in row {
                switch cell {
                case .number: html += "<td class=\"num\">\(HTML.escape(cell.display))</td>"
                case .text: html += "<td>\(HTML.escape(cell.display))</td>"
                }
            }
            html += "</tr>\n"
        }
        html += "</tbody></table></div>\n"
        return html
    }
}
