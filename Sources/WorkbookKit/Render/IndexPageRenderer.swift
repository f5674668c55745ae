/// The workbook's front page: every chapter with its summary and sections.
struct IndexPageRenderer {
    var site: SiteMap

    func render() -> String {
        var body = "<article class=\"index\">\n<h1>\(HTML.escape(site.title))</h1>\n<ol class=\"chapters\">\n"
        for entry in site.entries {
            body += "<li><a class=\"chapter-link\" href=\"\(HTML.escape(entry.file))\">\(HTML.escape(entry.title))</a>"
            if let summary = entry.summary, !summary.isEmpty {
                body += "<p>\(HTML.escape(summary))</p>"
            }
            let sections = entry.headings.filter { $0.level <= 2 }
            if !sections.isEmpty {
                body += "<ul class=\"sections\">"
                for heading in sections {
                    body += "<li><a href=\"\(HTML.escape(entry.file))#\(HTML.escape(heading.id))\">\(HTML.escape(heading.text))</a></li>"
                }
                body += "</ul>"
            }
            body += "</li>\n"
        }
        body += "</ol>\n<p class=\"reference-link\">Every directive and its parameters: <a href=\"\(SiteMap.referenceFile)\">the directive reference</a>.</p>\n</article>\n"
        return PageLayout.page(title: site.title, workbookTitle: site.title, description: nil, body: body)
    }
}
