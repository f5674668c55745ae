import Foundation
import Testing
@testable import WorkbookKit

// cmark nests without limit (20 000 `>` are 20 000 block quotes); the model's
// functions are recursive, so past `CmarkParser.maximumNesting` levels the
// content is plain text and the reader warns: never a stack overflow.

// `onSmallStack` (a 2 MiB stack) is NestingLimitTests'.

@Test(arguments: [
    String(repeating: ">", count: 20000) + " deep\n",
    String(repeating: "*", count: 20000) + "deep" + String(repeating: "*", count: 20000) + "\n",
    String(repeating: "![", count: 20000) + "deep" + String(repeating: "](u)", count: 20000) + "\n",
    (0..<600).map { String(repeating: "  ", count: $0) + "- deep\n" }.joined(),
])
func deeplyNestedMarkdownIsPlainTextPastTheLimitOnASmallStack(_ source: String) {
    onSmallStack {
        let chapter = Chapter.parse(source: "---\ntitle: T\n---\n" + source, path: "n.md")
        let html = chapter.htmlBlocks.map { if case .prose(let html, _) = $0 { html } else { "" } }.joined()
        #expect(html.contains("deep"))
        #expect(chapter == chapter)
        let warning = chapter.diagnostics.first { $0.message.hasPrefix("Markdown is nested more than 100 levels deep") }
        #expect((warning?.location.line ?? 0) >= 4)
    }
}

@Test func nestingUpToTheLimitIsCmarksTree() {
    let source = String(repeating: ">", count: 50) + " *x*\n"
    #expect(CmarkParser.markupChecked(source).tooDeep == nil)
    let writer = MarkupHTML(math: { _ in "" }, reference: { _ in "" })
    #expect(CmarkParser.markup(source).map { writer.html($0) } == CmarkParser.referenceHTML(source))
    #expect(Chapter.parse(source: "---\ntitle: T\n---\n" + source, path: "n.md").diagnostics.isEmpty)
}
