/// Finishes the tree cmark made of the protected text (`MathProtector`): each
/// math or reference placeholder in a text node becomes a `.math` or
/// `.reference` node of its own, the line fillers of multi-line math go (with
/// the soft break before each), and every range is moved back from the
/// protected text to the chapter file (`SourceMap`). After this no placeholder
/// character is left in the tree.
///
/// A placeholder that cmark put where no math can be — a link's destination
/// or title, an autolink, code (a line the first parse read as prose in a
/// list that the math cut out, so that it became indented code) — gets its
/// source text back (`$5$`, `@user`) and is neither math nor a reference:
/// `used` lists only those that became nodes.
struct PlaceholderResolver {
    let math: [MathSpan]
    let references: [CrossReference]
    let map: SourceMap
    /// Indices into `math` / `references` that became nodes, in document order.
    private(set) var usedMath: [Int] = []
    private(set) var usedReferences: [Int] = []

    init(math: [MathSpan], references: [CrossReference], map: SourceMap) {
        self.math = math
        self.references = references
        self.map = map
    }

    mutating func resolve(_ block: MarkupBlock) -> MarkupBlock {
        let kind: MarkupBlock.Kind
        switch block.kind {
        case .paragraph(let inlines): kind = .paragraph(resolve(inlines))
        case let .heading(level, inlines): kind = .heading(level: level, resolve(inlines))
        case .blockQuote(let blocks): kind = .blockQuote(blocks.map { resolve($0) })
        case .list(var list):
            for i in list.items.indices {
                list.items[i].blocks = list.items[i].blocks.map { resolve($0) }
                list.items[i].range = map.original(list.items[i].range)
            }
            kind = .list(list)
        case let .codeBlock(info, literal): kind = .codeBlock(info: restored(info), literal: restored(literal))
        case .thematicBreak, .rawHTML: kind = block.kind
        }
        return MarkupBlock(kind, range: map.original(block.range))
    }

    mutating func resolve(_ inlines: [MarkupInline]) -> [MarkupInline] {
        var out: [MarkupInline] = []
        for (i, inline) in inlines.enumerated() {
            let range = map.original(inline.range)
            switch inline.kind {
            case .text(let text):
                out += split(text, range: range)
            case .softBreak:
                // The line break inside a multi-line math span: the next line starts with a filler.
                if i + 1 < inlines.count, case .text(let next) = inlines[i + 1].kind,
                   next.unicodeScalars.first == MathPlaceholder.lineFiller { continue }
                out.append(MarkupInline(.softBreak, range: range))
            case .emphasis(let children): out.append(MarkupInline(.emphasis(resolve(children)), range: range))
            case .strong(let children): out.append(MarkupInline(.strong(resolve(children)), range: range))
            case let .link(destination, title, children):
                let url = restored(destination)
                if children.count == 1, case .text(let text) = children[0].kind,
                   url == restored(text) || url == "mailto:" + restored(text) {
                    // An autolink (`<https://x.org/@me>`): its text is its address.
                    let child = MarkupInline(.text(restored(text)), range: map.original(children[0].range))
                    out.append(MarkupInline(.link(destination: url, title: title.map(restored), [child]), range: range))
                } else {
                    out.append(MarkupInline(.link(destination: url, title: title.map(restored), resolve(children)), range: range))
                }
            case let .image(source, title, children):
                out.append(MarkupInline(.image(source: restored(source), title: title.map(restored), resolve(children)), range: range))
            case .code(let code):
                out.append(MarkupInline(.code(restored(code)), range: range))
            case .hardBreak, .rawHTML, .math, .reference:
                out.append(MarkupInline(inline.kind, range: range))
            }
        }
        return out
    }

    /// Text with placeholders → text, math and reference nodes (fillers removed).
    private mutating func split(_ text: String, range: SourceRange) -> [MarkupInline] {
        guard text.unicodeScalars.contains(where: Self.isPrivate) else { return [MarkupInline(.text(text), range: range)] }
        var out: [MarkupInline] = []
        var pending = String.UnicodeScalarView()
        var pendingStart = (line: range.startLine, column: range.startColumn)
        func flush(before end: (line: Int, column: Int)) {
            if !pending.isEmpty {
                out.append(MarkupInline(.text(String(pending)), range: SourceRange(
                    startLine: pendingStart.line, startColumn: pendingStart.column,
                    endLine: end.line, endColumn: max(end.column - 1, 0))))
            }
            pending = String.UnicodeScalarView()
        }
        for piece in Self.pieces(of: text) {
            switch piece {
            case .text(let scalars):
                pending += scalars.filter { $0 != MathPlaceholder.lineFiller }
            case .math(let index) where index < math.count:
                let span = math[index], nodeRange = Self.range(of: span.source, at: span.location)
                flush(before: (nodeRange.startLine, nodeRange.startColumn))
                out.append(MarkupInline(.math(span), range: nodeRange))
                usedMath.append(index)
                pendingStart = (nodeRange.endLine, nodeRange.endColumn + 1)
            case .reference(let index) where index < references.count:
                let reference = references[index], nodeRange = Self.range(of: "@" + reference.label, at: reference.location)
                flush(before: (nodeRange.startLine, nodeRange.startColumn))
                out.append(MarkupInline(.reference(reference), range: nodeRange))
                usedReferences.append(index)
                pendingStart = (nodeRange.endLine, nodeRange.endColumn + 1)
            case .math, .reference:
                break
            }
        }
        flush(before: (range.endLine, range.endColumn + 1))
        return out
    }

    /// The text with each placeholder put back as it was written.
    func restored(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: Self.isPrivate) else { return text }
        var out = ""
        for piece in Self.pieces(of: text) {
            switch piece {
            case .text(let scalars): out.unicodeScalars += scalars.filter { $0 != MathPlaceholder.lineFiller }
            case .math(let index): if index < math.count { out += math[index].source }
            case .reference(let index): if index < references.count { out += "@" + references[index].label }
            }
        }
        return out
    }

    private enum Piece {
        case text(String.UnicodeScalarView.SubSequence)
        case math(Int)
        case reference(Int)
    }

    /// `open` + decimal index + `close` of either placeholder; anything else is text.
    private static func pieces(of text: String) -> [Piece] {
        let scalars = text.unicodeScalars
        var pieces: [Piece] = []
        var textStart = scalars.startIndex, i = scalars.startIndex
        while i < scalars.endIndex {
            let scalar = scalars[i]
            let close: Unicode.Scalar? = scalar == MathPlaceholder.open ? MathPlaceholder.close
                : scalar == ReferencePlaceholder.open ? ReferencePlaceholder.close : nil
            guard let close else { i = scalars.index(after: i); continue }
            let digitsStart = scalars.index(after: i)
            let digits = scalars[digitsStart...].prefix { ("0"..."9").contains($0) }
            guard !digits.isEmpty, digits.endIndex < scalars.endIndex, scalars[digits.endIndex] == close,
                  let index = Int(String(String.UnicodeScalarView(digits))) else {
                i = digitsStart
                continue
            }
            if textStart < i { pieces.append(.text(scalars[textStart..<i])) }
            pieces.append(close == MathPlaceholder.close ? .math(index) : .reference(index))
            i = scalars.index(after: digits.endIndex)
            textStart = i
        }
        if textStart < scalars.endIndex { pieces.append(.text(scalars[textStart...])) }
        return pieces
    }

    private static func isPrivate(_ scalar: Unicode.Scalar) -> Bool { (0xE000...0xE004).contains(scalar.value) }

    /// From `location` to the last byte of `source` written there.
    private static func range(of source: String, at location: SourceLocation) -> SourceRange {
        let lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let endLine = location.line + lines.count - 1
        let endColumn = lines.count == 1 ? location.column + source.utf8.count - 1 : max(lines.last?.count ?? 0, 1)
        return SourceRange(startLine: location.line, startColumn: location.column, endLine: endLine, endColumn: endColumn)
    }
}
