import Foundation

/// One source file of a workbook as read from disk: its text, or why it was
/// not read. The load step reads every file once into these; everything
/// after it works on the values.
struct SourceFile: Sendable, Equatable {
    /// The path as the user spelled it; the `file` of every location in it.
    var path: String
    var contents: SourceFileReader.Outcome

    /// A chapter file (see `SourceFileReader` for what is refused).
    static func readChapter(_ path: String, root: String?) -> SourceFile {
        SourceFile(path: path, contents: SourceFileReader.read(path, what: "chapter", root: root))
    }

    /// `workbook.yml`, or nil when there is none (every setting is then its default).
    static func readSettings(_ path: String, root: String?) -> SourceFile? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return SourceFile(path: path, contents: SourceFileReader.read(path, what: "workbook.yml", root: root))
    }
}
