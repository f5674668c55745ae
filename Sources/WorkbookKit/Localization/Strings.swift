/// The tool's own words in one language: a table from `TextKey` to template,
/// with English behind every missing entry.
///
/// A table is a value, so tests can build partial ones; the shipped tables are
/// `Strings.english` and `Strings.japanese`, found by language code with
/// `Strings.table(for:)`. A language without a table gets `nil` there, and the
/// build warns and uses English.
public struct Strings: Sendable, Equatable {
    /// BCP 47 language code, as written in `<html lang>`: `en`, `ja`.
    public let language: String
    let entries: [TextKey: String]
    /// Fonts to name before the figures' own font stack, so that the language's
    /// glyphs get their own shapes (kanji as Japanese, not Chinese); empty for English.
    public let fonts: [String]

    public init(language: String, entries: [TextKey: String], fonts: [String] = []) {
        self.language = language
        self.entries = entries
        self.fonts = fonts
    }

    /// Every table the tool ships, English first.
    public static let all: [Strings] = [.english, .japanese]

    /// The table for a language code (`ja`, `ja-JP` → `ja`), or nil when the tool has none.
    public static func table(for language: String) -> Strings? {
        let code = language.split(separator: "-").first.map { String($0).lowercased() } ?? ""
        return all.first { $0.language == code }
    }

    /// The template for `key`: this table's, else English's.
    public func template(_ key: TextKey) -> TextTemplate {
        TextTemplate(entries[key] ?? Strings.english.entries[key] ?? key.rawValue)
    }

    /// The text for `key` with its holes filled: `strings[.figureNumber, ["n": "5.2"]]`.
    public subscript(_ key: TextKey, _ values: [String: String] = [:]) -> String {
        template(key).fill(values)
    }

    /// Keys this table has no entry for (they fall back to English), in declaration order.
    public var missingKeys: [TextKey] {
        TextKey.allCases.filter { entries[$0] == nil }
    }

    /// Keys whose template names other holes than the English one: a value
    /// would be lost or a hole left unfilled.
    public var mismatchedHoles: [TextKey] {
        TextKey.allCases.filter { key in
            guard let own = entries[key], let english = Strings.english.entries[key] else { return false }
            return Set(TextTemplate(own).holes) != Set(TextTemplate(english).holes)
        }
    }
}
