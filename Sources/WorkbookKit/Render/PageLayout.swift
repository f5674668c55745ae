/// The frame shared by every page: head, top bar with the workbook title and
/// the link to the directive reference, and the content.
/// A page is in its edition's language (`<html lang>`, the words from its
/// string table, links to the same page in the other editions); Japanese terms
/// in an English page are marked `lang="ja"` here, for every page at once (``JapaneseSpans``).
enum PageLayout {
    /// `file` is the page's name in the output folder, for the links to the same page in the other editions.
    /// `author` is `workbook.yml`'s `author:`, named in every page's head when given.
    static func page(title: String, workbookTitle: String, description: String?, body: String,
                     language: PageLanguage = .english, file: String = "index.html", author: String? = nil) -> String {
        let strings = language.strings
        // A Japanese page needs no spans: the whole page is lang="ja".
        let isJapanese = language.code.lowercased().hasPrefix("ja")
        func mark(_ html: String) -> String { isJapanese ? html : JapaneseSpans.mark(html) }
        var html = """
        <!DOCTYPE html>
        <html lang="\(HTML.escape(language.code))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <meta name="generator" content="Workbook">

        """
        if let description, !description.isEmpty {
            html += "<meta name=\"description\" content=\"\(HTML.escape(description))\">\n"
        }
        if let author, !author.isEmpty {
            html += "<meta name=\"author\" content=\"\(HTML.escape(author))\">\n"
        }
        html += language.alternates(for: file)
        html += """
        <title>\(HTML.escape(title))</title>
        <link rel="stylesheet" href="style.css">
        </head>
        <body>
        <header class="topbar"><a class="home" href="index.html">\(mark(HTML.escape(workbookTitle)))</a><nav aria-label="\(HTML.escape(strings[.workbookNavigation]))"><a href="index.html">\(HTML.escape(strings[.contents]))</a> <a href="\(SiteMap.referenceFile)">\(HTML.escape(strings[.directives]))</a></nav>\(language.languageSwitch(for: file))</header>
        <main>

        """
        html += mark(body)
        html += "</main>\n</body>\n</html>\n"
        return html
    }
}
