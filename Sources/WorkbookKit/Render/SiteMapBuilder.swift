/// Numbers chapters and figures and records where every label lives, before
/// any cell runs — so references can be checked with the other diagnostics.
enum SiteMapBuilder {
    static func make(title: String, chapters: [Chapter], plans: [CellPlan]) -> SiteMap {
        var entries: [SiteMap.Entry] = []
        var targets: [String: SiteMap.Target] = [:]
        for (index, chapter) in chapters.enumerated() {
            let number = chapterNumber(slug: chapter.slug) ?? index + 1
            let entry = SiteMap.Entry(slug: chapter.slug, title: chapter.title, summary: chapter.summary,
                                      number: number, headings: chapter.headings, book: chapter.book)
            entries.append(entry)
            let chapterPlans = plans.filter { $0.chapterIndex == index }
            for (k, plan) in chapterPlans.enumerated() where targets[plan.label] == nil {
                targets[plan.label] = SiteMap.Target(file: entry.file, anchor: plan.label, number: "\(number).\(k + 1)")
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
