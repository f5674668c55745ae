import Foundation

/// Shows the Swift source of a DeepLearning function or type, read from
/// `<sourceRoot>/Sources/DeepLearning/*.swift` when the cell runs — the workbook
/// folder's own library when it has one (``LibrarySources``), else the tool's
/// checkout — so the page shows the code as it is now.
///
/// Caching: the text of every library source file enters the cache key
/// (``inputs(_:context:)``), so an edited `Sources/DeepLearning` file shows at once.
enum SourceDirective: DirectiveDefinition {
    static let name = "source"
    static let summary = "the Swift source of a function or type of the DeepLearning library, with its doc comment"
    static let example = """
        symbol: numericalGradient
        caption: The numerical gradient in Swift
        """

    struct Parameters: DirectiveParameters {
        @Parameter(.text, doc: "a function or type: numericalGradient, gradientDescent, TwoLayerNet.gradient, TwoLayerNet …")
        var symbol: String
    }

    static func inputs(_ p: Parameters, context: RunContext) -> String {
        SwiftDeclarationScanner.libraryFingerprint(root: context.sourceRoot)
    }

    /// Reading and scanning the library's few thousand lines.
    static func estimate(_ p: Parameters, common: CommonParameters) -> Double { 0.5 }

    static func run(_ p: Parameters, context: RunContext) throws -> [CellOutput] {
        let symbol = p.symbol.trimmingCharacters(in: .whitespaces)
        let declarations = try SwiftDeclarationScanner.scanLibrary(root: context.sourceRoot, reportingAt: p.$symbol)
        let found = SwiftDeclarationScanner.find(symbol, in: declarations)
        guard !found.isEmpty else {
            let names = Array(Set(declarations.flatMap(\.qualifiedNames))).sorted()
            let guess = closestMatch(to: symbol, among: names)
            throw CellFailure("no declaration '\(symbol)' in Sources/DeepLearning", at: p.$symbol,
                              hint: guess.map { "did you mean '\($0)'?" } ?? "give a function or type name, e.g. numericalGradient or TwoLayerNet.gradient")
        }
        var outputs: [CellOutput] = found.map { .code(language: "swift", code: $0.code, origin: "\($0.file):\($0.line)") }
        if found.count > 1 {
            outputs.append(.note("'\(symbol)' has \(found.count) declarations (overloads), shown in source order."))
        }
        return outputs
    }
}

/// A declaration found in a Swift file.
struct SwiftDeclaration: Equatable {
    /// `func`, `struct`, `enum`, `class`, `extension`, `protocol`, `actor`, `init`.
    var kind: String
    var name: String
    /// The enclosing type (`TwoLayerNet` for a method in `extension TwoLayerNet`), nil at top level.
    var container: String?
    /// Path relative to the package root, e.g. `Sources/DeepLearning/SimpleNet.swift`.
    var file: String
    /// 1-based line of the first line shown (the doc comment's, if any).
    var line: Int
    /// The doc comment, attributes and declaration up to its closing brace, dedented.
    var code: String

    /// The names a cell may use for it: `name` and `Container.name`.
    var qualifiedNames: [String] {
        guard kind != "extension" else { return [] }
        return container.map { [name, "\($0).\(name)"] } ?? [name]
    }
}

/// Finds declarations by a small scanner that counts braces and parentheses,
/// skipping comments (nested block comments too), string literals (including
/// multi-line and raw strings and interpolations) — enough for the library's
/// own code, not a Swift parser.
enum SwiftDeclarationScanner {
    static let libraryDirectory = LibrarySources.directory

    /// A hash of the library's source files, for the cache key.
    static func libraryFingerprint(root: String) -> String {
        let directory = (root as NSString).appendingPathComponent(libraryDirectory)
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".swift") }.sorted()
        var hash = StableHash()
        for file in files {
            hash.add(file)
            hash.add((try? String(contentsOfFile: (directory as NSString).appendingPathComponent(file), encoding: .utf8)) ?? "")
        }
        return hash.hex
    }

    static func scanLibrary(root: String, reportingAt parameter: ParameterName) throws -> [SwiftDeclaration] {
        let directory = (root as NSString).appendingPathComponent(libraryDirectory)
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw CellFailure("cannot read \(directory)", at: parameter,
                              hint: "the source directive reads Sources/DeepLearning of the workbook folder, or else of the tool's checkout")
        }
        var declarations: [SwiftDeclaration] = []
        for file in files.filter({ $0.hasSuffix(".swift") }).sorted() {
            let path = (directory as NSString).appendingPathComponent(file)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            declarations += scan(text, file: "\(libraryDirectory)/\(file)")
        }
        return declarations
    }

    /// `Type.member` → members of that type; `name` → top-level declarations
    /// called `name`, or else members called `name` of any type.
    static func find(_ symbol: String, in declarations: [SwiftDeclaration]) -> [SwiftDeclaration] {
        let candidates = declarations.filter { $0.kind != "extension" }
        let parts = symbol.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            return candidates.filter { $0.container == parts[0] && $0.name == parts[1] }
        }
        let topLevel = candidates.filter { $0.container == nil && $0.name == symbol }
        return topLevel.isEmpty ? candidates.filter { $0.name == symbol } : topLevel
    }

    /// A declaration keyword seen, waiting for its body's `{`.
    struct Pending { var kind: String; var name: String; var keywordOffset: Int; var parenDepth: Int; var braceDepth: Int }

    private static let keywords: Set<String> = ["func", "struct", "enum", "class", "extension", "protocol", "actor", "init"]
    private static let typeKeywords: Set<String> = ["struct", "enum", "class", "extension", "protocol", "actor"]

    /// Every declaration with a body `{ … }` in `text`.
    static func scan(_ text: String, file: String) -> [SwiftDeclaration] {
        let chars = Array(text.unicodeScalars)
        var lineStarts = [0]
        for (i, c) in chars.enumerated() where c == "\n" { lineStarts.append(i + 1) }
        func lineIndex(_ offset: Int) -> Int {
            var lo = 0, hi = lineStarts.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
            }
            return lo
        }

        struct Open { var declaration: Pending?; var container: String? }
        var declarations: [SwiftDeclaration] = []
        var stack: [Open] = []
        var pending: Pending?
        var parenDepth = 0
        var i = 0

        func isIdentifier(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c) }
        func container() -> String? { stack.last(where: { $0.container != nil })?.container ?? nil }

        while i < chars.count {
            let c = chars[i]
            if c == "/" && i + 1 < chars.count && chars[i + 1] == "/" {
                while i < chars.count && chars[i] != "\n" { i += 1 }
                continue
            }
            if c == "/" && i + 1 < chars.count && chars[i + 1] == "*" {
                i = skipBlockComment(chars, from: i)
                continue
            }
            if c == "\"" || (c == "#" && nextNonHash(chars, from: i) == "\"") {
                i = skipString(chars, from: i)
                continue
            }
            if c == "(" || c == "[" { parenDepth += 1; i += 1; continue }
            if c == ")" || c == "]" { parenDepth = max(0, parenDepth - 1); i += 1; continue }
            if c == "{" {
                if let p = pending, p.parenDepth == parenDepth {
                    stack.append(Open(declaration: p, container: typeKeywords.contains(p.kind) ? p.name : nil))
                    pending = nil
                } else {
                    stack.append(Open(declaration: nil, container: nil))
                }
                i += 1
                continue
            }
            if c == "}" {
                if let open = stack.popLast(), let p = open.declaration {
                    let enclosing = container()
                    declarations.append(declaration(p, end: i, container: enclosing, chars: chars, lineStarts: lineStarts,
                                                    lineIndex: lineIndex, file: file))
                }
                i += 1
                continue
            }
            if isIdentifier(c) && (i == 0 || !isIdentifier(chars[i - 1])) {
                var j = i
                while j < chars.count && isIdentifier(chars[j]) { j += 1 }
                let word = String(String.UnicodeScalarView(chars[i..<j]))
                if keywords.contains(word) && (i == 0 || chars[i - 1] != ".") {
                    if word == "init" {
                        if pending == nil { pending = Pending(kind: "init", name: "init", keywordOffset: i, parenDepth: parenDepth, braceDepth: stack.count) }
                    } else {
                        var k = j
                        while k < chars.count && (chars[k] == " " || chars[k] == "\t") { k += 1 }
                        var e = k
                        while e < chars.count && (isIdentifier(chars[e]) || chars[e] == ".") { e += 1 }
                        if e > k {
                            pending = Pending(kind: word, name: String(String.UnicodeScalarView(chars[k..<e])),
                                              keywordOffset: i, parenDepth: parenDepth, braceDepth: stack.count)
                        }
                    }
                }
                i = j
                continue
            }
            i += 1
        }
        return declarations
    }

    /// The source lines from the doc comment (and attribute lines) above the
    /// keyword down to the closing brace at `end`, dedented.
    private static func declaration(_ p: Pending, end: Int, container: String?, chars: [Unicode.Scalar],
                                    lineStarts: [Int], lineIndex: (Int) -> Int, file: String) -> SwiftDeclaration {
        func line(_ n: Int) -> String {
            let start = lineStarts[n]
            let stop = n + 1 < lineStarts.count ? lineStarts[n + 1] - 1 : chars.count
            return String(String.UnicodeScalarView(chars[start..<max(start, stop)]))
        }
        let keywordLine = lineIndex(p.keywordOffset)
        var first = keywordLine
        while first > 0 {
            let above = line(first - 1).trimmingCharacters(in: .whitespaces)
            guard above.hasPrefix("///") || above.hasPrefix("@") else { break }
            first -= 1
        }
        let last = lineIndex(end)
        let indent = line(keywordLine).prefix { $0 == " " || $0 == "\t" }.count
        let lines = (first...last).map { n -> String in
            let text = line(n)
            let leading = text.prefix { $0 == " " || $0 == "\t" }.count
            return String(text.dropFirst(min(indent, leading)))
        }
        return SwiftDeclaration(kind: p.kind, name: p.name, container: container, file: file, line: first + 1,
                                code: lines.joined(separator: "\n"))
    }

    /// Index after a (possibly nested) `/* … */` comment starting at `i`.
    static func skipBlockComment(_ chars: [Unicode.Scalar], from start: Int) -> Int {
        var depth = 0, i = start
        while i < chars.count {
            if chars[i] == "/" && i + 1 < chars.count && chars[i + 1] == "*" { depth += 1; i += 2; continue }
            if chars[i] == "*" && i + 1 < chars.count && chars[i + 1] == "/" {
                depth -= 1; i += 2
                if depth == 0 { return i }
                continue
            }
            i += 1
        }
        return i
    }

    /// The first character after a run of `#` starting at `i`.
    static func nextNonHash(_ chars: [Unicode.Scalar], from start: Int) -> Unicode.Scalar? {
        var i = start
        while i < chars.count && chars[i] == "#" { i += 1 }
        return i < chars.count ? chars[i] : nil
    }

    /// Index after the string literal starting at `i` (`"…"`, `"""…"""`, `#"…"#`),
    /// skipping interpolations `\(…)` with their own nested strings.
    static func skipString(_ chars: [Unicode.Scalar], from start: Int) -> Int {
        var i = start, hashes = 0
        while i < chars.count && chars[i] == "#" { hashes += 1; i += 1 }
        let multiline = i + 2 < chars.count && chars[i + 1] == "\"" && chars[i + 2] == "\""
        i += multiline ? 3 : 1
        func closes(at j: Int) -> Bool {
            let quotes = multiline ? 3 : 1
            guard j + quotes + hashes <= chars.count else { return false }
            for q in 0..<quotes where chars[j + q] != "\"" { return false }
            for h in 0..<hashes where chars[j + quotes + h] != "#" { return false }
            return true
        }
        while i < chars.count {
            let c = chars[i]
            if c == "\\" {
                var j = i + 1, h = 0
                while h < hashes && j < chars.count && chars[j] == "#" { h += 1; j += 1 }
                if h == hashes && j < chars.count && chars[j] == "(" {
                    i = skipParenthesized(chars, from: j)
                    continue
                }
                i = j + 1
                continue
            }
            if !multiline && c == "\n" { return i }
            if c == "\"" && closes(at: i) { return i + (multiline ? 3 : 1) + hashes }
            i += 1
        }
        return i
    }

    /// Index after the `(…)` starting at `i`, skipping strings and comments inside.
    static func skipParenthesized(_ chars: [Unicode.Scalar], from start: Int) -> Int {
        var depth = 0, i = start
        while i < chars.count {
            let c = chars[i]
            if c == "\"" || (c == "#" && nextNonHash(chars, from: i) == "\"") { i = skipString(chars, from: i); continue }
            if c == "/" && i + 1 < chars.count && chars[i + 1] == "*" { i = skipBlockComment(chars, from: i); continue }
            if c == "(" { depth += 1 }
            if c == ")" {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        return i
    }
}
