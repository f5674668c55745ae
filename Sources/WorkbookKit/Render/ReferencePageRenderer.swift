/// The directive reference page: the same text as `workbook directives`,
/// as HTML, derived from each directive's declaration.
struct ReferencePageRenderer {
    var registry: DirectiveRegistry
    var workbookTitle: String

    func render() -> String {
        var body = "<article class=\"reference\">\n<h1>Directives</h1>\n"
        body += "<p>A run cell is a fenced code block whose info string is <code>run NAME</code>; its body is a YAML mapping of the parameters below. Every directive also takes <code>label</code>, <code>caption</code>, <code>echo</code>, <code>seed</code> and <code>timeout</code>.</p>\n"
        body += "<nav class=\"toc\" aria-label=\"Directives\"><ol>"
        for directive in registry.directives {
            body += "<li><a href=\"#\(directive.name)\">\(directive.name)</a></li>"
        }
        body += "</ol></nav>\n"
        for directive in registry.directives {
            body += "<section id=\"\(HTML.escape(directive.name))\">\n<h2><code>\(HTML.escape(directive.name))</code></h2>\n"
            body += "<p>\(HTML.escape(directive.summary))</p>\n"
            body += "<div class=\"table-wrap\"><table>\n<thead><tr><th scope=\"col\">parameter</th><th scope=\"col\">accepts</th><th scope=\"col\">default</th><th scope=\"col\">meaning</th></tr></thead>\n<tbody>\n"
            for spec in directive.allParameters {
                body += "<tr><td><code>\(HTML.escape(spec.name))</code></td><td>\(HTML.escape(spec.kind.description))</td>"
                body += "<td>\(spec.defaultValue.map { "<code>\(HTML.escape($0.isEmpty ? "\"\"" : $0))</code>" } ?? (spec.isOptional ? "<em>optional</em>" : "<em>required</em>"))</td>"
                body += "<td>\(HTML.escape(spec.doc))</td></tr>\n"
            }
            body += "</tbody></table></div>\n"
            body += "<pre class=\"code lang-markdown\"><code>```run \(HTML.escape(directive.name))\n\(SyntaxHighlighter.highlight(directive.example, language: "yaml"))\n```</code></pre>\n</section>\n"
        }
        body += "</article>\n"
        return PageLayout.page(title: "Directives — \(workbookTitle)", workbookTitle: workbookTitle, description: nil, body: body)
    }
}
