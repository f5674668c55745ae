/// What every page needs to know about the whole workbook: its title, the
/// chapters in order, and where each label lives (for `@label` references).
public struct SiteMap: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var slug: String
        public var title: String
        public var summary: String?
        public var number: Int
        public var headings: [Heading]
        /// The book's sections and figures of the chapter's headings and cells.
        public var book = BookMap()
        public var file: String { slug + ".html" }
    }

    /// Where a label points: a page, an anchor, and the figure's number ("3.2").
    public struct Target: Sendable, Equatable {
        public var file: String
        public var anchor: String
        public var number: String
    }

    public var title: String
    public var entries: [Entry]
    public var targets: [String: Target]
    /// `workbook.yml`'s `author:`, named in every page's head.
    public var author: String?
    /// The pages' language and the other editions they link to.
    public var language: PageLanguage = .english

    public static let referenceFile = "directives.html"
}
