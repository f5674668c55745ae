import CCmark
import Foundation

/// The only contact with libcmark. `parse` hands cmark the (already
/// math-protected) Markdown, turns the top-level blocks into Swift values and
/// frees the whole cmark tree before returning: no cmark pointer escapes.
enum CmarkParser {
    /// A top-level block as cmark saw it, with 1-based line and UTF-8 column.
    struct Block: Equatable {
        enum Kind: Equatable {
            /// `html` is the inline content without the `<hN>` wrapper.
            case heading(level: Int, text: String, html: String)
            case prose(html: String)
            /// Fenced or indented; `info` is the trimmed info string ("" for indented).
            case code(info: String, literal: String)
        }

        var kind: Kind
        var line: Int
        var column: Int
    }

    struct Document: Equatable {
        var blocks: [Block]
        /// Where raw HTML (omitted from the output by cmark's safe default)
        /// was. HTML comments are not listed: dropping them is what authors expect.
        var rawHTML: [(line: Int, column: Int)]
        /// `run` fences nested in lists or quotes: shown as code, never run.
        var nestedRunCells: [(line: Int, column: Int)] = []

        static func == (a: Document, b: Document) -> Bool {
            a.blocks == b.blocks && a.rawHTML.map { [$0.line, $0.column] } == b.rawHTML.map { [$0.line, $0.column] }
                && a.nestedRunCells.map { [$0.line, $0.column] } == b.nestedRunCells.map { [$0.line, $0.column] }
        }
    }

    /// `CMARK_OPT_SOURCEPOS`; rendering uses the safe default (raw HTML omitted).
    private static let parseOptions: Int32 = 1 << 1
    private static let renderOptions: Int32 = 0

    static func parse(_ markdown: String) -> Document {
        // The byte count, not `strlen`: a NUL byte in the text must not end it (cmark makes it U+FFFD).
        var text = markdown
        let root: OpaquePointer? = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, parseOptions) }
        }
        guard let root else { return Document(blocks: [], rawHTML: []) }
        defer { cmark_node_free(root) }

        var blocks: [Block] = []
        var rawHTML: [(line: Int, column: Int)] = []
        var nestedRunCells: [(line: Int, column: Int)] = []
        var child = cmark_node_first_child(root)
        while let node = child {
            let line = Int(cmark_node_get_start_line(node))
            let column = Int(cmark_node_get_start_column(node))
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                let html = innerHTML(render(node))
                blocks.append(Block(
                    kind: .heading(level: Int(cmark_node_get_heading_level(node)), text: plainText(node), html: html),
                    line: line, column: column))
            case CMARK_NODE_CODE_BLOCK:
                blocks.append(Block(
                    kind: .code(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node))),
                    line: line, column: column))
            default:
                blocks.append(Block(kind: .prose(html: render(node)), line: line, column: column))
            }
            let found = scan(node, blockLine: line, blockColumn: column)
            rawHTML += found.rawHTML
            nestedRunCells += found.nestedRunCells
            child = cmark_node_next(node)
        }
        return Document(blocks: blocks, rawHTML: rawHTML, nestedRunCells: nestedRunCells)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func render(_ node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, renderOptions) else { return "" }
        defer { free(html) }
        // cmark makes NUL U+FFFD but passes the other control characters through.
        return ControlCharacters.replacedForPage(String(cString: html))
    }

    /// `<h2>Inner <em>text</em></h2>\n` → `Inner <em>text</em>`.
    private static func innerHTML(_ html: String) -> String {
        var s = Substring(html)
        if let gt = s.firstIndex(of: ">") { s = s[s.index(after: gt)...] }
        while s.last == "\n" { s = s.dropLast() }
        if let lt = s.lastIndex(of: "<"), s[lt...].hasPrefix("</h") { s = s[..<lt] }
        return String(s)
    }

    /// Text content of a node: text and code literals, breaks as spaces.
    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        guard let iter = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iter) }
        while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iter) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += string(cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    /// Raw HTML (not comments) and nested `run` fences inside a top-level block.
    private static func scan(_ block: OpaquePointer, blockLine: Int, blockColumn: Int)
        -> (rawHTML: [(line: Int, column: Int)], nestedRunCells: [(line: Int, column: Int)])
    {
        var rawHTML: [(line: Int, column: Int)] = []
        var nested: [(line: Int, column: Int)] = []
        guard let iter = cmark_iter_new(block) else { return (rawHTML, nested) }
        defer { cmark_iter_free(iter) }
        while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(current)
            let line = Int(cmark_node_get_start_line(current))
            let column = Int(cmark_node_get_start_column(current))
            let position = line > 0 ? (line: line, column: column) : (line: blockLine, column: blockColumn)
            if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                let literal = string(cmark_node_get_literal(current))
                if !literal.drop(while: { $0 == " " }).hasPrefix("<!--") { rawHTML.append(position) }
            } else if type == CMARK_NODE_CODE_BLOCK, current != block,
                      string(cmark_node_get_fence_info(current)).split(separator: " ").first == "run" {
                nested.append(position)
            }
        }
        return (rawHTML, nested)
    }
}
