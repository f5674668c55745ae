import SVGPlot

/// Puts the words of a cell's outputs into an edition's language at render
/// time, so that the outputs themselves — what the cache stores — are the
/// same in every edition and a cell runs once for all of them.
///
/// Directives write their words in English from the templates of
/// `Strings.english`. A text is translated when it is exactly what one of those
/// templates makes: the template's holes are read back out of the text,
/// translated in turn ("100 steps" inside a note), and put into the other
/// language's template. A text no template made (a number, a formula, a
/// legend the chapter wrote) is left as it is.
public struct OutputLocalizer: Sendable {
    public let strings: Strings
    /// Words of this cell's figure, the first edition's → this edition's
    /// (`labels:` of a plot); tried before the table.
    public let words: [String: String]
    /// Each English template without holes, by its text.
    private let exact: [String: TextKey]
    /// English templates with holes, the longest literal text first, so that
    /// "train acc (seed {seed})" is tried before "seed {seed}".
    private let patterns: [(key: TextKey, template: TextTemplate)]

    public init(strings: Strings, words: [String: String] = [:]) {
        self.strings = strings
        self.words = words
        (exact, patterns) = Self.englishTemplates
    }

    /// The English templates, split once per process (a localizer is made for every cell).
    private static let englishTemplates: (exact: [String: TextKey], patterns: [(key: TextKey, template: TextTemplate)]) = {
        var exact: [String: TextKey] = [:]
        var patterns: [(key: TextKey, template: TextTemplate)] = []
        for key in TextKey.allCases {
            let template = Strings.english.template(key)
            if template.holes.isEmpty {
                exact[template.fill([:])] = exact[template.fill([:])] ?? key
            } else {
                patterns.append((key, template))
            }
        }
        return (exact, patterns.sorted { $0.template.literalLength > $1.template.literalLength })
    }()

    /// Whether this localizer changes anything (English outputs stay as they are).
    public var isIdentity: Bool { strings.language == Strings.english.language && words.isEmpty }

    /// `text` in this localizer's language, or `text` itself when no template made it.
    public func translate(_ text: String) -> String {
        translate(text, depth: 0)
    }

    private func translate(_ text: String, depth: Int) -> String {
        guard !isIdentity, !text.isEmpty, depth < 3 else { return text }
        if let word = words[text] { return word }
        if let key = exact[text] {
            return strings.entries[key] ?? text
        }
        for (key, template) in patterns {
            guard let own = strings.entries[key], let values = template.match(text) else { continue }
            return TextTemplate(own).fill(values.mapValues { translate($0, depth: depth + 1) })
        }
        return text
    }

    /// The outputs with every name, heading, note and figure word translated.
    /// Numbers, code and images are untouched.
    public func localize(_ outputs: [CellOutput]) -> [CellOutput] {
        guard !isIdentity else { return outputs }
        return outputs.map(localize)
    }

    private func localize(_ output: CellOutput) -> CellOutput {
        switch output {
        case .value(let key, let name, let value, let text):
            return .value(key: key, name: translate(name), value: value, text: text)
        case .numbers(let key, let name, let values):
            return .numbers(key: key, name: translate(name), values: values)
        case .table(var table):
            table.columns = table.columns.map(translate)
            table.rows = table.rows.map { row in
                row.map { cell in
                    if case .text(let text) = cell { return .text(translate(text)) }
                    return cell
                }
            }
            return .table(table)
        case .figure(var figure):
            figure.svg = localizeSVG(figure.svg)
            return .figure(figure)
        case .note(let text):
            return .note(translate(text))
        case .code:
            return output
        }
    }

    /// Translates the content of every `<text>` and `<title>` element of an SVG
    /// document made by SVGPlot (whose text elements hold escaped text only).
    public func localizeSVG(_ svg: String) -> String {
        var out = ""
        out.reserveCapacity(svg.utf8.count)
        var rest = Substring(svg)
        if let root = rest.range(of: "<svg ") {
            // The language of the text, and its fonts first, on the root element
            // (an inline style wins over the figure's own stylesheet).
            out += rest[..<root.upperBound]
            out += "lang=\"\(svgEscape(strings.language))\" "
            if !strings.fonts.isEmpty {
                let family = (strings.fonts.map { "'\($0)'" } + ["sans-serif"]).joined(separator: ",")
                out += "style=\"font-family:\(svgEscape(family))\" "
            }
            rest = rest[root.upperBound...]
        }
        while let open = Self.nextTextElement(in: rest) {
            let closing = rest[open.lowerBound...].hasPrefix("<title") ? "</title>" : "</text>"
            guard let contentStart = rest[open.upperBound...].firstIndex(of: ">"),
                  let close = rest[contentStart...].range(of: closing) else { break }
            let content = rest[rest.index(after: contentStart)..<close.lowerBound]
            out += rest[..<rest.index(after: contentStart)]
            if content.contains("<") {
                out += content
            } else {
                out += svgEscape(translate(XMLText.unescape(String(content))))
            }
            out += closing
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }

    /// The next `<text` or `<title` in `svg`, found in one forward scan. Searching
    /// for each separately went to the end of the figure every time the other came
    /// first: quadratic in the figure's size, 2.7 s of a 4.7 s warm build.
    private static func nextTextElement(in svg: Substring) -> Range<Substring.Index>? {
        var from = svg.startIndex
        while let tag = svg[from...].range(of: "<t") {
            let rest = svg[tag.lowerBound...]
            if rest.hasPrefix("<text") { return tag.lowerBound..<svg.index(tag.lowerBound, offsetBy: 5) }
            if rest.hasPrefix("<title") { return tag.lowerBound..<svg.index(tag.lowerBound, offsetBy: 6) }
            from = tag.upperBound
        }
        return nil
    }
}

/// The five entities `svgEscape` writes, undone.
enum XMLText {
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
