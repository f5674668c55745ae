import Foundation

/// Where `source` cells read the DeepLearning library they show, and so what
/// `workbook serve` watches for them: the workbook folder's own
/// `Sources/DeepLearning` (the folder holding the chapters folder — in this
/// repository, the library next to the chapters that explain it). A workbook kept
/// where there is no such folder shows the library of the tool's own checkout.
enum LibrarySources {
    /// The library folder, relative to a root.
    static let directory = "Sources/DeepLearning"

    /// The root whose `Sources/DeepLearning` `source` cells read: the workbook
    /// folder when it has that folder, else `toolRoot`.
    static func root(workbookRoot: String, toolRoot: String = ToolLocation.rootOrWorkingDirectory) -> String {
        var isDirectory: ObjCBool = false
        let own = (workbookRoot as NSString).appendingPathComponent(directory)
        return FileManager.default.fileExists(atPath: own, isDirectory: &isDirectory) && isDirectory.boolValue ? workbookRoot : toolRoot
    }

    /// The library folder `source` cells read for the workbook whose chapters are in `chapters`.
    static func folder(chapters: String, sourceRoot: String?) -> String {
        let root = sourceRoot ?? self.root(workbookRoot: ChapterLoader.workbookRoot(of: chapters))
        return (root as NSString).appendingPathComponent(directory)
    }
}
