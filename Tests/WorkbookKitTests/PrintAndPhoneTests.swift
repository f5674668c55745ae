import Foundation
import Testing
@testable import WorkbookKit

/// The pages on paper and on a phone: the rules of the stylesheet that make
/// them work, the compact print of the directive reference, and captions that
/// name their book figure once.

private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The text of the stylesheet's first `@media QUERY { … }` block (braces balanced).
private func mediaBlock(_ query: String) -> String? {
    let css = Stylesheet.css
    guard let start = css.range(of: "@media \(query) {") else { return nil }
    var depth = 1
    var index = start.upperBound
    while index < css.endIndex, depth > 0 {
        if css[index] == "{" { depth += 1 }
        if css[index] == "}" { depth -= 1 }
        index = css.index(after: index)
    }
    return String(css[start.upperBound..<index])
}

@Test func printKeepsFiguresSmallCaptionsWithTheirFigureAndCodeWrapped() throws {
    let print = try #require(mediaBlock("print"))
    #expect(print.contains(".plot > svg, .plot.wide > svg { width: auto; height: auto; max-width: 100%; max-height: 80mm;"))
    #expect(print.contains("figcaption { break-before: avoid; break-inside: avoid;"))
    #expect(print.contains(".plot, table, tr, dl.values > div, .numbers, .note, math[display=\"block\"] { break-inside: avoid; }"))
    #expect(print.contains("pre, pre code { white-space: pre-wrap; overflow-wrap: anywhere; }"))
    // The reference: tables may break between rows; the common parameters print once.
    #expect(print.contains(".reference table { break-inside: auto;"))
    #expect(print.contains(".reference section + section tr.common { display: none; }"))
}

@Test func aPhoneShowsTheNarrowLayoutAndACueOnWhatScrolls() throws {
    let phone = try #require(mediaBlock("(max-width: 600px)"))
    // SVGPlot's narrow layout (panels stacked) in its own shape, instead of the wide drawing.
    #expect(phone.contains(".plot > svg.wbp-responsive, .plot.wide > svg.wbp-responsive { aspect-ratio: var(--wbp-narrow-aspect);"))
    #expect(phone.contains(".plot > svg.wbp-responsive > svg.wbp-wide { display: none; }"))
    #expect(phone.contains(".plot > svg.wbp-responsive > svg.wbp-narrow { display: inline; }"))
    #expect(phone.contains("min-width: var(--wbp-narrow-min-width, 0)"))
    // A figure that still scrolls (and tables, code, display math everywhere) shows a shadow cue.
    let cue = "linear-gradient(to left, var(--shadow), transparent) right / .9rem 100% no-repeat scroll"
    #expect(phone.contains(".plot { overflow-x: auto; }"))
    let css = Stylesheet.css
    #expect(css.contains(".table-wrap, .plot, math[display=\"block\"] {\n  background:"))
    #expect(css.contains("pre { border: 1px solid var(--border); border-radius: 8px; padding: .75rem 1rem; overflow-x: auto;"))
    #expect(css.components(separatedBy: cue).count - 1 == 2)   // the page's background, and code's
    #expect(css.contains(".plot .wbp-bg { fill: transparent; }"))   // the cue shows behind a figure
}

@Test func theReferenceMarksTheParametersEveryDirectiveTakes() {
    let html = ReferencePageRenderer(registry: .standard, workbookTitle: "T").render()
    for name in ParameterSpec.common.map(\.name) {
        #expect(html.contains("<tr class=\"common\"><td><code>\(name)</code></td>"), "\(name)")
    }
    // A directive's own parameters are not marked, even one named like a common one.
    #expect(html.contains("<tr><td><code>f</code></td>"))
    let ownSeed = DirectiveRegistry.standard.directives.filter { $0.parameters.contains { $0.name == "seed" } }
    #expect(html.components(separatedBy: "<tr><td><code>seed</code></td>").count - 1 == ownSeed.count)
}

@Test func captionsNameTheirBookFigureOnlyThroughTheMark() throws {
    // The mark after "Figure n.k" comes from the front matter's `book:`; a caption
    // that says "(figure 4-3)" as well names it twice.
    for folder in ["chapters", "chapters/ja"] {
        let chapters = try ChapterLoader.loadChapters(in: repositoryRoot + "/" + folder)
        #expect(chapters.count == 7)
        for chapter in chapters {
            for cell in chapter.cells {
                guard let label = cell.labelText, !chapter.book[label].isEmpty,
                      let caption = cell["caption"]?.value.scalarText else { continue }
                for mention in ["figure 4-", "Figure 4-", "図4-", "図 4-"] {
                    #expect(!caption.contains(mention), "\(chapter.path):\(cell.location.line): \(caption)")
                }
            }
        }
    }
}
