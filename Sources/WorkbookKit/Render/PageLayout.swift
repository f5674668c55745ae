/// The frame shared by every page: head, top bar with the workbook title and
/// the link to the directive reference, and the content.
/// The pages are English (`lang="en"`); the Japanese terms in them are marked
/// `lang="ja"` here, for every page at once (``JapaneseSpans``).
enum PageLayout {
    /// Every word the frame puts on a page, in one place (for a translation).
    enum Words {
        static let language = "en"
        static let navigation = "Workbook"
        static let contents = "Contents"
        static let directives = "Directives"
    }

    static func page(title: String, workbookTitle: String, description: String?, body: String) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="\(Words.language)">
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
        <header class="topbar"><a class="home" href="index.html">\(JapaneseSpans.mark(HTML.escape(workbookTitle)))</a><nav aria-label="\(Words.navigation)"><a href="index.html">\(Words.contents)</a> <a href="\(SiteMap.referenceFile)">\(Words.directives)</a></nav></header>
        <main>

        """
        html += JapaneseSpans.mark(body)
        html += "</main>\n</body>\n</html>\n"
        return html
    }
}
