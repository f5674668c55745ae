/// The document model of a chapter's prose: one tree of block and inline
/// nodes, each with the range of the chapter file it came from. Markdown
/// structure comes from cmark (`CmarkParser` turns cmark's tree into these
/// values and frees it); math and `@label` references, which cmark does not
/// know, are nodes of their own (`MarkupInline.Kind.math`, `.reference`). No
/// HTML is made here: `Render/MarkupHTML.swift` writes it.

/// From the first character of a node to its last (inclusive), 1-based lines
/// and UTF-8 byte columns, as cmark reports them (math and references: as the
/// reader found them), moved back to the chapter file where a placeholder
/// stood before them on the line. cmark gives soft breaks no position
/// (`0:0-0:0`) and ends some blocks that stop at a blank line at column 0.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int

    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }

    public var description: String { "\(startLine):\(startColumn)-\(endLine):\(endColumn)" }
}

/// A block node: what cmark's core grammar makes of lines.
public struct MarkupBlock: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case paragraph([MarkupInline])
        /// ATX (`## x`) or setext; level 1…6.
        case heading(level: Int, [MarkupInline])
        case blockQuote([MarkupBlock])
        case list(MarkupList)
        /// Fenced or indented. `info` is the whole info string (empty for
        /// indented code); `literal` the body, each line ending in a newline.
        case codeBlock(info: String, literal: String)
        case thematicBreak
        /// A raw HTML block; it is never written to a page (cmark's safe mode).
        case rawHTML(String)
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public struct MarkupList: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case bullet
        /// The first number and the delimiter (`.` or `)`).
        case ordered(start: Int, delimiter: Character)
    }

    public var style: Style
    /// Tight: no blank line between items or their blocks; paragraphs get no `<p>`.
    public var tight: Bool
    public var items: [MarkupListItem]

    public init(style: Style, tight: Bool, items: [MarkupListItem]) {
        self.style = style
        self.tight = tight
        self.items = items
    }
}

public struct MarkupListItem: Sendable, Hashable {
    public var blocks: [MarkupBlock]
    public var range: SourceRange

    public init(blocks: [MarkupBlock], range: SourceRange) {
        self.blocks = blocks
        self.range = range
    }
}

/// An inline node: what cmark's inline grammar makes of a paragraph's or
/// heading's text, with math and references split out of its text nodes.
public struct MarkupInline: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        /// Entities and backslash escapes already resolved.
        case text(String)
        case code(String)
        case emphasis([MarkupInline])
        case strong([MarkupInline])
        /// `title` is `nil` when none was written (`""` when an empty one was).
        case link(destination: String, title: String?, [MarkupInline])
        /// The children are the alternative text.
        case image(source: String, title: String?, [MarkupInline])
        case softBreak
        case hardBreak
        /// Raw inline HTML; never written to a page (cmark's safe mode).
        case rawHTML(String)
        /// `$…$` or `$$…$$`, found by the chapter reader (cmark knows no math).
        case math(MathSpan)
        /// `@label`, found by the chapter reader.
        case reference(CrossReference)
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

extension MarkupInline {
    /// Text content: text, code and math as written (TeX without dollars),
    /// references as `@label`, line breaks as spaces, markup removed.
    static func plainText(_ inlines: [MarkupInline]) -> String {
        var out = ""
        for inline in inlines { inline.appendPlainText(to: &out) }
        return out
    }

    private func appendPlainText(to out: inout String) {
        switch kind {
        case .text(let text), .code(let text): out += text
        case .softBreak, .hardBreak: out += " "
        case .math(let span): out += span.tex
        case .reference(let reference): out += "@" + reference.label
        case .emphasis(let children), .strong(let children), .link(_, _, let children), .image(_, _, let children):
            for child in children { child.appendPlainText(to: &out) }
        case .rawHTML: break
        }
    }
}
