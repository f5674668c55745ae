/// Finishes cmark's HTML for a prose block: math placeholders become MathML
/// and reference placeholders links with the figure's number.
struct ProseRenderer {
    /// MathML (or an error marker) for each math span of the chapter, by index.
    var math: [String]
    /// The chapter's `@label` references, by index (`ReferencePlaceholder`).
    var references: [CrossReference] = []
    var site: SiteMap
    var currentFile: String

    func finish(_ html: String) -> String {
        var out = MathPlaceholder.substitute(in: html) { index in
            index < math.count ? math[index] : ""
        }
        out = ReferencePlaceholder.substitute(in: out) { index in
            guard index < references.count else { return "" }
            let label = references[index].label
            guard let target = site.targets[label] else {
                return "<span class=\"broken-ref\">@\(HTML.escape(label))</span>"
            }
            let href = (target.file == currentFile ? "" : target.file) + "#" + target.anchor
            let name = HTML.escape(site.language.strings[.figureNumber, ["n": target.number]]).replacingOccurrences(of: " ", with: "&nbsp;")
            return "<a class=\"xref\" href=\"\(HTML.escape(href))\">\(name)</a>"
        }
        return out
    }
}
