/// The frame shared by every page: head, top bar with the workbook title and
/// the link to the directive reference, and the content.
enum PageLayout {
    static func page(title: String, workbookTitle: String, description: String?, body: String) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <meta name="generator" content="Workbook">

        """
        if let description, !description.isEmpty {
            html += "<meta name=\"description\" content=\"\(HTML.escape(description))\">\n"
        }
        html += """
        <title>\(HTML.escape(title))</title>
        <link rel="stylesheet" href="style.css">
        </head>
        <body>
        <header class="topbar"><a class="home" href="index.html">\(HTML.escape(workbookTitle))</a><nav aria-label="Workbook"><a href="index.html">Contents</a> <a href="\(SiteMap.referenceFile)">Directives</a></nav></header>
        <main>

        """
        html += body
        html += "</main>\n</body>\n</html>\n"
        return html
    }
}
