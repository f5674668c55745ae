import Foundation

/// Finds and reads the chapters of a workbook.
public enum ChapterLoader {
    /// Chapter files in `directory`: `*.md`, sorted by file name, skipping
    /// names starting with `_` (drafts, partials) or `.` (hidden files).
    /// Returned paths are `directory` + `/` + name, as the user spelled the
    /// directory, so diagnostics point where the user expects.
    public static func chapterPaths(in directory: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        let prefix = directory.isEmpty || directory == "." ? "" : (directory.hasSuffix("/") ? directory : directory + "/")
        return names
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix("_") && !$0.hasPrefix(".") }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .map { prefix + $0 }
    }

    /// Reads and parses every chapter in `directory` (see `chapterPaths(in:)`).
    /// Throws only if the directory cannot be listed: a chapter that cannot be
    /// read (not UTF-8, a directory, a FIFO, a dangling symlink, a symlink out
    /// of `workbookRoot`, no permission) is a chapter with one diagnostic, so
    /// the others still build. `workbookRoot` defaults to the folder holding
    /// `directory`.
    public static func loadChapters(in directory: String, workbookRoot: String? = nil) throws -> [Chapter] {
        let root = workbookRoot ?? self.workbookRoot(of: directory)
        var chapters = try chapterPaths(in: directory).map { loadChapter(at: $0, workbookRoot: root) }
        PageNames.assign(&chapters)
        return chapters
    }

    /// The folder that holds the chapters folder: the workbook folder, where
    /// `dataset/` and `Sources/DeepLearning` are looked for.
    public static func workbookRoot(of chaptersDirectory: String) -> String {
        URL(fileURLWithPath: chaptersDirectory, isDirectory: true).standardizedFileURL.deletingLastPathComponent().path
    }

    /// Reads and parses one chapter file; see `loadChapters(in:workbookRoot:)`.
    public static func loadChapter(at path: String, workbookRoot: String?) -> Chapter {
        Chapter.parse(SourceFile.readChapter(path, root: workbookRoot))
    }
}

extension Chapter {
    /// The chapter in `file`; one with a single diagnostic if it could not be read.
    static func parse(_ file: SourceFile) -> Chapter {
        switch file.contents {
        case .text(let source):
            return Chapter.parse(source: source, path: file.path)
        case .refused(let diagnostic):
            let slug = Chapter.slug(forPath: file.path)
            return Chapter(path: file.path, slug: slug, title: Chapter.fallbackTitle(slug: slug), summary: nil,
                           blocks: [], math: [], references: [], diagnostics: [diagnostic])
        }
    }
}
