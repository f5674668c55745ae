/// Writes the HTML of the document model (`MarkupBlock`, `MarkupInline`):
/// byte for byte what cmark's `cmark_render_html` writes for the same tree in
/// its safe mode (cmark 0.30's `html.c`), which a test checks on every shipped
/// chapter and on a set of tricky snippets (`MarkupHTMLTests`). Every piece of
/// text goes through `HTML.escape` (as cmark, leaving `'` alone) and every URL
/// through `HTML.escapeURL`; raw HTML is never written (`<!-- raw HTML omitted -->`),
/// nor are `javascript:`, `vbscript:`, `file:` and `data:` URLs (images in
/// PNG, GIF, JPEG and WebP excepted).
///
/// Math and references, which cmark does not know, are written by the caller's
/// functions (`ProseRenderer`: MathML and cross-reference links).
struct MarkupHTML {
    var math: (MathSpan) -> String
    var reference: (CrossReference) -> String

    /// The HTML of one block, as cmark renders that node on its own.
    func html(_ block: MarkupBlock) -> String {
        var out = ""
        write(block, tight: false, into: &out)
        return out
    }

    /// The HTML of inline content (a heading's, without the `<hN>` wrapper).
    func html(_ inlines: [MarkupInline]) -> String {
        var out = ""
        for inline in inlines { write(inline, into: &out) }
        return out
    }

    /// cmark's `cr`: a newline unless the output is empty or already ends in one.
    private func newline(_ out: inout String) {
        if let last = out.utf8.last, last != UInt8(ascii: "\n") { out += "\n" }
    }

    private static func text(_ text: String) -> String { HTML.escape(text, keepingApostrophes: true) }

    /// `tight`: the block is a child of an item of a tight list.
    private func write(_ block: MarkupBlock, tight: Bool, into out: inout String) {
        switch block.kind {
        case .paragraph(let inlines):
            if tight {
                for inline in inlines { write(inline, into: &out) }
            } else {
                newline(&out)
                out += "<p>"
                for inline in inlines { write(inline, into: &out) }
                out += "</p>\n"
            }
        case let .heading(level, inlines):
            newline(&out)
            out += "<h\(level)>"
            for inline in inlines { write(inline, into: &out) }
            out += "</h\(level)>\n"
        case .blockQuote(let blocks):
            newline(&out)
            out += "<blockquote>\n"
            for child in blocks { write(child, tight: false, into: &out) }
            newline(&out)
            out += "</blockquote>\n"
        case .list(let list):
            newline(&out)
            switch list.style {
            case .bullet: out += "<ul>\n"
            case .ordered(1, _): out += "<ol>\n"
            case .ordered(let start, _): out += "<ol start=\"\(start)\">\n"
            }
            for item in list.items {
                newline(&out)
                out += "<li>"
                for child in item.blocks { write(child, tight: list.tight, into: &out) }
                out += "</li>\n"
            }
            out += list.style == .bullet ? "</ul>\n" : "</ol>\n"
        case let .codeBlock(info, literal):
            newline(&out)
            let language = String(String.UnicodeScalarView(info.unicodeScalars.prefix { !Self.isSpace($0) }))
            if language.isEmpty {
                out += "<pre><code>"
            } else {
                out += "<pre><code class=\"language-\(Self.text(language))\">"
            }
            out += Self.text(literal)
            out += "</code></pre>\n"
        case .thematicBreak:
            newline(&out)
            out += "<hr />\n"
        case .rawHTML:
            newline(&out)
            out += "<!-- raw HTML omitted -->"
            newline(&out)
        }
    }

    private func write(_ inline: MarkupInline, into out: inout String) {
        switch inline.kind {
        case .text(let text): out += Self.text(text)
        case .code(let code): out += "<code>\(Self.text(code))</code>"
        case .emphasis(let children):
            out += "<em>"
            for child in children { write(child, into: &out) }
            out += "</em>"
        case .strong(let children):
            out += "<strong>"
            for child in children { write(child, into: &out) }
            out += "</strong>"
        case let .link(destination, title, children):
            out += "<a href=\"\(Self.url(destination))\""
            if let title { out += " title=\"\(Self.text(title))\"" }
            out += ">"
            for child in children { write(child, into: &out) }
            out += "</a>"
        case let .image(source, title, children):
            out += "<img src=\"\(Self.url(source))\" alt=\""
            for child in children { Self.writePlain(child, into: &out) }
            out += "\""
            if let title { out += " title=\"\(Self.text(title))\"" }
            out += " />"
        case .softBreak: out += "\n"
        case .hardBreak: out += "<br />\n"
        case .rawHTML: out += "<!-- raw HTML omitted -->"
        case .math(let span): out += math(span)
        case .reference(let reference): out += self.reference(reference)
        }
    }

    /// An image's alternative text: the text of its content, markup removed,
    /// breaks as spaces, raw HTML as text (cmark's "plain" rendering); math and
    /// references as written.
    private static func writePlain(_ inline: MarkupInline, into out: inout String) {
        switch inline.kind {
        case .text(let text), .code(let text), .rawHTML(let text): out += Self.text(text)
        case .softBreak, .hardBreak: out += " "
        case .math(let span): out += Self.text(span.source)
        case .reference(let reference): out += Self.text("@" + reference.label)
        case .emphasis(let children), .strong(let children), .link(_, _, let children), .image(_, _, let children):
            for child in children { writePlain(child, into: &out) }
        }
    }

    /// The escaped URL, or nothing for a scheme cmark's safe mode drops.
    private static func url(_ url: String) -> String {
        isDangerous(url) ? "" : HTML.escapeURL(url)
    }

    /// cmark's `_scan_dangerous_url` (case-insensitive prefixes).
    static func isDangerous(_ url: String) -> Bool {
        // ASCII letters folded only, as cmark compares bytes.
        let lower = url.utf8.prefix(16).map { (65...90).contains($0) ? $0 + 32 : $0 }
        func starts(with prefix: String) -> Bool { lower.starts(with: prefix.utf8) }
        if ["png", "gif", "jpeg", "webp"].contains(where: { starts(with: "data:image/" + $0) }) { return false }
        return ["javascript:", "vbscript:", "file:", "data:"].contains(where: starts(with:))
    }

    /// cmark's `cmark_isspace`: space, tab, line feed, vertical tab, form feed, carriage return.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || (9...13).contains(scalar.value) }
}
