import Foundation

/// The build: load → parse → plan → run → render → commit, each a named step
/// with its own file. Every step but the last is a function of its inputs
/// (`LoadStep` reads, `PlanStep` and `RunStep` look at the data sets and the
/// cache); `CommitStep` is the only one that writes. What happens is reported
/// as `BuildEvent`s to `log`.
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
        let root = options.edition?.workbookRoot ?? ChapterLoader.workbookRoot(of: options.chapters)
        let settingsPath = options.edition?.settingsPath ?? (options.chapters as NSString).appendingPathComponent("workbook.yml")
        let files = try LoadStep.load(chapters: options.chapters, settingsPath: settingsPath, workbookRoot: root, log: log)
        return try build(ParseStep.parse(files))
    }

    /// The build of a workbook already loaded and parsed (`EditionBuilder` reads
    /// every edition's files once, to pair them, and hands them on).
    func build(_ workbook: ParseStep.Workbook) throws -> BuildReport {
        let started = DispatchTime.now().uptimeNanoseconds
        let outputURL = URL(fileURLWithPath: options.output, isDirectory: true)
        let settings = workbook.settings.settings
        let data = DataProvider(configured: options.data ?? settings.data, workbookRoot: workbook.workbookRoot)
        let plan = try PlanStep.plan(workbook, options: options, registry: registry, data: data)
        for diagnostic in plan.diagnostics { log.emit(.diagnostic(diagnostic, text: plan.text(of: diagnostic))) }

        let cache = CellCache(directory: options.edition?.cacheDirectory ?? outputURL.appendingPathComponent(".cache"),
                              toolIdentity: CellCache.currentToolIdentity())
        let context = RunContext(defaultSeed: UInt64(max(0, settings.seed)), data: data,
                                 sourceRoot: options.sourceRoot ?? LibrarySources.root(workbookRoot: workbook.workbookRoot),
                                 compute: options.compute)
        let runs = RunStep(cache: cache, readCache: options.useCache, context: context, jobs: max(1, options.jobs),
                           output: options.output).run(plan.cells, log: log)
        let rendered = RenderStep(registry: registry, edition: options.edition).render(plan, runs)
        try CommitStep(output: outputURL, cacheDirectory: cache.directory)
            .commit(rendered, cacheWrites: runs.flatMap(\.cacheWrites), log: log)

        // Failures while running were not known before; report them now.
        let results = runs.map(\.result)
        let printed = Set(plan.diagnostics)
        let runtime = results.flatMap(\.diagnostics).filter { !printed.contains($0) }
        for diagnostic in runtime { log.emit(.diagnostic(diagnostic, text: plan.text(of: diagnostic))) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let report = BuildReport(chapters: plan.selected.count, results: results, diagnostics: plan.diagnostics + runtime,
                                 seconds: seconds)
        log.emit(.buildFinished(report))
        return report
    }
}
