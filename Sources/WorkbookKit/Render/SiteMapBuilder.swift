/// Numbers chapters and figures and records where every label lives, before
/// any cell runs — so references can be checked with the other diagnostics.
enum SiteMapBuilder {
    static func make(title: String, chapters: [Chapter], plans: [CellPlan]) -> SiteMap {
        var entries: [SiteMap.Entry] = []
        var targets: [String: SiteMap.Target] = [:]
        for (index, chapter) in chapters.enumerated() {
            let entry = SiteMap.Entry(slug: chapter.slug, title: chapter.title, summary: chapter.summary,
                                      number: index + 1, headings: chapter.headings)
            entries.append(entry)
            let chapterPlans = plans.filter { $0.chapterIndex == index }
            for (k, plan) in chapterPlans.enumerated() where targets[plan.label] == nil {
                targets[plan.label] = SiteMap.Target(file: entry.file, anchor: plan.label, number: "\(index + 1).\(k + 1)")
            }
        }
        return SiteMap(title: title, entries: entries, targets: targets)
    }
}
