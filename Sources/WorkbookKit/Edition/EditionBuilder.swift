import Foundation

/// Builds every edition a workbook declares (`editions:` in `workbook.yml`),
/// or one of them: the first into the output folder, each other into a
/// folder named by its language (`output/ja/`).
///
/// Editions share `workbook.yml` and one cache (`output/.cache`). A cell and
/// its counterpart in the first edition (same chapter file, same label, same
/// computation) have one cache key, so building every edition runs no more
/// cells than building one. Problems between editions — a missing folder, a
/// chapter or a cell without counterpart, a language without a string table —
/// are warnings at their location, and every other edition still builds.
public struct EditionBuilder: Sendable {
    public var options: BuildOptions
    /// Build only the edition with this language code; nil builds them all.
    public var only: String?
    public var registry: DirectiveRegistry
    public var log: BuildLog

    public init(options: BuildOptions, only: String? = nil, registry: DirectiveRegistry = .standard, log: BuildLog) {
        self.options = options
        self.only = only
        self.registry = registry
        self.log = log
    }

    /// One edition's build: its language, where it went, what it did.
    public struct Report: Sendable {
        public var language: String?
        public var output: String
        public var report: BuildReport
    }

    public func build() throws -> [Report] {
        let settingsPath = (options.chapters as NSString).appendingPathComponent("workbook.yml")
        let root = ChapterLoader.workbookRoot(of: options.chapters)
        let settingsFile = SourceFile.readSettings(settingsPath, root: root)
        let settings = WorkbookSettings.interpret(settingsFile, root: root)
        let declared = settings.settings.editions
        guard !declared.isEmpty else {
            if let only { throw BuildError("--edition '\(only)': \(settingsPath) declares no editions") }
            let files = LoadStep.Files(settingsPath: settingsPath, settings: settingsFile,
                                       chapters: try LoadStep.chapters(in: options.chapters, workbookRoot: root, log: log),
                                       workbookRoot: root)
            return [Report(language: nil, output: options.output,
                           report: try WorkbookBuilder(options: options, registry: registry, log: log).build(ParseStep.parse(files)))]
        }
        if let only, !declared.contains(where: { $0.language.lowercased() == only.lowercased() }) {
            throw BuildError("--edition '\(only)' is not declared in \(settingsPath); editions: \(declared.map(\.language).joined(separator: ", "))")
        }

        var problems: [Diagnostic] = []
        let editions = declared.enumerated().map { index, declaration in
            EditionLayout(declaration, index: index, chapters: options.chapters, output: options.output)
        }
        var present: [(layout: EditionLayout, workbook: ParseStep.Workbook?)] = []
        for edition in editions {
            guard edition.folderExists else {
                problems.append(.warning(
                    "chapters folder '\(edition.chaptersFolder)' of edition '\(edition.language)' does not exist",
                    at: edition.declaration.location, hint: "create it, or fix 'chapters:' of this edition; the other editions build"))
                continue
            }
            if Strings.table(for: edition.language) == nil {
                problems.append(.warning(
                    "no string table for language '\(edition.language)'; the tool's own words are shown in English",
                    at: edition.declaration.location,
                    hint: "tables: \(Strings.all.map(\.language).joined(separator: ", ")) (Sources/WorkbookKit/Localization)"))
            }
            // Read once here, to pair the editions, and handed to the edition's build.
            let chapters = try? LoadStep.chapters(in: edition.chaptersFolder, workbookRoot: root, log: log)
            present.append((edition, chapters.map { chapters in
                ParseStep.parse(LoadStep.Files(settingsPath: settingsPath, settings: settingsFile, chapters: chapters,
                                               workbookRoot: root))
            }))
        }
        guard let reference = present.first else {
            for problem in problems { log.emit(.diagnostic(problem, text: problem.formatted(source: settings.source))) }
            throw BuildError("no edition declared in \(settingsPath) has a chapters folder")
        }

        // Pair every edition with the first one that exists.
        var figureWords: [String: [CellPlace: FigureWords]] = [:]
        var sources: [String: String] = [settingsPath: settings.source ?? ""]
        let referenceChapters = reference.workbook?.chapters ?? []
        for (layout, workbook) in present.dropFirst() {
            let chapters = workbook?.chapters ?? []
            let pairs = EditionCounterparts(edition: layout.language, chapters: chapters,
                                            reference: reference.layout.language, referenceChapters: referenceChapters)
            problems += pairs.diagnostics
            figureWords[layout.language] = pairs.figureWords
            for chapter in chapters + referenceChapters { sources[chapter.path] = chapter.source }
        }
        for problem in problems.sorted(by: { $0.location < $1.location }) {
            log.emit(.diagnostic(problem, text: problem.formatted(source: sources[problem.location.file])))
        }

        let cache = URL(fileURLWithPath: options.output, isDirectory: true).appendingPathComponent(".cache")
        var reports: [Report] = []
        for (position, entry) in present.enumerated() {
            let layout = entry.layout
            if let only, layout.language.lowercased() != only.lowercased() { continue }
            let links = present.map { other in
                LanguageLink(language: other.layout.language,
                             name: (Strings.table(for: other.layout.language) ?? .english)[.languageName],
                             prefix: layout.relativePath(to: other.layout),
                             pages: other.layout.pages(other.workbook?.chapters ?? []),
                             isCurrent: other.layout.language == layout.language)
            }
            var context = EditionContext(
                language: layout.language, strings: Strings.table(for: layout.language) ?? .english, links: links,
                cacheDirectory: cache, settingsPath: settingsPath, workbookRoot: root, isFirst: position == 0,
                title: layout.declaration.title)
            context.figureWords = figureWords[layout.language] ?? [:]
            var editionOptions = options
            editionOptions.chapters = layout.chaptersFolder
            editionOptions.output = layout.outputFolder
            editionOptions.edition = context
            log.emit(.editionStarted(language: layout.language, chapters: layout.chaptersFolder, output: layout.outputFolder))
            do {
                let builder = WorkbookBuilder(options: editionOptions, registry: registry, log: log)
                // A folder that could not be listed is tried again, for its error.
                let report = try entry.workbook.map(builder.build) ?? builder.build()
                reports.append(Report(language: layout.language, output: layout.outputFolder, report: report))
            } catch let error as BuildError where present.count > 1 && only == nil {
                // One edition's failure (e.g. --only matching nothing there) does not stop the others.
                log.emit(.diagnostic(nil, text: "error: edition '\(layout.language)': \(error.description)"))
                var failed = BuildReport(chapters: 0, ran: 0, cached: 0, failed: 0, skipped: 0, diagnostics: [], slowest: [], seconds: 0)
                failed.failed = 1
                reports.append(Report(language: layout.language, output: layout.outputFolder, report: failed))
            }
        }
        if var first = reports.first {
            // Warnings about editions belong to the whole build: count them once.
            first.report.diagnostics += problems
            reports[0] = first
        }
        return reports
    }
}

/// Where one edition's chapters are read from and its pages written to.
struct EditionLayout: Sendable {
    var declaration: EditionDeclaration
    var index: Int
    var chaptersFolder: String
    /// The output folder's subfolder for this edition ("" for the first one).
    var subfolder: String
    var outputFolder: String

    var language: String { declaration.language }

    init(_ declaration: EditionDeclaration, index: Int, chapters: String, output: String) {
        self.declaration = declaration
        self.index = index
        let folder = declaration.chapters
        chaptersFolder = folder == "." ? chapters : (folder.hasPrefix("/") ? folder : (chapters as NSString).appendingPathComponent(folder))
        subfolder = index == 0 ? "" : declaration.language
        outputFolder = index == 0 ? output : (output as NSString).appendingPathComponent(declaration.language)
    }

    var folderExists: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: chaptersFolder, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The relative path from this edition's output folder to `other`'s.
    func relativePath(to other: EditionLayout) -> String {
        if subfolder == other.subfolder { return "" }
        let up = subfolder.isEmpty ? "" : "../"
        return up + (other.subfolder.isEmpty ? "" : other.subfolder + "/")
    }

    /// The pages this edition writes.
    func pages(_ chapters: [Chapter]) -> Set<String> {
        Set(chapters.map { $0.slug + ".html" } + ["index.html", SiteMap.referenceFile])
    }
}

extension EditionBuilder.Report {
    /// Every edition's report as one: for the exit status and the preview server.
    public static func combined(_ reports: [EditionBuilder.Report]) -> BuildReport {
        var total = BuildReport(chapters: 0, ran: 0, cached: 0, failed: 0, skipped: 0, diagnostics: [], slowest: [], seconds: 0)
        for entry in reports {
            let report = entry.report
            total.chapters += report.chapters
            total.ran += report.ran
            total.cached += report.cached
            total.failed += report.failed
            total.skipped += report.skipped
            total.diagnostics += report.diagnostics
            total.slowest += report.slowest
            total.seconds += report.seconds
        }
        total.slowest = Array(total.slowest.sorted { $0.seconds > $1.seconds }.prefix(3))
        return total
    }
}
