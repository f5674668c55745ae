import Foundation

/// The fifth step: every file of the output folder as a value — the
/// stylesheet, the index, the directive reference, each selected chapter's
/// figures, page and JSON record, and the timings. Pure.
struct RenderStep {
    var registry: DirectiveRegistry
    var edition: EditionContext?

    func render(_ plan: BuildPlan, _ runs: [CellRun]) -> RenderedBuild {
        let results = runs.map(\.result)
        let site = plan.site
        let errors = IndexPageRenderer.errors(chapters: plan.chapters, problems: plan.pageProblems,
                                              cells: zip(plan.cells, results).map { ($0.chapterIndex, $1) })
        var files = [
            OutputFile("style.css", Stylesheet.css),
            OutputFile("index.html", IndexPageRenderer(site: site, errors: errors).render()),
            OutputFile(SiteMap.referenceFile, ReferencePageRenderer(registry: registry, workbookTitle: site.title, language: site.language,
                                                                    author: site.author).render()),
        ]
        var folders: [String] = []
        var timings: [JSONValue] = []
        for (index, chapter) in plan.chapters.enumerated() where plan.selected.contains(index) {
            let cells = zip(plan.cells, results).filter { $0.0.chapterIndex == index }
            // The outputs are the same in every edition (they are what the cache holds);
            // the page and its figure files show them in the edition's words.
            let file = (chapter.path as NSString).lastPathComponent
            var figureFiles: [String: [String]] = [:]
            var shownResults: [CellResult] = []
            for (cell, result) in cells {
                var shown = result
                if let edition { shown.outputs = edition.localizer(chapterFile: file, label: result.label).localize(result.outputs) }
                let figures = shown.outputs.compactMap { if case .figure(let f) = $0 { f } else { nil } }
                let names = cell.figureFiles.names(count: figures.count)
                for (name, figure) in zip(names, figures) { files.append(OutputFile(name, figure.svg)) }
                if !names.isEmpty { figureFiles[result.label, default: []] += names }
                shownResults.append(shown)
                timings.append(Self.timing(chapter: chapter, result))
            }
            folders.append(chapter.slug)
            let page = ChapterPageRenderer(
                chapter: chapter, number: site.entries[index].number, results: shownResults, figureFiles: figureFiles,
                prose: ProseRenderer(mathML: plan.math[index].html, of: chapter, site: site, currentFile: chapter.slug + ".html"),
                site: site, problems: plan.pageProblems[index], diagnosticText: plan.text(of:))
            files.append(OutputFile(chapter.slug + ".html", page.render()))
            files.append(OutputFile(chapter.slug + ".json",
                                    ChapterRecord.json(chapter: chapter, results: cells.map(\.1), figureFiles: figureFiles).render()))
        }
        files.append(OutputFile("timings.json", JSONValue.object([("cells", .array(timings))]).render()))
        return RenderedBuild(files: files, figureFolders: folders)
    }

    /// One cell's line of `timings.json` (the one file that differs between builds).
    private static func timing(chapter: Chapter, _ result: CellResult) -> JSONValue {
        .object([
            ("chapter", .string(chapter.path)), ("label", .string(result.label)),
            ("line", .integer(result.cell.location.line)), ("status", .string(result.status.rawValue)),
            ("seconds", .number((result.seconds * 1000).rounded() / 1000)),
        ])
    }
}
