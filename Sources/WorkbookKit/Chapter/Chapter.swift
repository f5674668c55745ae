/// One chapter file, read: what the renderer needs to produce its page and
/// what went wrong while reading it. Built by `Chapter.parse(source:path:)`
/// or `ChapterLoader`.
public struct Chapter: Sendable, Equatable {
    /// The path as the user gave it, e.g. `chapters/01-loss.md`; also the
    /// `file` of every location in this chapter.
    public var path: String
    /// File name without `.md`, e.g. `01-loss`; the page name.
    public var slug: String
    /// From front matter `title:` (or derived from the file name if missing).
    public var title: String
    /// From front matter `summary:`.
    public var summary: String?
    /// Top-level blocks in document order.
    public var blocks: [ChapterBlock]
    /// Every `.math` node of the prose, in document order (MathML is made once per span).
    public var math: [MathSpan]
    /// Every `.reference` node of the prose, in document order.
    public var references: [CrossReference]
    /// Problems found while reading, in document order.
    public var diagnostics: [Diagnostic]
    /// The text every location points into (line endings made `\n`), for
    /// caret lines; empty when the file could not be read.
    public var source: String
    /// From front matter `book:`: which section or figure of the book each heading or cell is.
    public var book = BookMap()

    public init(
        path: String, slug: String, title: String, summary: String?,
        blocks: [ChapterBlock], math: [MathSpan], references: [CrossReference],
        diagnostics: [Diagnostic], source: String = ""
    ) {
        self.path = path
        self.slug = slug
        self.title = title
        self.summary = summary
        self.blocks = blocks
        self.math = math
        self.references = references
        self.diagnostics = diagnostics
        self.source = source
    }

    /// All run cells, in document order.
    public var cells: [RunCell] {
        blocks.compactMap { if case .cell(let cell) = $0 { cell } else { nil } }
    }

    /// All headings, in document order.
    public var headings: [Heading] {
        blocks.compactMap { if case .heading(let heading) = $0 { heading } else { nil } }
    }
}
