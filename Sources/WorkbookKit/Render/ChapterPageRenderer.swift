import Foundation

/// Renders one chapter, with its cells' results, to a complete HTML page.
struct ChapterPageRenderer {
    var chapter: Chapter
    var number: Int
    var results: [CellResult]
    /// Figure files of each cell, by label, relative to the output folder.
    var figureFiles: [String: [String]]
    var prose: ProseRenderer
    var site: SiteMap
    /// Problems of the chapter outside its cells (front matter, math, references,
    /// an unreadable file), shown in a box under the title.
    var problems: [Diagnostic] = []
    /// Compiler-style text of a diagnostic (with the source line and caret).
    var diagnosticText: (Diagnostic) -> String

    /// Every word this renderer puts on a page, from the edition's string table.
    struct Words {
        var strings: Strings
        func chapter(_ number: Int) -> String { strings[.chapterNumber, ["n": String(number)]] }
        func figure(_ number: String) -> String { strings[.figureNumber, ["n": number]] }
        var onThisPage: String { strings[.onThisPage] }
        var linkToSection: String { strings[.linkToSection] }
        var contents: String { strings[.contents] }
        var chapters: String { strings[.chapterNavigation] }
        var cellFailed: String { strings[.cellErrorHeading] }
        /// Before a book section number in a heading: "book 4.5".
        func bookSection(_ numbers: [String]) -> String { strings[.bookSection, ["n": numbers.joined(separator: ", ")]] }
        func accessKeyHint(_ key: String) -> String { strings[.accessKeyHint, ["key": key.uppercased()]] }
    }

    var words: Words { Words(strings: site.language.strings) }

    /// Keys of the previous and next chapter links (`accesskey`; Alt+P / Alt+N
    /// in Chromium, Ctrl+Option+P / N in Safari).
    static let previousKey = "p", nextKey = "n"

    /// The id of the box of the chapter's own problems (the index links to it).
    static let problemsAnchor = "chapter-problems"

    func render() -> String {
        var body = "<article class=\"chapter\">\n"
        body += "<p class=\"chapter-number\">\(HTML.escape(words.chapter(number)))</p>\n"
        body += "<h1>\(HTML.escape(chapter.title))</h1>\n"
        if let summary = chapter.summary, !summary.isEmpty {
            body += "<p class=\"summary\">\(HTML.escape(summary))</p>\n"
        }
        body += problemBox()
        body += tableOfContents()
        var cellIndex = 0
        for block in chapter.blocks {
            switch block {
            case .heading(let heading):
                let level = min(heading.level + 1, 6)
                body += "<h\(level) id=\"\(HTML.escape(heading.id))\">\(prose.html(heading.content))\(bookSection(heading.id))"
                body += "<a class=\"anchor\" href=\"#\(HTML.escape(heading.id))\" aria-label=\"\(HTML.escape(words.linkToSection))\">#</a></h\(level)>\n"
            case .prose(let block, _):
                body += prose.html(block)
            case .code(let language, let code, _):
                body += "<pre class=\"code lang-\(HTML.escape(language))\"><code>\(SyntaxHighlighter.highlight(code, language: language))</code></pre>\n"
            case .cell:
                if cellIndex < results.count {
                    body += renderCell(results[cellIndex], index: cellIndex)
                }
                cellIndex += 1
            }
        }
        body += "</article>\n"
        body += navigation()
        return PageLayout.page(title: "\(chapter.title) — \(site.title)", workbookTitle: site.title,
                               description: chapter.summary, body: body, language: site.language, file: chapter.slug + ".html", author: site.author)
    }

    private func problemBox() -> String {
        guard !problems.isEmpty else { return "" }
        var html = "<div class=\"chapter-diagnostics\" id=\"\(Self.problemsAnchor)\" role=\"alert\"><div class=\"cell-error\">"
        for problem in problems {
            html += "<pre>\(HTML.escape(diagnosticText(problem)))</pre>"
        }
        return html + "</div></div>\n"
    }

    /// " book 4.5" after a heading the front matter maps to a section of the book.
    private func bookSection(_ id: String) -> String {
        let sections = chapter.book[id]
        guard !sections.isEmpty else { return "" }
        return "<span class=\"book-ref\">\(HTML.escape(words.bookSection(sections)))</span>"
    }

    private func tableOfContents() -> String {
        let headings = chapter.headings.filter { $0.level <= 2 }
        guard headings.count > 1 else { return "" }
        var html = "<nav class=\"toc\" aria-label=\"\(HTML.escape(words.onThisPage))\"><h2>\(HTML.escape(words.onThisPage))</h2><ol>\n"
        for heading in headings {
            html += "<li class=\"toc-\(heading.level)\"><a href=\"#\(HTML.escape(heading.id))\">\(HTML.escape(heading.text))</a></li>\n"
        }
        html += "</ol></nav>\n"
        return html
    }

    private func renderCell(_ result: CellResult, index: Int) -> String {
        let cell = result.cell
        let number = "\(self.number).\(index + 1)"
        let failed = result.diagnostics.contains { $0.severity == .error }
        var html = "<figure class=\"cell\(failed ? " cell-failed" : "")\" id=\"\(HTML.escape(result.label))\">\n"
        html += "<div class=\"cell-header\"><span class=\"cell-directive\">\(HTML.escape(cell.headerText))</span>"
        html += "<span class=\"cell-location\">\(HTML.escape(cell.location.file)):\(cell.location.line)</span></div>\n"
        if result.echo || !result.diagnostics.isEmpty, !cell.body.isEmpty {
            html += "<pre class=\"cell-params\"><code>\(SyntaxHighlighter.highlight(cell.body, language: cell.bodyLanguage))</code></pre>\n"
        }
        if !result.diagnostics.isEmpty {
            html += "<div class=\"cell-error\" role=\"alert\">"
            if failed { html += "<p class=\"cell-error-heading\">\(HTML.escape(words.cellFailed))</p>" }
            for diagnostic in result.diagnostics {
                html += "<pre>\(HTML.escape(diagnosticText(diagnostic)))</pre>"
            }
            html += "</div>\n"
        }
        if !result.outputs.isEmpty {
            html += "<div class=\"cell-outputs\">\n"
            html += OutputRenderer.render(result.outputs, figureFiles: figureFiles[result.label] ?? [])
            html += "</div>\n"
        }
        html += "<figcaption><span class=\"figure-number\">\(HTML.escape(words.figure(number)))</span>"
        let figures = chapter.book[result.label]
        if !figures.isEmpty {
            html += "<span class=\"book-ref\">(\(HTML.escape(figures.joined(separator: ", "))))</span>"
        }
        let caption = Self.caption(of: result)
        if !caption.isEmpty {
            html += ": \(HTML.escape(caption))"
        }
        html += "</figcaption>\n</figure>\n"
        return html
    }

    /// The cell's caption; for a cell that failed before its parameters were
    /// read, the `caption:` text as written, so the figure keeps its title.
    static func caption(of result: CellResult) -> String {
        if !result.caption.isEmpty { return result.caption }
        guard !result.diagnostics.isEmpty, let written = result.cell["caption"]?.value.scalarText else { return "" }
        return written.trimmingCharacters(in: .whitespaces)
    }

    private func navigation() -> String {
        let entries = site.entries
        guard let position = entries.firstIndex(where: { $0.slug == chapter.slug }) else { return "" }
        var html = "<nav class=\"pager\" aria-label=\"\(HTML.escape(words.chapters))\">"
        let previousHint = "<kbd title=\"\(HTML.escape(words.accessKeyHint(Self.previousKey)))\">\(Self.previousKey.uppercased())</kbd>"
        let nextHint = "<kbd title=\"\(HTML.escape(words.accessKeyHint(Self.nextKey)))\">\(Self.nextKey.uppercased())</kbd>"
        if position > 0 {
            let previous = entries[position - 1]
            html += "<a class=\"prev\" rel=\"prev\" accesskey=\"\(Self.previousKey)\" href=\"\(HTML.escape(previous.file))\">← \(HTML.escape(previous.title))\(previousHint)</a>"
        } else {
            html += "<a class=\"prev\" accesskey=\"\(Self.previousKey)\" href=\"index.html\">← \(HTML.escape(words.contents))\(previousHint)</a>"
        }
        if position + 1 < entries.count {
            let next = entries[position + 1]
            html += "<a class=\"next\" rel=\"next\" accesskey=\"\(Self.nextKey)\" href=\"\(HTML.escape(next.file))\">\(HTML.escape(next.title)) →\(nextHint)</a>"
        }
        html += "</nav>\n"
        return html
    }
}
