/// A text with named holes: `"Figure {n}"`. Filling puts values in the holes;
/// matching does the reverse, finding the values in a text the template made,
/// so words a cell drew in one language can be put in another at render time.
public struct TextTemplate: Sendable, Equatable {
    enum Piece: Sendable, Equatable {
        case literal(String)
        case hole(String)
    }

    let pieces: [Piece]

    public init(_ text: String) {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}"),
                  case let name = rest[rest.index(after: open)..<close],
                  !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) else {
                literal += rest[...open]
                rest = rest[rest.index(after: open)...]
                continue
            }
            literal += rest[..<open]
            if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
            pieces.append(.hole(String(name)))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    /// The names of the holes, in order of appearance.
    public var holes: [String] {
        pieces.compactMap { if case .hole(let name) = $0 { return name } else { return nil } }
    }

    /// The number of literal characters: longer templates are tried first when matching.
    var literalLength: Int {
        pieces.reduce(0) { if case .literal(let s) = $1 { return $0 + s.count } else { return $0 } }
    }

    /// The text with every hole replaced by its value; a hole without a value stays as written.
    public func fill(_ values: [String: String]) -> String {
        pieces.map { piece in
            switch piece {
            case .literal(let text): return text
            case .hole(let name): return values[name] ?? "{\(name)}"
            }
        }.joined()
    }

    /// The text with its literal parts passed through `escape` and the holes
    /// filled with `values` as they are: for markup such as a link in a sentence.
    public func fill(escaping escape: (String) -> String, _ values: [String: String]) -> String {
        pieces.map { piece in
            switch piece {
            case .literal(let text): return escape(text)
            case .hole(let name): return values[name] ?? escape("{\(name)}")
            }
        }.joined()
    }

    /// The values of the holes if `text` is exactly what this template makes
    /// (each hole matching at least one character, the shortest that fits).
    public func match(_ text: String) -> [String: String]? {
        // Every literal piece must be in the text: most texts of a figure (tick
        // labels, numbers) are rejected here without trying any split.
        for case .literal(let literal) in pieces where !text.contains(literal) { return nil }
        var values: [String: String] = [:]
        return match(pieces[...], Substring(text), &values) ? values : nil
    }

    private func match(_ pieces: ArraySlice<Piece>, _ text: Substring, _ values: inout [String: String]) -> Bool {
        guard let first = pieces.first else { return text.isEmpty }
        switch first {
        case .literal(let literal):
            guard text.hasPrefix(literal) else { return false }
            return match(pieces.dropFirst(), text.dropFirst(literal.count), &values)
        case .hole(let name):
            var end = text.startIndex
            while end < text.endIndex {
                end = text.index(after: end)
                if let known = values[name], known != String(text[..<end]) { continue }
                var attempt = values
                attempt[name] = String(text[..<end])
                if match(pieces.dropFirst(), text[end...], &attempt) {
                    values = attempt
                    return true
                }
            }
            return false
        }
    }
}
