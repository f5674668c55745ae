import Yams

/// The YAML block between `---` lines at the very top of a chapter.
///
/// It is cut out of the Markdown by blanking its lines (not deleting them),
/// so cmark's line numbers for the rest of the file stay those of the file.
struct FrontMatter {
    var title: String?
    var summary: String?
    /// From `book:`: the book's sections and figures of this chapter's headings and cells.
    var book = BookMap()
    var diagnostics: [Diagnostic] = []
    /// The source with the front matter lines emptied.
    var markdown: String

    /// Keys a chapter's front matter understands; others get a warning.
    static let knownKeys: Set<String> = ["title", "summary", "book"]

    static func split(_ source: String, file: String) -> FrontMatter {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        var result = FrontMatter(markdown: source)
        guard let first = lines.first, isDelimiter(first, opening: true) else { return result }
        guard let close = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0], opening: false) }) else {
            result.diagnostics.append(.error(
                "front matter is not closed", at: SourceLocation(file: file, line: 1, column: 1),
                hint: "end the front matter with a line '---'", length: 3))
            return result
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let positions = YAMLPositions(yaml: yaml, file: file, firstLine: 2)
        result.read(yaml, positions: positions)
        for i in 0...close { lines[i] = lines[i].hasSuffix("\r") ? "\r" : "" }
        result.markdown = lines.joined(separator: "\n")
        return result
    }

    private static func isDelimiter(_ line: Substring, opening: Bool) -> Bool {
        let trimmed = line.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        let text = String(trimmed.reversed())
        return text == "---" || (!opening && text == "...")
    }

    private mutating func read(_ yaml: String, positions: YAMLPositions) {
        let mapping: Node.Mapping
        switch positions.readMapping(yaml, what: "front matter", shape: "such as 'title: …'") {
        case .refused(let problem): diagnostics.append(problem); return
        case .mapping(nil): return
        case .mapping(let read?): mapping = read
        }
        for (key, value) in mapping {
            let name = key.string ?? ""
            switch name {
            case "title": title = text(value, key: name, positions: positions)
            case "summary": summary = text(value, key: name, positions: positions)
            case "book": book = BookMap.read(value, positions: positions, diagnostics: &diagnostics)
            default:
                diagnostics.append(.warning(
                    "unknown front matter key '\(name)'", at: positions.location(key.mark),
                    hint: "known keys: \(Self.knownKeys.sorted().joined(separator: ", "))",
                    length: max(1, name.utf8.count)))
            }
        }
    }

    private mutating func text(_ node: Node, key: String, positions: YAMLPositions) -> String? {
        guard case .scalar(let scalar) = node, node.null == nil else {
            diagnostics.append(.error("'\(key)' must be text", at: positions.location(node.mark)))
            return nil
        }
        let value = scalar.string.chapterTrimmed
        if value.isEmpty {
            diagnostics.append(.error("'\(key)' is empty", at: positions.location(node.mark)))
            return nil
        }
        return value
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and newlines.
    var chapterTrimmed: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
