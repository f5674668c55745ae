/// The second step: the files read by `LoadStep` as a model — the settings
/// and one `Chapter` per file, each with a page name of its own
/// (`PageNames`). Pure: the same files give the same model.
enum ParseStep {
    struct Workbook: Sendable {
        var settingsPath: String
        var settings: WorkbookSettings.Loaded
        var chapters: [Chapter]
        var workbookRoot: String

        /// The text each diagnostic points into, by file, with its line starts
        /// found once (diagnostics show their line from it).
        var sources: [String: SourceLines] {
            var sources: [String: SourceLines] = [:]
            sources[settingsPath] = settings.source.map(SourceLines.init)
            for chapter in chapters { sources[chapter.path] = SourceLines(chapter.source) }
            return sources
        }
    }

    static func parse(_ files: LoadStep.Files) -> Workbook {
        var chapters = files.chapters.map(Chapter.parse)
        PageNames.assign(&chapters)
        return Workbook(settingsPath: files.settingsPath,
                        settings: WorkbookSettings.interpret(files.settings, root: files.workbookRoot),
                        chapters: chapters, workbookRoot: files.workbookRoot)
    }
}
