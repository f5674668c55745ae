import Foundation

/// The first step of the build: every file it needs, read once. A file that
/// cannot be read is kept with the reason (a located diagnostic), so the
/// other chapters still build.
enum LoadStep {
    /// The files of one workbook (or one edition of it).
    struct Files: Sendable {
        var settingsPath: String
        /// nil when the workbook has no `workbook.yml`.
        var settings: SourceFile?
        /// In file-name order (see `ChapterLoader.chapterPaths`).
        var chapters: [SourceFile]
        /// The folder data sets and symlinks are judged from.
        var workbookRoot: String
    }

    /// Throws only when the chapters folder is missing or cannot be listed.
    static func load(chapters folder: String, settingsPath: String, workbookRoot: String, log: BuildLog) throws -> Files {
        Files(settingsPath: settingsPath, settings: SourceFile.readSettings(settingsPath, root: workbookRoot),
              chapters: try chapters(in: folder, workbookRoot: workbookRoot, log: log), workbookRoot: workbookRoot)
    }

    /// The chapter files of `folder`, each read once.
    static func chapters(in folder: String, workbookRoot: String, log: BuildLog) throws -> [SourceFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildError("no chapters folder at '\(folder)'; pass --chapters DIR or run from a workbook folder")
        }
        return try ChapterLoader.chapterPaths(in: folder).map { path in
            let file = SourceFile.readChapter(path, root: workbookRoot)
            log.emit(.chapterRead(path: path))
            return file
        }
    }
}
