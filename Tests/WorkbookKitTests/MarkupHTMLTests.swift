import Foundation
import Testing
@testable import WorkbookKit

/// Differential test of the prose renderer: for every shipped chapter and a
/// set of tricky snippets, the HTML `MarkupHTML` writes from the document
/// model is byte for byte what cmark's own `cmark_render_html` writes for the
/// same text (`CmarkParser.referenceHTML`, the only other renderer, kept for
/// this comparison).
private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// What the writer makes of cmark's tree, unresolved (placeholders stay text).
private func ours(_ markdown: String) -> [String] {
    let writer = MarkupHTML(math: { _ in "" }, reference: { _ in "" })
    return CmarkParser.markup(markdown).map { writer.html($0) }
}

/// The whole reader: each top-level block of `Chapter.parse` written with math
/// and references as placeholders, against cmark's HTML of the protected text
/// (line fillers removed, as the reader did when cmark wrote the pages).
private func readerDifferences(_ source: String, path: String) -> [String] {
    let chapter = Chapter.parse(source: source, path: path)
    let front = FrontMatter.split(LineEndings.normalized(source), file: path)
    let protected = MathProtector.protect(front.markdown, file: path)
    let expected = CmarkParser.referenceHTML(protected.text).map {
        $0.replacingOccurrences(of: "\n\u{E002}", with: "").replacingOccurrences(of: "\u{E002}", with: "")
    }
    let blocks = chapter.htmlBlocks
    guard blocks.count == expected.count else { return ["\(path): \(blocks.count) blocks, cmark has \(expected.count)"] }
    var differences: [String] = []
    for (block, cmark) in zip(blocks, expected) {
        let html: String
        switch block {
        case .prose(let prose, _): html = prose
        case let .heading(level, _, _, inner, _): html = "<h\(level)>\(inner)</h\(level)>\n"
        case .code, .cell: continue
        }
        if html != cmark { differences.append("\(path) at \(block):\n ours:  \(html.debugDescription)\n cmark: \(cmark.debugDescription)") }
    }
    return differences
}

private let snippets: [String] = [
    // Lists: tight, loose, nested, ordered with a start, ) delimiter, items with code and quotes.
    "- a\n- b\n- c\n",
    "- a\n\n- b\n",
    "1. one\n2. two\n   - nested\n   - list\n3. three\n",
    "7) seven\n8) eight\n",
    "3. x\n\n   para\n\n4. y\n",
    "- a\n  > quoted\n- b\n\n      code in item\n",
    "* item\n\n  ```swift\n  let x = 1\n  ```\n* next\n",
    "- \n- empty first\n",
    "- a\n - b\n  - c\n   - d\n",
    "1. a\n\n\n2. b\n",
    // Links: titles, odd characters, references, unsafe schemes, entities in URLs.
    "[a](http://x.org/path?q=1&r=2 \"Title & 'q'\")\n",
    "[a](<url with spaces> 'single')\n",
    "[a](u \"\") and [b](v)\n",
    "[ref][1] and [Ref]\n\n[1]: http://r.org/é \"T\"\n[ref]: /local (paren title)\n",
    "[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](vbscript:x) [f](file:///etc) [d](data:text/html,x)\n",
    "![p](data:image/png;base64,AAA) ![w](data:image/webp,x) ![s](data:image/svg+xml,x)\n",
    "[a](http://x.org/a%20b[c]{d}|e^f`g\\h) [u](http://ü.org/ä)\n",
    "[a](http://x.org/&amp;&quot;&#39;)\n",
    "[**bold** `code`](/x) and [nested [brackets]](/y)\n",
    // Images: alt text is plain.
    "![alt *emph* `code` <b>x</b>\nline](/img.png \"t\")\n",
    "![outer ![inner](/i) text](/o)\n",
    "![](/empty-alt.png)\n",
    // Autolinks and e-mail.
    "<http://a.org/x?y=1&z=2> <mailto:me@x.org> <me@x.org>\n",
    "<https://x.org/a b> not a link\n",
    // Entities and escapes.
    "&amp; &copy; &#35; &#x41; &nbsp; &bogus; &#0; \\* \\_ \\\\ \\` \\<\n",
    "5 < 6 > 4 & \"quoted\" 'single'\n",
    // Hard and soft breaks.
    "line one  \nline two\\\nline three\nline four\n",
    "trailing spaces   \n",
    // Raw HTML: blocks and inline, comments.
    "<div>\n*not md*\n</div>\n",
    "Text <span class=\"x\">inline</span> and <!-- comment --> end.\n",
    "<!-- block comment -->\n",
    "<?php x ?>\n\n<![CDATA[ y ]]>\n",
    // Headings: ATX, setext, closing hashes, empty, levels.
    "# H1\n## H2 ##\n###### H6\n####### not\n#\n",
    "Setext one\n===\n\nSetext *two*\n---\n",
    "# Heading with `code` and [link](/l) and ![img](/i)\n",
    // Code: fenced with info strings, indented, tildes, unclosed.
    "```swift  extra words\nlet a = \"<b>\" & 'c'\n```\n",
    "~~~ python\nprint(1)\n~~~\n",
    "    indented\n    code\n\n\n    more\n",
    "```\nunclosed fence\n",
    "```a&b<c>\"d\nx\n```\n",
    "``` \tlang\nx\n```\n",
    // Block quotes with code, lists and lazy lines.
    "> quote\nlazy\n> > nested\n",
    "> ```\n> code in quote\n> ```\n> para\n",
    "> - a\n> - b\n>\n> 1. c\n",
    ">\n",
    // Thematic breaks and mixed content.
    "---\n***\n_ _ _\n",
    "para\n***\npara\n",
    // Emphasis edge cases.
    "*a **b** c* __d__ _e_ ***f*** **g*h*i**\n",
    "snake_case_word and *unclosed and **also\n",
    // Code spans.
    "`a` ``b ` c`` ` spaced ` `unclosed\n",
    // Non-ASCII, tabs, control characters.
    "日本語の段落、**強調**。\n\n\tタブ\n",
    "bell \u{7} and esc \u{1B}[31m red and del \u{7F}\n",
    "nul \u{0} byte\n",
    // Empty and whitespace-only input.
    "",
    "\n\n   \n",
]

@Test func theWriterMatchesCmarkOnTrickySnippets() {
    #expect(snippets.count >= 50)
    for snippet in snippets {
        #expect(ours(snippet) == CmarkParser.referenceHTML(snippet), "\(snippet.debugDescription)")
        let differences = readerDifferences("---\ntitle: T\n---\n" + snippet, path: "s.md")
        #expect(differences.isEmpty, "\(differences)")
    }
}

@Test func theWriterMatchesCmarkOnEveryShippedChapter() throws {
    var count = 0
    for folder in ["chapters", "chapters/ja"] {
        for path in try ChapterLoader.chapterPaths(in: repositoryRoot + "/" + folder) {
            let source = try String(contentsOfFile: path, encoding: .utf8)
            #expect(ours(source) == CmarkParser.referenceHTML(source), "\(path)")
            let differences = readerDifferences(source, path: path)
            #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
            count += 1
        }
    }
    #expect(count == 14)
}

@Test func anEmptyTitleIsKeptAndNoTitleIsNone() {
    let blocks = CmarkParser.markup("[a](u \"\") [b](v)\n")
    guard case .paragraph(let inlines) = blocks.first?.kind else { Issue.record("no paragraph"); return }
    let titles = inlines.compactMap { inline -> String?? in
        if case let .link(_, title, _) = inline.kind { title } else { nil }
    }
    #expect(titles == [.some(""), .none])
}

@Test func urlsAreEscapedAsCmarkDoes() {
    #expect(HTML.escapeURL("a b&c'd\"é%41") == "a%20b&amp;c&#x27;d%22%C3%A9%41")
    #expect(MarkupHTML.isDangerous("JavaScript:x"))
    #expect(MarkupHTML.isDangerous("data:image/svg+xml,x"))
    #expect(!MarkupHTML.isDangerous("data:image/png;base64,x"))
    #expect(!MarkupHTML.isDangerous("https://x.org"))
}
