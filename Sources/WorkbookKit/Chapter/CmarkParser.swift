import CCmark
import Foundation

/// The only contact with libcmark. `parse` hands cmark the (already
/// math-protected) Markdown, turns cmark's tree into `MarkupBlock` values and
/// frees it before returning: no cmark pointer escapes. No HTML is made here
/// (`Render/MarkupHTML.swift` writes it); `referenceHTML` is cmark's own HTML,
/// for the test that compares the two.
enum CmarkParser {
    /// A top-level block as cmark saw it, with 1-based line and UTF-8 column.
    struct Block: Equatable {
        enum Kind: Equatable {
            case heading(level: Int, content: [MarkupInline])
            /// A paragraph, list, block quote, thematic break or raw HTML block.
            case prose(MarkupBlock)
            /// Fenced or indented; `info` is the trimmed info string ("" for indented).
            case code(info: String, literal: String)
        }

        var kind: Kind
        var line: Int
        var column: Int
    }

    struct Document {
        var blocks: [Block]
        /// Where raw HTML (omitted from the output by cmark's safe default)
        /// was. HTML comments are not listed: dropping them is what authors expect.
        var rawHTML: [(line: Int, column: Int)]
        /// `run` fences nested in lists or quotes: shown as code, never run.
        var nestedRunCells: [(line: Int, column: Int)] = []
        /// The first node nested deeper than `maximumNesting`: it and what
        /// is inside it are plain text in the model.
        var tooDeep: (line: Int, column: Int)?
    }

    /// `CMARK_OPT_SOURCEPOS`.
    private static let parseOptions: Int32 = 1 << 1

    /// How deep blocks and inlines may nest in the model (cmark has no limit:
    /// 20 000 `>` are 20 000 block quotes). Deeper content is kept as plain
    /// text, so that converting, resolving and writing the tree — recursive
    /// functions — never overflow a thread's stack.
    static let maximumNesting = 100

    static func parse(_ markdown: String) -> Document {
        let (tree, tooDeep) = markupChecked(markdown)
        var document = Document(blocks: [], rawHTML: [], tooDeep: tooDeep)
        for block in tree {
            let line = block.range.startLine, column = block.range.startColumn
            switch block.kind {
            case let .heading(level, content):
                document.blocks.append(Block(kind: .heading(level: level, content: content), line: line, column: column))
            case let .codeBlock(info, literal):
                document.blocks.append(Block(kind: .code(info: info, literal: literal), line: line, column: column))
            default:
                document.blocks.append(Block(kind: .prose(block), line: line, column: column))
            }
            scan(block, topLevel: true, into: &document)
        }
        return document
    }

    /// The top-level blocks of `markdown`, as cmark parses them.
    static func markup(_ markdown: String) -> [MarkupBlock] { markupChecked(markdown).blocks }

    /// The blocks, and where (if anywhere) nesting passed `maximumNesting`.
    static func markupChecked(_ markdown: String) -> (blocks: [MarkupBlock], tooDeep: (line: Int, column: Int)?) {
        withDocument(markdown) { root in
            var converter = Converter()
            return (converter.blocks(of: root), converter.tooDeep)
        } ?? ([], nil)
    }

    /// cmark's own HTML of `markdown` (safe mode; control characters made
    /// U+FFFD as on a page), one string per top-level block, as the reader
    /// rendered prose before the renderer wrote it: what `MarkupHTML` must equal.
    static func referenceHTML(_ markdown: String) -> [String] {
        withDocument(markdown) { root in
            var html: [String] = []
            var child = cmark_node_first_child(root)
            while let node = child {
                if let rendered = cmark_render_html(node, 0) {
                    html.append(ControlCharacters.replacedForPage(String(cString: rendered)))
                    free(rendered)
                }
                child = cmark_node_next(node)
            }
            return html
        } ?? []
    }

    private static func withDocument<T>(_ markdown: String, _ body: (OpaquePointer) -> T) -> T? {
        // The byte count, not `strlen`: a NUL byte in the text must not end it (cmark makes it U+FFFD).
        var text = markdown
        let root: OpaquePointer? = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, parseOptions) }
        }
        guard let root else { return nil }
        defer { cmark_node_free(root) }
        return body(root)
    }

    /// Raw HTML (not comments) and nested `run` fences inside a top-level block.
    private static func scan(_ block: MarkupBlock, topLevel: Bool, into document: inout Document) {
        let position = (line: block.range.startLine, column: block.range.startColumn)
        switch block.kind {
        case .paragraph(let inlines), .heading(_, let inlines):
            scan(inlines, block: position, into: &document)
        case .blockQuote(let blocks):
            for child in blocks { scan(child, topLevel: false, into: &document) }
        case .list(let list):
            for item in list.items { for child in item.blocks { scan(child, topLevel: false, into: &document) } }
        case .codeBlock(let info, _):
            if !topLevel, info.split(separator: " ").first == "run" { document.nestedRunCells.append(position) }
        case .rawHTML(let literal):
            if !isComment(literal) { document.rawHTML.append(position) }
        case .thematicBreak:
            break
        }
    }

    private static func scan(_ inlines: [MarkupInline], block: (line: Int, column: Int), into document: inout Document) {
        for inline in inlines {
            switch inline.kind {
            case .rawHTML(let literal):
                if !isComment(literal) {
                    document.rawHTML.append(inline.range.startLine > 0
                        ? (inline.range.startLine, inline.range.startColumn) : block)
                }
            case .emphasis(let children), .strong(let children), .link(_, _, let children), .image(_, _, let children):
                scan(children, block: block, into: &document)
            default:
                break
            }
        }
    }

    private static func isComment(_ literal: String) -> Bool {
        literal.drop(while: { $0 == " " }).hasPrefix("<!--")
    }

    /// cmark nodes → values, recursively.
    private struct Converter {
        /// What `cmark_node_get_title` returns for a link without a title (its
        /// static empty string), to tell it from an empty title written as `""`,
        /// which cmark's HTML keeps as `title=""`.
        let noTitle: UnsafePointer<CChar>? = {
            guard let link = cmark_node_new(CMARK_NODE_LINK) else { return nil }
            defer { cmark_node_free(link) }
            return cmark_node_get_title(link)
        }()

        /// How many blocks and inlines enclose the node being converted.
        private var depth = 0
        private(set) var tooDeep: (line: Int, column: Int)?

        mutating func blocks(of parent: OpaquePointer) -> [MarkupBlock] {
            depth += 1
            defer { depth -= 1 }
            var blocks: [MarkupBlock] = []
            var child = cmark_node_first_child(parent)
            while let node = child {
                if let block = block(node) { blocks.append(block) }
                child = cmark_node_next(node)
            }
            return blocks
        }

        private mutating func block(_ node: OpaquePointer) -> MarkupBlock? {
            if depth > CmarkParser.maximumNesting {
                let text = MarkupInline(.text(plainText(node)), range: range(node))
                return MarkupBlock(.paragraph([text]), range: range(node))
            }
            let kind: MarkupBlock.Kind
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH: kind = .paragraph(inlines(of: node))
            case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node))
            case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote(blocks(of: node))
            case CMARK_NODE_LIST:
                var items: [MarkupListItem] = []
                var child = cmark_node_first_child(node)
                while let item = child {
                    items.append(MarkupListItem(blocks: blocks(of: item), range: range(item)))
                    child = cmark_node_next(item)
                }
                let style: MarkupList.Style = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                    ? .ordered(start: Int(cmark_node_get_list_start(node)),
                               delimiter: cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : ".")
                    : .bullet
                kind = .list(MarkupList(style: style, tight: cmark_node_get_list_tight(node) != 0, items: items))
            case CMARK_NODE_CODE_BLOCK:
                kind = .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
            case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
            case CMARK_NODE_HTML_BLOCK: kind = .rawHTML(string(cmark_node_get_literal(node)))
            default: return nil  // cmark's parser makes no custom blocks
            }
            return MarkupBlock(kind, range: range(node))
        }

        private mutating func inlines(of parent: OpaquePointer) -> [MarkupInline] {
            depth += 1
            defer { depth -= 1 }
            var inlines: [MarkupInline] = []
            var child = cmark_node_first_child(parent)
            while let node = child {
                if let inline = inline(node) { inlines.append(inline) }
                child = cmark_node_next(node)
            }
            return inlines
        }

        private mutating func inline(_ node: OpaquePointer) -> MarkupInline? {
            if depth > CmarkParser.maximumNesting { return MarkupInline(.text(plainText(node)), range: range(node)) }
            let kind: MarkupInline.Kind
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT: kind = .text(string(cmark_node_get_literal(node)))
            case CMARK_NODE_CODE: kind = .code(string(cmark_node_get_literal(node)))
            case CMARK_NODE_EMPH: kind = .emphasis(inlines(of: node))
            case CMARK_NODE_STRONG: kind = .strong(inlines(of: node))
            case CMARK_NODE_LINK:
                kind = .link(destination: string(cmark_node_get_url(node)), title: title(node), inlines(of: node))
            case CMARK_NODE_IMAGE:
                kind = .image(source: string(cmark_node_get_url(node)), title: title(node), inlines(of: node))
            case CMARK_NODE_SOFTBREAK: kind = .softBreak
            case CMARK_NODE_LINEBREAK: kind = .hardBreak
            case CMARK_NODE_HTML_INLINE: kind = .rawHTML(string(cmark_node_get_literal(node)))
            default: return nil  // cmark's parser makes no custom inlines
            }
            return MarkupInline(kind, range: range(node))
        }

        /// The text of a node nested too deep, by cmark's iterator (no
        /// recursion): text and code as written, line breaks as spaces.
        private mutating func plainText(_ node: OpaquePointer) -> String {
            let line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
            if tooDeep == nil { tooDeep = (line, column) }
            var text = ""
            guard let iterator = cmark_iter_new(node) else { return text }
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(current) {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK: text += string(cmark_node_get_literal(current))
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
                default: break
                }
            }
            return text
        }

        private func title(_ node: OpaquePointer) -> String? {
            let title = cmark_node_get_title(node)
            return title == nil || title == noTitle ? nil : string(title)
        }

        private func range(_ node: OpaquePointer) -> SourceRange {
            SourceRange(startLine: Int(cmark_node_get_start_line(node)), startColumn: Int(cmark_node_get_start_column(node)),
                        endLine: Int(cmark_node_get_end_line(node)), endColumn: Int(cmark_node_get_end_column(node)))
        }

        private func string(_ pointer: UnsafePointer<CChar>?) -> String {
            pointer.map { String(cString: $0) } ?? ""
        }
    }
}
