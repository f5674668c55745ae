import Foundation
@testable import WorkbookKit

/// A chapter made of Swift cells only, with the cells' bodies at the lines a
/// Markdown file would put them, so diagnostics can be checked against the text.
struct SwiftCellChapter {
    var file = "chapters/01-cells.md"
    var markdown = ""
    var cells: [SwiftCellSource] = []

    init(file: String = "chapters/01-cells.md", _ bodies: [String]) {
        self.file = file
        markdown = "---\ntitle: Cells\n---\n\n"
        for body in bodies {
            let fenceLine = markdown.filter { $0 == "\n" }.count + 1
            markdown += "```swift run\n" + body + (body.hasSuffix("\n") ? "" : "\n") + "```\n\nSome prose.\n\n"
            cells.append(SwiftCellSource(body: body, bodyLocation: SourceLocation(file: file, line: fenceLine + 1, column: 1)))
        }
    }

    /// The chapter line holding `text` (1-based), for expectations that name a line.
    func line(of text: String) -> Int {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains(text) } ?? -1) + 1
    }
}

enum SwiftCellTestEnvironment {
    /// True when a Swift compiler and the tool's build products are there
    /// (always under `swift test` from a checkout; not in a copied test bundle).
    static let available: Bool = {
        guard case .success = SwiftToolchain.current(), let build = CellLibrary.toolBuildDirectory,
              ToolLocation.packageRoot != nil else { return false }
        return FileManager.default.fileExists(atPath: build + "/Modules/DeepLearning.swiftmodule")
    }()

    /// Compiles and runs `chapter` with a cache folder of its own.
    static func run(_ chapter: SwiftCellChapter, textLimit: Int = 1 << 20,
                    toolchain: Result<SwiftToolchain, SwiftToolchain.Missing> = SwiftToolchain.current()) throws -> SwiftChapterRun {
        let cache = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        let runner = SwiftChapterRunner(toolchain: toolchain, cacheDirectory: cache, workingDirectory: cache.path, textLimit: textLimit)
        return runner.run(file: chapter.file, cells: chapter.cells)
    }
}

extension SwiftCellRun {
    /// Everything the cell printed, joined.
    var printed: String {
        items.compactMap { if case .printed(let text) = $0 { text } else { nil } }.joined()
    }

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}
