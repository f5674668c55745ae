/// Reading one chapter: front matter → math protection → cmark → model (the
/// placeholders of the protected text resolved into math and reference
/// nodes). Each step keeps line numbers intact, and the resolver moves columns
/// back, so every location in the result is a location in the original file.
extension Chapter {
    /// Parses chapter text. `path` is used as given for `Chapter.path` and
    /// in every location; the slug is its file name without `.md`.
    /// Never fails: problems become `diagnostics`.
    public static func parse(source original: String, path: String) -> Chapter {
        let source = LineEndings.normalized(original)
        let slug = slug(forPath: path)
        let front = FrontMatter.split(source, file: path)
        let protected = MathProtector.protect(front.markdown, file: path)
        let document = CmarkParser.parse(protected.text)
        var builder = ChapterBuilder(
            file: path, lines: protected.text.split(separator: "\n", omittingEmptySubsequences: false),
            resolver: PlaceholderResolver(math: protected.math, references: protected.references, map: protected.map))
        let controls = ControlCharacters.warnings(in: source, file: path)
        builder.controlWarnings = controls
        for var block in document.blocks {
            if case let .code(info, literal) = block.kind {
                block.kind = .code(info: builder.resolver.restored(info), literal: builder.resolver.restored(literal))
            }
            builder.add(block)
        }
        let math = builder.resolver.usedMath.map { protected.math[$0] }
        let references = builder.resolver.usedReferences.map { protected.references[$0] }

        var diagnostics = front.diagnostics + protected.diagnostics + builder.diagnostics + controls
        for html in document.rawHTML {
            diagnostics.append(.warning(
                "raw HTML is not allowed and was left out",
                at: SourceLocation(file: path, line: html.line, column: html.column),
                hint: "write it in Markdown, or use a run cell"))
        }
        if let deep = document.tooDeep {
            diagnostics.append(.warning(
                "Markdown is nested more than \(CmarkParser.maximumNesting) levels deep here; what is inside is shown as plain text",
                at: SourceLocation(file: path, line: max(deep.line, 1), column: max(deep.column, 1)),
                hint: "nest fewer block quotes, lists, emphasis or links"))
        }
        for cell in document.nestedRunCells {
            diagnostics.append(.warning(
                "run cell inside a list or block quote is shown as code and not run",
                at: SourceLocation(file: path, line: cell.line, column: cell.column),
                hint: "move the ```run fence to the start of a line, outside the list or quote"))
        }
        let title: String
        if let given = front.title {
            title = given
        } else {
            title = fallbackTitle(slug: slug)
            // A broken front matter was already reported; don't pile on.
            if !front.diagnostics.contains(where: { $0.severity == .error }) {
                diagnostics.append(.error(
                    "chapter has no title", at: SourceLocation(file: path, line: 1, column: 1),
                    hint: "start the file with front matter:\n---\ntitle: \(title)\n---"))
            }
        }
        let headingIDs = Set(builder.blocks.compactMap { if case .heading(let h) = $0 { h.id } else { nil } })
        let labels = Set(builder.blocks.compactMap { if case .cell(let c) = $0 { c.labelText } else { nil } })
        diagnostics += front.book.check(headings: headingIDs, labels: labels)
        diagnostics.sort { $0.location < $1.location }
        var chapter = Chapter(
            path: path, slug: slug, title: title, summary: front.summary, blocks: builder.blocks,
            math: math, references: references, diagnostics: diagnostics, source: source)
        chapter.book = front.book
        return chapter
    }

    /// `chapters/01-loss.md` → `01-loss`.
    static func slug(forPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// `01-mean_loss` → `Mean loss`: the file name without its number.
    static func fallbackTitle(slug: String) -> String {
        let words = slug.drop { $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
            .map { $0 == "-" || $0 == "_" ? " " : $0 }
        guard let first = words.first else { return slug }
        return first.uppercased() + String(words.dropFirst())
    }
}

/// Turns cmark blocks into `ChapterBlock`s, collecting diagnostics.
private struct ChapterBuilder {
    let file: String
    /// Lines of the text cmark parsed (same numbering as the file).
    let lines: [Substring]
    /// Turns placeholders into math and reference nodes.
    var resolver: PlaceholderResolver
    var blocks: [ChapterBlock] = []
    var diagnostics: [Diagnostic] = []
    var ids = HeadingIDs()
    /// The chapter's control-character warnings; each cell takes those on its lines.
    var controlWarnings: [Diagnostic] = []

    init(file: String, lines: [Substring], resolver: PlaceholderResolver) {
        self.file = file
        self.lines = lines
        self.resolver = resolver
    }

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    mutating func add(_ block: CmarkParser.Block) {
        let at = location(block.line, block.column)
        switch block.kind {
        case let .heading(level, content):
            let inlines = resolver.resolve(content)
            let plain = MarkupInline.plainText(inlines)
            blocks.append(.heading(Heading(level: level, text: plain, id: ids.id(for: plain), content: inlines, location: at)))
        case let .prose(block):
            blocks.append(.prose(resolver.resolve(block), location: at))
        case let .code(info, literal):
            let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.count >= 2, words[0] == "swift", words[1] == "run" {
                let cell = RunCell.swiftCell(body: literal, fence: at, bodyLocation: location(block.line + 1, leadingSpaces(block.line) + 1))
                diagnostics += cell.diagnostics
                blocks.append(.cell(cell.taking(controlWarnings)))
            } else if words.first == "run" {
                let cell = cell(words: words, body: literal, line: block.line, at: at)
                diagnostics += cell.diagnostics
                blocks.append(.cell(cell.taking(controlWarnings)))
            } else {
                blocks.append(.code(language: words.first.map(String.init) ?? "", code: literal, location: at))
            }
        }
    }

    private func leadingSpaces(_ line: Int) -> Int {
        guard line >= 1, line <= lines.count else { return 0 }
        return lines[line - 1].utf8.prefix { $0 == 32 }.count
    }

    /// The cell of a ```run fence, with the problems of its fence line and YAML body.
    private func cell(words: [Substring], body: String, line: Int, at: SourceLocation) -> RunCell {
        var diagnostics: [Diagnostic] = []
        let indent = leadingSpaces(line)
        var directive = ""
        var directiveLocation = at
        if words.count >= 2 {
            directive = String(words[1])
            directiveLocation = location(line, nameColumn(line: line, indent: indent))
            if words.count > 2 {
                diagnostics.append(.warning(
                    "unexpected text after directive name '\(directive)'", at: directiveLocation,
                    hint: "parameters go in the cell body as 'key: value' lines",
                    length: directive.utf8.count))
            }
        } else {
            diagnostics.append(.error(
                "run cell has no directive name", at: at,
                hint: "write the directive after 'run', e.g. ```run train"))
        }
        let bodyLine = line + 1
        let offsets = (0..<max(1, body.split(separator: "\n", omittingEmptySubsequences: false).count)).map {
            min(indent, leadingSpaces(bodyLine + $0))
        }
        var reader = ParameterReader(positions: YAMLPositions(
            yaml: body, file: file, firstLine: bodyLine, columnOffsets: offsets))
        let parameters = reader.read(body)
        diagnostics += reader.diagnostics
        return RunCell(
            directive: directive, directiveLocation: directiveLocation, location: at, body: body,
            parameters: parameters, bodyLocation: location(bodyLine, indent + 1),
            pairsBeforeError: reader.pairsBeforeError, stoppedAt: reader.stoppedAt, diagnostics: diagnostics)
    }

    /// Column of NAME in "```run NAME" on the fence line.
    private func nameColumn(line: Int, indent: Int) -> Int {
        guard line >= 1, line <= lines.count else { return indent + 1 }
        let bytes = Array(lines[line - 1].utf8)
        var i = indent
        let fence = i < bytes.count ? bytes[i] : 0
        while i < bytes.count, bytes[i] == fence { i += 1 }
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
        i += 3  // "run"
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
        return i + 1
    }
}
