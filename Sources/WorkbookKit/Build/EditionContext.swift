import Foundation

/// What the build of one edition needs to know beyond its own chapters: its
/// language and words, the other editions (for `hreflang` links and the
/// language switch), the cache it shares with them, and the figure words of
/// its cells' counterparts in the first edition.
public struct EditionContext: Sendable {
    public var language: String
    public var strings: Strings
    /// Every edition of the workbook, this one included, in declaration order.
    public var links: [LanguageLink]
    /// The cache every edition reads and writes, so a cell computes once.
    public var cacheDirectory: URL
    /// The `workbook.yml` every edition shares (title, seed, data).
    public var settingsPath: String
    /// The folder that holds the first edition's chapters folder: data sets
    /// are looked up from there by every edition, so they read the same data.
    public var workbookRoot: String
    /// Whether this is the first edition: only it reports `workbook.yml`'s problems.
    public var isFirst: Bool
    /// The edition's title, shown in the top bar and on the index page.
    public var title: String?
    /// Per cell (chapter file name and label): the counterpart's figure words,
    /// and how to put them into this edition's words.
    public var figureWords: [CellPlace: FigureWords] = [:]

    public init(language: String, strings: Strings, links: [LanguageLink], cacheDirectory: URL,
                settingsPath: String, workbookRoot: String, isFirst: Bool, title: String? = nil) {
        self.language = language
        self.strings = strings
        self.links = links
        self.cacheDirectory = cacheDirectory
        self.settingsPath = settingsPath
        self.workbookRoot = workbookRoot
        self.isFirst = isFirst
        self.title = title
    }

    /// The localizer of a cell's outputs: the tool's words from the table, the
    /// chapter's own figure words from the counterpart.
    func localizer(chapterFile: String, label: String) -> OutputLocalizer {
        OutputLocalizer(strings: strings, words: figureWords[CellPlace(file: chapterFile, label: label)]?.translations ?? [:])
    }
}

/// A cell across editions: its chapter's file name (`05-gradient-descent.md`) and its label.
public struct CellPlace: Sendable, Hashable {
    public var file: String
    public var label: String
}

/// The words a cell draws into its figure (`labels:`), as its counterpart in
/// the first edition writes them. The cell runs with those (so both editions
/// share one cache entry) and its page shows its own.
public struct FigureWords: Sendable, Equatable {
    /// Parameter name → the counterpart's value, used when the cell runs.
    public var canonical: [String: ParameterValue]
    /// The counterpart's word → this edition's word.
    public var translations: [String: String]
}
