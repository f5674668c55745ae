/// The third step, and the one place where things are checked before any
/// cell runs: `--only`, settings, every cell (`CellPlanner`), math, and every
/// `@label` reference against the site map. Figure file names are decided
/// here too. Reads nothing but where the data sets are.
enum PlanStep {
    /// The skip reason of a cell left for the next build (``BuildOptions/deferCellsLongerThan``).
    static let deferredReason = "deferred: it runs in the next build"

    static func plan(_ workbook: ParseStep.Workbook, options: BuildOptions, registry: DirectiveRegistry,
                     data: DataProvider) throws -> BuildPlan {
        // Cells run with their counterparts' figure words (one cache entry for every edition).
        let chapters = workbook.chapters.map { $0.withCanonicalFigureWords(options.edition?.figureWords ?? [:]) }
        let (selected, onlyLabel) = try select(options.only, in: chapters)
        let allPlans = CellPlanner(registry: registry, data: data).plan(chapters)
        var site = SiteMapBuilder.make(title: options.edition?.title ?? workbook.settings.settings.title,
                                       chapters: chapters, plans: allPlans)
        site.author = workbook.settings.settings.author
        if let edition = options.edition { site.language = PageLanguage(strings: edition.strings, links: edition.links) }
        var cells = allPlans.filter { selected.contains($0.chapterIndex) }
        if let onlyLabel {
            for i in cells.indices where cells[i].label != onlyLabel && cells[i].isRunnable {
                cells[i].skipReason = "not selected by --only"
            }
        }
        if let limit = options.deferCellsLongerThan {
            for i in cells.indices where cells[i].isRunnable && cells[i].skipReason == nil {
                if let directive = cells[i].directive, let arguments = cells[i].arguments, directive.estimate(arguments) > limit {
                    cells[i].skipReason = deferredReason
                }
            }
        }
        let math = chapters.indices.map {
            selected.contains($0) ? MathRendering.render(chapters[$0]) : MathRendering.Rendered(html: [], diagnostics: [])
        }
        // Every edition shares workbook.yml; only the first reports its problems.
        var diagnostics = options.edition?.isFirst == false ? [] : workbook.settings.diagnostics
        var pageProblems = [[Diagnostic]](repeating: [], count: chapters.count)
        let stopped = chapters.flatMap(\.cells).filter { $0.stoppedAt != nil }
        for (i, chapter) in chapters.enumerated() where selected.contains(i) {
            diagnostics += chapter.diagnostics + math[i].diagnostics
            let inCells = Set(chapter.cells.flatMap(\.diagnostics))
            let references = unknownReferences(in: chapter, site: site, stopped: stopped)
            diagnostics += references
            pageProblems[i] = (chapter.diagnostics.filter { !inCells.contains($0) } + math[i].diagnostics + references)
                .sorted { $0.location < $1.location }
        }
        diagnostics += cells.flatMap(\.diagnostics)
        var seen: Set<Diagnostic> = []
        diagnostics = diagnostics.filter { seen.insert($0).inserted }.sorted { $0.location < $1.location }
        return BuildPlan(chapters: chapters, selected: selected, cells: cells, site: site, math: math,
                         pageProblems: pageProblems, diagnostics: diagnostics, sources: workbook.sources)
    }

    /// `--only` selects chapters (by file name or slug) or one cell (by label). Every
    /// chapter is still read and checked, so numbering, navigation and cross-references
    /// stay those of the whole workbook; only the selected pages are run and written.
    static func select(_ only: String?, in chapters: [Chapter]) throws -> (chapters: Set<Int>, label: String?) {
        guard let only else { return (Set(chapters.indices), nil) }
        let byFile = chapters.indices.filter { chapters[$0].slug == only || chapters[$0].path.hasSuffix(only) }
        let byLabel = chapters.indices.filter { chapters[$0].cells.contains { $0.labelText == only } }
        if byFile.isEmpty && byLabel.isEmpty { throw BuildError("--only '\(only)' matches no chapter file and no cell label") }
        return byFile.isEmpty ? (Set(byLabel), only) : (Set(byFile), nil)
    }

    /// An error at each `@label` that names no figure of the workbook. `stopped`: the
    /// workbook's cells whose YAML stopped at an error. A label written after the
    /// error is not known, so when such a cell's text holds the name, the hint names
    /// the cell (one of this chapter first).
    static func unknownReferences(in chapter: Chapter, site: SiteMap, stopped: [RunCell] = []) -> [Diagnostic] {
        let unknown = chapter.references.filter { site.targets[$0.label] == nil }
        let stopped = stopped.filter { $0.location.file == chapter.path } + stopped.filter { $0.location.file != chapter.path }
        // Hints (a closest match each) only for the ones shown.
        let errors = unknown.prefix(DiagnosticLimit.referencesPerChapter).map { reference in
            let match = closestMatch(to: reference.label, among: Array(site.targets.keys).sorted()).map { "did you mean '@\($0)'?" }
            let unread = stopped.first { $0.body.contains(reference.label) }.map { cell in
                let place = cell.location.file == chapter.path ? "line \(cell.location.line)" : "\(cell.location)"
                return "the cell at \(place) stops at a YAML error; a label written after the error is not known until it is fixed"
            }
            let hint = [unread, match].compactMap { $0 }.joined(separator: "\n")
            return Diagnostic.error("reference to unknown label '@\(reference.label)'", at: reference.location,
                                    hint: hint.isEmpty ? nil : hint, length: reference.label.count + 1)
        }
        guard unknown.count > DiagnosticLimit.referencesPerChapter else { return errors }
        let kept = Array(errors.prefix(DiagnosticLimit.referencesPerChapter))
        return kept + [DiagnosticLimit.left(out: unknown.count - kept.count, what: "unknown reference",
                                            scope: "in this chapter", at: kept[kept.count - 1].location)]
    }
}
