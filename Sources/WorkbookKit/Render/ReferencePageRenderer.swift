/// The directive reference page: the same text as `workbook directives`,
/// as HTML, derived from each directive's declaration.
struct ReferencePageRenderer {
    var registry: DirectiveRegistry
    var workbookTitle: String

    var language: PageLanguage = .english
    /// `workbook.yml`'s `author:`, for the page's head.
    var author: String?

    /// Every word this renderer puts on a page, from the edition's string table.
    struct Words {
        var strings: Strings
        var title: String { strings[.directives] }
        var lead: String {
            let code = { (name: String) in "<code>\(name)</code>" }
            return strings.template(.referenceIntro).fill(escaping: HTML.escape, [
                "run": code("run NAME"), "label": code("label"), "caption": code("caption"), "echo": code("echo"),
                "seed": code("seed"), "timeout": code("timeout")])
        }
        var parameter: String { strings[.referenceParameter] }
        var accepts: String { strings[.referenceAccepts] }
        var defaultValue: String { strings[.referenceDefault] }
        var meaning: String { strings[.referenceMeaning] }
        var optional: String { strings[.referenceOptional] }
        var required: String { strings[.referenceRequired] }
    }

    func render() -> String {
        let words = Words(strings: language.strings)
        var body = "<article class=\"reference\">\n<h1>\(HTML.escape(words.title))</h1>\n"
        body += "<p>\(words.lead)</p>\n"
        body += "<nav class=\"toc\" aria-label=\"\(HTML.escape(words.title))\"><ol>"
        for directive in registry.directives {
            body += "<li><a href=\"#\(directive.name)\">\(directive.name)</a></li>"
        }
        body += "</ol></nav>\n"
        for directive in registry.directives {
            body += "<section id=\"\(HTML.escape(directive.name))\">\n<h2><code>\(HTML.escape(directive.name))</code></h2>\n"
            body += "<p>\(HTML.escape(directive.summary))</p>\n"
            body += "<div class=\"table-wrap\"><table>\n<thead><tr><th scope=\"col\">\(HTML.escape(words.parameter))</th><th scope=\"col\">\(HTML.escape(words.accepts))</th><th scope=\"col\">\(HTML.escape(words.defaultValue))</th><th scope=\"col\">\(HTML.escape(words.meaning))</th></tr></thead>\n<tbody>\n"
            let own = Set(directive.parameters.map(\.name))
            for spec in directive.allParameters {
                // data-label names the column when a phone shows each row as a block;
                // "common" marks the parameters every directive takes (printed once).
                body += "<tr\(own.contains(spec.name) ? "" : " class=\"common\"")><td><code>\(HTML.escape(spec.name))</code></td><td data-label=\"\(HTML.escape(words.accepts))\">\(HTML.escape(spec.accepts))</td>"
                body += "<td data-label=\"\(HTML.escape(words.defaultValue))\">\(spec.defaultValue.map { "<code>\(HTML.escape($0.isEmpty ? "\"\"" : $0))</code>" } ?? (spec.isOptional ? "<em>\(HTML.escape(words.optional))</em>" : "<em>\(HTML.escape(words.required))</em>"))</td>"
                body += "<td class=\"meaning\">\(HTML.escape(spec.doc))</td></tr>\n"
            }
            body += "</tbody></table></div>\n"
            body += "<pre class=\"code lang-markdown\"><code>```run \(HTML.escape(directive.name))\n\(SyntaxHighlighter.highlight(directive.example, language: "yaml"))\n```</code></pre>\n</section>\n"
        }
        body += "</article>\n"
        return PageLayout.page(title: "\(words.title) — \(workbookTitle)", workbookTitle: workbookTitle, description: nil, body: body,
                               language: language, file: SiteMap.referenceFile, author: author)
    }
}
