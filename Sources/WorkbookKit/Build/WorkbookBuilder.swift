import Foundation

/// The build pipeline: read chapters → check every cell → run cells (cache,
/// parallel) → render pages → write `output/`. Only the last step touches
/// the disk; everything before it is a function of its inputs.
public struct WorkbookBuilder: Sendable {
    public var options: BuildOptions
    public var registry: DirectiveRegistry
    public var log: BuildLog

    public init(options: BuildOptions, registry: DirectiveRegistry = .standard, log: BuildLog) {
        self.options = options
        self.registry = registry
        self.log = log
    }

    public func build() throws -> BuildReport {
        let started = DispatchTime.now().uptimeNanoseconds
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: options.chapters, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildError("no chapters folder at '\(options.chapters)'; pass --chapters DIR or run from a workbook folder")
        }
        let outputURL = URL(fileURLWithPath: options.output, isDirectory: true)

        // 1. Read.
        let workbookRoot = options.edition?.workbookRoot ?? WorkbookBuilder.root(of: options.chapters)
        let settingsPath = options.edition?.settingsPath ?? (options.chapters as NSString).appendingPathComponent("workbook.yml")
        var settings = WorkbookSettings.read(path: settingsPath, root: workbookRoot)
        // Every edition shares workbook.yml; only the first reports its problems.
        if options.edition?.isFirst == false { settings.diagnostics = [] }
        let chapters = try ChapterLoader.loadChapters(in: options.chapters, workbookRoot: workbookRoot)
            .map { $0.withCanonicalFigureWords(options.edition?.figureWords ?? [:]) }
        // Each source with its line starts, found once: diagnostics show their line from it.
        var sources: [String: SourceLines] = [:]
        sources[settingsPath] = settings.source.map(SourceLines.init)
        for chapter in chapters { sources[chapter.path] = SourceLines(chapter.source) }
        // `--only` selects chapters (by file name or slug) or one cell (by label). Every
        // chapter is still read and checked, so numbering, navigation and cross-references
        // stay those of the whole workbook; only the selected pages are run and written.
        var selected = Set(chapters.indices)
        var onlyLabel: String?
        if let only = options.only {
            let byFile = chapters.indices.filter { chapters[$0].slug == only || chapters[$0].path.hasSuffix(only) }
            let byLabel = chapters.indices.filter { chapters[$0].cells.contains { $0.labelText == only } }
            if byFile.isEmpty && byLabel.isEmpty { throw BuildError("--only '\(only)' matches no chapter file and no cell label") }
            selected = Set(byFile.isEmpty ? byLabel : byFile)
            if byFile.isEmpty { onlyLabel = only }
        }

        // 2. Check everything before anything runs.
        let data = DataProvider(configured: options.data ?? settings.settings.data, workbookRoot: workbookRoot)
        let context = RunContext(defaultSeed: UInt64(max(0, settings.settings.seed)), data: data,
                                 sourceRoot: options.sourceRoot ?? LibrarySources.root(workbookRoot: workbookRoot),
                                 compute: options.compute)
        let executor = Executor(
            registry: registry,
            cache: CellCache(directory: options.edition?.cacheDirectory ?? outputURL.appendingPathComponent(".cache"),
                             toolIdentity: CellCache.currentToolIdentity()),
            readCache: options.useCache, context: context, jobs: max(1, options.jobs))
        let allPlans = executor.plan(chapters)
        var site = SiteMapBuilder.make(title: options.edition?.title ?? settings.settings.title, chapters: chapters, plans: allPlans)
        if let edition = options.edition { site.language = PageLanguage(strings: edition.strings, links: edition.links) }
        var plans = allPlans.filter { selected.contains($0.chapterIndex) }
        if let onlyLabel {
            for i in plans.indices where plans[i].label != onlyLabel && plans[i].isRunnable {
                plans[i].skipReason = "not selected by --only"
            }
        }
        let math = chapters.indices.map { selected.contains($0) ? MathRendering.render(chapters[$0]) : MathRendering.Rendered(html: [], diagnostics: []) }
        var diagnostics = settings.diagnostics
        // Problems of a chapter that belong to no cell: shown in a box at the top of its page.
        var pageProblems = [[Diagnostic]](repeating: [], count: chapters.count)
        for (i, chapter) in chapters.enumerated() where selected.contains(i) {
            diagnostics += chapter.diagnostics + math[i].diagnostics
            let inCells = Set(chapter.cells.flatMap { chapter.diagnostics(of: $0) })
            pageProblems[i] = chapter.diagnostics.filter { !inCells.contains($0) } + math[i].diagnostics
            for reference in chapter.references where site.targets[reference.label] == nil {
                let hint = closestMatch(to: reference.label, among: Array(site.targets.keys).sorted()).map { "did you mean '@\($0)'?" }
                let problem = Diagnostic.error("reference to unknown label '@\(reference.label)'", at: reference.location,
                                               hint: hint, length: reference.label.count + 1)
                diagnostics.append(problem)
                pageProblems[i].append(problem)
            }
            pageProblems[i].sort { $0.location < $1.location }
        }
        diagnostics += plans.flatMap(\.diagnostics)
        var seen: Set<Diagnostic> = []
        diagnostics = diagnostics.filter { seen.insert($0).inserted }.sorted { $0.location < $1.location }
        for diagnostic in diagnostics {
            log.diagnostic(diagnostic.formatted(lines: sources[diagnostic.location.file]))
        }

        // 3. Run.
        let total = plans.count
        let counter = Counter()
        let log = self.log
        let quiet = options.quiet
        let results = executor.run(plans, progress: log.progress) { result in
            let n = counter.next()
            guard !quiet else { return }
            let time = result.status == .ran ? String(format: " %.2fs", result.seconds) : ""
            log.info("[\(n)/\(total)] \(result.cell.location.file):\(result.cell.location.line) \(result.cell.directive) \(result.label)\(time) (\(result.reason))")
        }

        // 4. Render and write: the only step that touches the disk.
        try write(chapters: chapters, selected: selected, plans: plans, results: results, site: site, math: math,
                  problems: pageProblems, sources: sources, to: outputURL)

        // 5. Report. Failures while running were not known before; print them now.
        let printed = Set(diagnostics)
        let runtime = results.flatMap(\.diagnostics).filter { !printed.contains($0) }
        for diagnostic in runtime {
            log.diagnostic(diagnostic.formatted(lines: sources[diagnostic.location.file]))
        }
        var report = BuildReport(chapters: selected.count, ran: 0, cached: 0, failed: 0, skipped: 0,
                                 diagnostics: diagnostics + runtime, slowest: [], seconds: 0)
        for result in results {
            switch result.status {
            case .ran: report.ran += 1
            case .cached: report.cached += 1
            case .error: report.failed += 1
            case .skipped: report.skipped += 1
            }
        }
        report.slowest = results.filter { $0.status == .ran }.sorted { $0.seconds > $1.seconds }.prefix(3)
            .map { ($0.label, $0.cell.location, $0.seconds) }
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return report
    }

    /// Writes the stylesheet, the index, the reference, and for each selected chapter its
    /// figures, page and record, then the timings.
    private func write(chapters: [Chapter], selected: Set<Int>, plans: [CellPlan], results: [CellResult],
                       site: SiteMap, math: [MathRendering.Rendered], problems: [[Diagnostic]], sources: [String: SourceLines],
                       to outputURL: URL) throws {
        let writer = OutputWriter(directory: outputURL)
        try writer.prepare()
        try writer.write(Stylesheet.css, to: "style.css")
        try writer.write(IndexPageRenderer(site: site, errors: IndexPageRenderer.errors(chapters: chapters, problems: problems, plans: plans, results: results)).render(), to: "index.html")
        try writer.write(ReferencePageRenderer(registry: registry, workbookTitle: site.title, language: site.language).render(),
                         to: SiteMap.referenceFile)
        var timings: [JSONValue] = []
        for (index, chapter) in chapters.enumerated() where selected.contains(index) {
            let chapterResults = zip(plans, results).filter { $0.0.chapterIndex == index }.map(\.1)
            // The outputs are the same in every edition (they are what the cache holds);
            // the page and its figure files show them in the edition's words.
            let file = (chapter.path as NSString).lastPathComponent
            let shownResults = chapterResults.map { result in
                var shown = result
                if let edition = options.edition { shown.outputs = edition.localizer(chapterFile: file, label: result.label).localize(result.outputs) }
                return shown
            }
            var figureFiles: [String: [String]] = [:]
            var written: Set<String> = []
            for result in shownResults {
                let figures = result.outputs.compactMap { if case .figure(let f) = $0 { f } else { nil } }
                for (k, figure) in figures.enumerated() {
                    let name = "\(chapter.slug)/\(result.label)\(figures.count > 1 ? "-\(k + 1)" : "").svg"
                    try writer.write(figure.svg, to: name)
                    figureFiles[result.label, default: []].append(name)
                    written.insert(name)
                }
                timings.append(.object([
                    ("chapter", .string(chapter.path)), ("label", .string(result.label)),
                    ("line", .integer(result.cell.location.line)), ("status", .string(result.status.rawValue)),
                    ("seconds", .number((result.seconds * 1000).rounded() / 1000)),
                ]))
            }
            try writer.removeStale(in: chapter.slug, keeping: written)
            let page = ChapterPageRenderer(
                chapter: chapter, number: site.entries[index].number, results: shownResults, figureFiles: figureFiles,
                prose: ProseRenderer(math: math[index].html, site: site, currentFile: chapter.slug + ".html"),
                site: site, problems: problems[index], diagnosticText: { $0.formatted(lines: sources[$0.location.file]) })
            try writer.write(page.render(), to: chapter.slug + ".html")
            try writer.write(ChapterRecord.json(chapter: chapter, results: chapterResults, figureFiles: figureFiles).render(),
                             to: chapter.slug + ".json")
        }
        try writer.write(JSONValue.object([("cells", .array(timings))]).render(), to: "timings.json")

    }

    /// The folder that holds the chapters folder: where `dataset/` is looked for.
    static func root(of chaptersDirectory: String) -> String {
        let url = URL(fileURLWithPath: chaptersDirectory, isDirectory: true).standardizedFileURL
        return url.deletingLastPathComponent().path
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock(); defer { lock.unlock() }
        value += 1
        return value
    }
}
