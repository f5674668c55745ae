/// The directive reference page: the same text as `workbook directives`,
/// as HTML, derived from each directive's declaration.
struct ReferencePageRenderer {
    var registry: DirectiveRegistry
    var workbookTitle: String

    /// Every word this renderer puts on a page, in one place (for a translation).
    enum Words {
        static let title = "Directives"
        static let lead = "A run cell is a fenced code block whose info string is <code>run NAME</code>; its body is a YAML mapping of the parameters below. Every directive also takes <code>label</code>, <code>caption</code>, <code>echo</code>, <code>seed</code> and <code>timeout</code>."
        static let parameter = "parameter", accepts = "accepts", defaultValue = "default", meaning = "meaning"
        static let optional = "optional", required = "required"
    }

    func render() -> String {
        var body = "<article class=\"reference\">\n<h1>\(Words.title)</h1>\n"
        body += "<p>\(Words.lead)</p>\n"
        body += "<nav class=\"toc\" aria-label=\"\(Words.title)\"><ol>"
        for directive in registry.directives {
            body += "<li><a href=\"#\(directive.name)\">\(directive.name)</a></li>"
        }
        body += "</ol></nav>\n"
        for directive in registry.directives {
            body += "<section id=\"\(HTML.escape(directive.name))\">\n<h2><code>\(HTML.escape(directive.name))</code></h2>\n"
            body += "<p>\(HTML.escape(directive.summary))</p>\n"
            body += "<div class=\"table-wrap\"><table>\n<thead><tr><th scope=\"col\">\(Words.parameter)</th><th scope=\"col\">\(Words.accepts)</th><th scope=\"col\">\(Words.defaultValue)</th><th scope=\"col\">\(Words.meaning)</th></tr></thead>\n<tbody>\n"
            for spec in directive.allParameters {
                // data-label names the column when a phone shows each row as a block.
                body += "<tr><td><code>\(HTML.escape(spec.name))</code></td><td data-label=\"\(Words.accepts)\">\(HTML.escape(spec.kind.description))</td>"
                body += "<td data-label=\"\(Words.defaultValue)\">\(spec.defaultValue.map { "<code>\(HTML.escape($0.isEmpty ? "\"\"" : $0))</code>" } ?? (spec.isOptional ? "<em>\(Words.optional)</em>" : "<em>\(Words.required)</em>"))</td>"
                body += "<td class=\"meaning\">\(HTML.escape(spec.doc))</td></tr>\n"
            }
            body += "</tbody></table></div>\n"
            body += "<pre class=\"code lang-markdown\"><code>```run \(HTML.escape(directive.name))\n\(SyntaxHighlighter.highlight(directive.example, language: "yaml"))\n```</code></pre>\n</section>\n"
        }
        body += "</article>\n"
        return PageLayout.page(title: "\(Words.title) — \(workbookTitle)", workbookTitle: workbookTitle, description: nil, body: body)
    }
}
