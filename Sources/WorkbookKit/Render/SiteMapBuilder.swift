/// Numbers chapters and figures and records where every label lives, before
/// any cell runs — so references can be checked with the other diagnostics.
enum SiteMapBuilder {
    /// `figureLabels[i]` are the labels of chapter `i`'s cells, in document order
    /// (Render knows nothing of Build's plans; Build passes them in, see `CellPlan`).
    static func make(title: String, chapters: [Chapter], figureLabels: [Int: [String]]) -> SiteMap {
        var entries: [SiteMap.Entry] = []
        var targets: [String: SiteMap.Target] = [:]
        for (index, chapter) in chapters.enumerated() {
            let number = chapterNumber(slug: chapter.slug) ?? index + 1
            let entry = SiteMap.Entry(slug: chapter.slug, title: chapter.title, summary: chapter.summary,
                                      number: number, headings: chapter.headings, book: chapter.book)
            entries.append(entry)
            for (k, label) in (figureLabels[index] ?? []).enumerated() where targets[label] == nil {
                targets[label] = SiteMap.Target(file: entry.file, anchor: label, number: "\(number).\(k + 1)")
            }
        }
        return SiteMap(title: title, entries: entries, targets: targets)
    }

    /// A chapter's number is the number its file name starts with (`03-gradients` is
    /// chapter 3), so figure numbers do not shift when a chapter is added before it.
    static func chapterNumber(slug: String) -> Int? {
        let digits = slug.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int(digits)
    }
}
