/// A top-level block of a chapter. Containers (lists, block quotes) are not
/// split further: they arrive as one `.prose` block, a tree of markup nodes.
public enum ChapterBlock: Sendable, Equatable {
    case heading(Heading)
    /// A paragraph, list, block quote, thematic break or (omitted) raw HTML
    /// block, with math and references as nodes of its tree.
    case prose(MarkupBlock, location: SourceLocation)
    /// A fenced or indented code block that is not a run cell. `language` is
    /// the first word of the info string (empty if none); `code` is the
    /// body, ending in a newline.
    case code(language: String, code: String, location: SourceLocation)
    case cell(RunCell)

    /// Where the block starts (the fence line for cells).
    public var location: SourceLocation {
        switch self {
        case .heading(let heading): heading.location
        case .prose(_, let location): location
        case .code(_, _, let location): location
        case .cell(let cell): cell.location
        }
    }
}

/// An ATX (`## Title`) or setext heading.
public struct Heading: Sendable, Equatable, Hashable {
    /// 1…6.
    public var level: Int
    /// Plain text of the heading (markup removed, math as its TeX).
    public var text: String
    /// Slug of `text`, unique within the chapter (`loss`, `loss-1`, …), for
    /// `id=` attributes and the table of contents.
    public var id: String
    /// The inline content (math and references as nodes).
    public var content: [MarkupInline]
    public var location: SourceLocation

    public init(level: Int, text: String, id: String, content: [MarkupInline], location: SourceLocation) {
        self.level = level
        self.text = text
        self.id = id
        self.content = content
        self.location = location
    }
}
