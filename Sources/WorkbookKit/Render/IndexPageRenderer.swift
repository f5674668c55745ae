/// The workbook's front page: every chapter with its summary and sections,
/// which chapters have errors, and the map from the book's sections and
/// figures to this workbook's.
struct IndexPageRenderer {
    var site: SiteMap
    /// Chapters with errors, by slug.
    var errors: [String: ChapterErrors] = [:]

    /// How many errors a chapter has, and the anchor of the first one: its cell,
    /// or the box of the chapter's own problems under the title.
    struct ChapterErrors: Equatable {
        var count: Int
        var firstAnchor: String?
    }

    /// Every word this renderer puts on a page, from the edition's string table.
    struct Words {
        var strings: Strings
        func errors(_ count: Int) -> String { count == 1 ? strings[.oneError] : strings[.errorCount, ["n": String(count)]] }
        var referenceLink: String { strings[.referenceLinkText] }
        var bookMapHeading: String { strings[.bookMapHeading] }
        var bookMapLead: String { strings[.bookMapLead] }
        var bookColumn: String { strings[.bookColumn] }
        var workbookColumn: String { strings[.workbookColumn] }
        func chapter(_ number: Int) -> String { strings[.bookMapChapter, ["n": String(number)]] }
        func figure(_ number: String) -> String { strings[.figureNumber, ["n": number]] }
    }

    var words: Words { Words(strings: site.language.strings) }

    func render() -> String {
        var body = "<article class=\"index\">\n<h1>\(HTML.escape(site.title))</h1>\n<ol class=\"chapters\">\n"
        for entry in site.entries {
            body += "<li><a class=\"chapter-link\" href=\"\(HTML.escape(entry.file))\">\(HTML.escape(entry.title))</a>"
            if let problems = errors[entry.slug] {
                let href = entry.file + (problems.firstAnchor.map { "#" + $0 } ?? "")
                body += "<a class=\"chapter-errors\" href=\"\(HTML.escape(href))\">\(HTML.escape(words.errors(problems.count)))</a>"
            }
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
        body += "</ol>\n"
        body += bookMap()
        let link = "<a href=\"\(SiteMap.referenceFile)\">\(HTML.escape(words.referenceLink))</a>"
        let sentence = site.language.strings.template(.referenceLinkSentence).fill(escaping: HTML.escape, ["link": link])
        body += "<p class=\"reference-link\">\(sentence)</p>\n</article>\n"
        return PageLayout.page(title: site.title, workbookTitle: site.title, description: nil, body: body,
                               language: site.language, file: "index.html", author: site.author)
    }

    /// One row per book section or figure named in a chapter's `book:` front
    /// matter, in the book's order, with a link to the heading or figure here.
    private func bookMap() -> String {
        var rows: [(book: String, link: String)] = []
        for entry in site.entries {
            for mapped in entry.book.entries {
                let link: String
                if let heading = entry.headings.first(where: { $0.id == mapped.key }) {
                    link = "<a href=\"\(HTML.escape(entry.file))#\(HTML.escape(heading.id))\">\(HTML.escape(words.chapter(entry.number))): \(HTML.escape(heading.text))</a>"
                } else if let target = site.targets[mapped.key], target.file == entry.file {
                    link = "<a href=\"\(HTML.escape(target.file))#\(HTML.escape(target.anchor))\">\(HTML.escape(words.figure(target.number)))</a>"
                } else {
                    continue
                }
                for reference in mapped.references { rows.append((reference, link)) }
            }
        }
        guard !rows.isEmpty else { return "" }
        rows.sort { Self.bookOrder($0.book).lexicographicallyPrecedes(Self.bookOrder($1.book)) }
        var html = "<section class=\"book-map\"><h2>\(HTML.escape(words.bookMapHeading))</h2>\n<p>\(HTML.escape(words.bookMapLead))</p>\n"
        html += "<div class=\"table-wrap\"><table class=\"book-map\">\n<thead><tr><th scope=\"col\">\(HTML.escape(words.bookColumn))</th><th scope=\"col\">\(HTML.escape(words.workbookColumn))</th></tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr><td>\(HTML.escape(row.book))</td><td>\(row.link)</td></tr>\n"
        }
        html += "</tbody></table></div></section>\n"
        return html
    }

    /// Sections before figures; each by its numbers (4.2.10 after 4.2.9).
    private static func bookOrder(_ reference: String) -> [Int] {
        let isFigure = BookMap.isFigure(reference)
        let numbers = reference.split { !$0.isNumber || !$0.isASCII }.compactMap { Int($0) }
        return [isFigure ? 1 : 0] + numbers
    }

    /// The errors of each chapter: its own error diagnostics, the problems its
    /// page shows under the title (`problems[i]`: math, references), and those
    /// of its cells (`cells`: each cell's chapter index and result).
    static func errors(chapters: [Chapter], problems: [[Diagnostic]] = [],
                       cells: [(chapter: Int, result: CellResult)]) -> [String: ChapterErrors] {
        var found: [String: ChapterErrors] = [:]
        for (index, chapter) in chapters.enumerated() {
            let pageProblems = index < problems.count ? problems[index] : []
            var all = Set((chapter.diagnostics + pageProblems).filter { $0.severity == .error })
            var cellOf: [Diagnostic: String] = [:]
            for (_, result) in cells.lazy.filter({ $0.chapter == index }) {
                for diagnostic in result.diagnostics where diagnostic.severity == .error {
                    all.insert(diagnostic)
                    if cellOf[diagnostic] == nil { cellOf[diagnostic] = result.label }
                }
            }
            guard let first = all.min(by: { $0.location < $1.location }) else { continue }
            found[chapter.slug] = ChapterErrors(count: all.count, firstAnchor: cellOf[first] ?? ChapterPageRenderer.problemsAnchor)
        }
        return found
    }
}
