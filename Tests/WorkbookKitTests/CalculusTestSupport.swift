@testable import WorkbookKit

/// The tests (DirectiveValidationTests and the calculus tests) parse chapters with
/// `ChapterParser.parse(source:path:)`, but WorkbookKit spells it
/// `Chapter.parse(source:path:)`; without this forwarder the test target does not
/// compile. Test-only: a declaration in this module shadows any later one in WorkbookKit.
enum ChapterParser {
    static func parse(source: String, path: String) -> Chapter {
        Chapter.parse(source: source, path: path)
    }
}
