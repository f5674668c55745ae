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
    /// Throws only if the directory or a file cannot be read; Markdown
    /// problems are in each chapter's `diagnostics`.
    public static func loadChapters(in directory: String) throws -> [Chapter] {
        try chapterPaths(in: directory).map { try loadChapter(at: $0) }
    }

    /// Reads and parses one chapter file.
    public static func loadChapter(at path: String) throws -> Chapter {
        let source = try String(contentsOfFile: path, encoding: .utf8)
        return Chapter.parse(source: source, path: path)
    }
}
