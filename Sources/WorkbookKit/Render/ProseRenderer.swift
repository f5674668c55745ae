/// Writes the HTML of a chapter's prose and headings (`MarkupHTML`), with its
/// math as MathML and its references as links with the figure's number.
struct ProseRenderer {
    /// MathML (or an error marker) for each math span of the chapter.
    var math: [MathSpan: String]
    var site: SiteMap
    var currentFile: String

    init(math: [MathSpan: String] = [:], site: SiteMap, currentFile: String) {
        self.math = math
        self.site = site
        self.currentFile = currentFile
    }

    /// `mathML[i]` is the MathML of `chapter.math[i]` (`MathRendering`).
    init(mathML: [String], of chapter: Chapter, site: SiteMap, currentFile: String) {
        var math: [MathSpan: String] = [:]
        for (span, html) in zip(chapter.math, mathML) { math[span] = html }
        self.init(math: math, site: site, currentFile: currentFile)
    }

    private var writer: MarkupHTML {
        MarkupHTML(math: { math[$0] ?? "" }, reference: link)
    }

    /// A prose block, as a sequence of top-level HTML.
    func html(_ block: MarkupBlock) -> String { writer.html(block) }

    /// A heading's content, without the `<hN>` wrapper.
    func html(_ inlines: [MarkupInline]) -> String { writer.html(inlines) }

    private func link(_ reference: CrossReference) -> String {
        let label = reference.label
        guard let target = site.targets[label] else {
            return "<span class=\"broken-ref\">@\(HTML.escape(label))</span>"
        }
        let href = (target.file == currentFile ? "" : target.file) + "#" + target.anchor
        let name = HTML.escape(site.language.strings[.figureNumber, ["n": target.number]]).replacingOccurrences(of: " ", with: "&nbsp;")
        return "<a class=\"xref\" href=\"\(HTML.escape(href))\">\(name)</a>"
    }
}
