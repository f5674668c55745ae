/// The language of a page and the other editions it links to: `<html lang>`,
/// `<link rel="alternate" hreflang>` in the head, and the language switch in
/// the top bar (plain links, no script).
public struct PageLanguage: Sendable, Equatable {
    public var strings: Strings
    /// Every edition, this one included; empty for a workbook of one edition
    /// (its pages then have no switch).
    public var links: [LanguageLink]

    public init(strings: Strings, links: [LanguageLink] = []) {
        self.strings = strings
        self.links = links
    }

    public static let english = PageLanguage(strings: .english)

    public var code: String { links.first(where: \.isCurrent)?.language ?? strings.language }

    /// `<link rel="alternate">` lines for `page` (a file name in the output folder).
    func alternates(for page: String) -> String {
        links.map { "<link rel=\"alternate\" hreflang=\"\(HTML.escape($0.language))\" href=\"\(HTML.escape($0.href(for: page)))\">\n" }.joined()
    }

    /// The language switch for `page`: the current language as text, the others as links.
    func languageSwitch(for page: String) -> String {
        guard links.count > 1 else { return "" }
        let items = links.map { link in
            link.isCurrent
                ? "<span aria-current=\"page\" lang=\"\(HTML.escape(link.language))\">\(HTML.escape(link.name))</span>"
                : "<a href=\"\(HTML.escape(link.href(for: page)))\" hreflang=\"\(HTML.escape(link.language))\" lang=\"\(HTML.escape(link.language))\">\(HTML.escape(link.name))</a>"
        }
        return "<nav class=\"languages\" aria-label=\"\(HTML.escape(strings[.languageSwitch]))\">\(items.joined(separator: " "))</nav>"
    }
}

/// An edition as a page links to it.
public struct LanguageLink: Sendable, Equatable {
    public var language: String
    /// The language's own name, from its table ("日本語").
    public var name: String
    /// From the linking edition's output folder to this one's: "", "ja/", "../".
    public var prefix: String
    /// Page names this edition has (`index.html`, `05-gradient-descent.html`, …).
    public var pages: Set<String>
    public var isCurrent: Bool

    public init(language: String, name: String, prefix: String, pages: Set<String>, isCurrent: Bool) {
        self.language = language
        self.name = name
        self.prefix = prefix
        self.pages = pages
        self.isCurrent = isCurrent
    }

    /// This edition's page for `page`, or its index when it has no such page.
    public func href(for page: String) -> String {
        prefix + (pages.contains(page) ? page : "index.html")
    }
}
