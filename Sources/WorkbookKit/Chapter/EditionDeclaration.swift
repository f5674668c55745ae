import Yams

/// One entry of `editions:` in `workbook.yml`: a language, the folder of its
/// chapters (relative to the folder of `workbook.yml`) and its title.
///
/// ```yaml
/// editions:
///   - lang: en            # the first edition is built into output/
///     chapters: .
///   - lang: ja            # every other one into output/ja/
///     chapters: ja
///     title: ゼロから作るDeep Learning 第4章
/// ```
public struct EditionDeclaration: Sendable, Equatable {
    /// BCP 47 language code: `en`, `ja`. Also the edition's output folder name.
    public var language: String
    /// The chapters folder, relative to the folder that holds `workbook.yml`.
    public var chapters: String
    /// The edition's title; nil means the workbook's `title`.
    public var title: String?
    /// Where the entry is written, for diagnostics about it.
    public var location: SourceLocation

    public init(language: String, chapters: String = ".", title: String? = nil,
                location: SourceLocation = SourceLocation(file: "workbook.yml", line: 1, column: 1)) {
        self.language = language
        self.chapters = chapters
        self.title = title
        self.location = location
    }

    static let knownKeys = ["chapters", "lang", "title"]

    /// Reads the value of `editions:`. Bad entries are reported and left out;
    /// the others still build.
    static func parseList(_ node: Node, positions: YAMLPositions) -> (editions: [EditionDeclaration], diagnostics: [Diagnostic]) {
        guard case .sequence(let sequence) = node else {
            return ([], [.error("'editions' must be a list such as '- lang: en'", at: positions.location(node.mark),
                                hint: "each edition is '- lang: CODE' with an optional 'chapters: FOLDER' and 'title: …'")])
        }
        var editions: [EditionDeclaration] = []
        var diagnostics: [Diagnostic] = []
        for item in sequence {
            let at = positions.location(item.mark)
            guard case .mapping(let mapping) = item else {
                diagnostics.append(.error("an edition must be a mapping such as 'lang: ja'", at: at))
                continue
            }
            var edition = EditionDeclaration(language: "", chapters: "", location: at)
            for (key, value) in mapping {
                let name = key.string ?? ""
                guard case .scalar(let scalar) = value, value.null == nil, !scalar.string.chapterTrimmed.isEmpty else {
                    diagnostics.append(.error("'\(name)' of an edition must be text", at: positions.location(value.mark)))
                    continue
                }
                let text = scalar.string.chapterTrimmed
                switch name {
                case "lang": edition.language = text
                case "chapters": edition.chapters = text
                case "title": edition.title = text
                default:
                    diagnostics.append(.warning("unknown edition setting '\(name)'", at: positions.location(key.mark),
                                                hint: "an edition knows: \(knownKeys.joined(separator: ", "))",
                                                length: max(1, name.utf8.count)))
                }
            }
            if let problem = languageProblem(edition.language, at: at) {
                diagnostics.append(problem)
                continue
            }
            if let first = editions.first(where: { $0.language.lowercased() == edition.language.lowercased() }) {
                diagnostics.append(.error("edition '\(edition.language)' is declared twice (first at line \(first.location.line))", at: at))
                continue
            }
            if edition.chapters.isEmpty { edition.chapters = editions.isEmpty ? "." : edition.language }
            editions.append(edition)
        }
        return (editions, diagnostics)
    }

    /// A language code becomes a folder name, so only letters, digits and '-'.
    private static func languageProblem(_ language: String, at location: SourceLocation) -> Diagnostic? {
        if language.isEmpty {
            return .error("an edition needs 'lang', its language code", at: location, hint: "for example 'lang: ja'")
        }
        guard language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }), language.first!.isLetter else {
            return .error("language code '\(language)' may contain only letters, digits and '-'", at: location,
                          hint: "a BCP 47 code such as 'en', 'ja' or 'pt-BR'")
        }
        return nil
    }
}
