/// Swift: keywords, types (capitalized names), strings with `\( … )`
/// interpolation, multi-line `"""` and raw `#"…"#` strings, nested block
/// comments, doc comments, attributes (`@Test`), `#` directives and macros,
/// and numbers (`1e-4`, `0x1F`, `1_000`).
enum SwiftTokenizer {
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "as", "await", "false", "is", "nil", "self", "Self", "super",
        "throws", "true", "try", "async", "actor", "nonisolated", "some", "any", "mutating", "nonmutating",
        "lazy", "weak", "unowned", "override", "final", "required", "convenience", "indirect", "macro",
        "package", "consuming", "borrowing", "sending", "get", "set", "willSet", "didSet",
    ]

    /// `#if` and friends are compiler directives; other `#name`s are macros.
    static let directives: Set<String> = [
        "if", "elseif", "else", "endif", "available", "unavailable", "selector", "keyPath", "sourceLocation", "warning", "error",
    ]

    /// Interpolations nested deeper than this are shown as plain text, not
    /// highlighted: each level re-reads the text inside it, so without a bound
    /// `"\("\("\(…` (50 000 deep) took minutes and then overflowed the stack.
    static let maximumInterpolationDepth = 8

    static func highlight(_ code: String) -> String { highlight(code, depth: 0) }

    private static func highlight(_ code: String, depth: Int) -> String {
        var t = Tokenizer(chars: Array(code), depth: depth)
        t.run()
        return t.out.html
    }

    private struct Tokenizer {
        let chars: [Character]
        let depth: Int
        var i = 0
        var out = HighlightWriter()

        func at(_ k: Int) -> Character? { k < chars.count ? chars[k] : nil }

        func starts(_ s: String, at k: Int) -> Bool {
            var k = k
            for c in s {
                guard at(k) == c else { return false }
                k += 1
            }
            return true
        }

        mutating func run() {
            while i < chars.count {
                let c = chars[i], start = i
                if starts("//", at: i) {
                    while i < chars.count, !chars[i].isNewline { i += 1 }
                    out.token(.comment, chars[start..<i])
                } else if starts("/*", at: i) {
                    blockComment()
                } else if c == "\"" {
                    string(hashes: 0)
                } else if c == "#" {
                    var hashes = 0
                    while at(i + hashes) == "#" { hashes += 1 }
                    if at(i + hashes) == "\"" {
                        string(hashes: hashes)
                    } else if at(i + 1)?.isIdentifierHead == true {
                        i += 1
                        while at(i)?.isIdentifierBody == true { i += 1 }
                        let name = String(chars[(start + 1)..<i])
                        out.token(Self.isDirective(name) ? .keyword : .attr, chars[start..<i])
                    } else {
                        i += 1
                        out.plain(String(c))
                    }
                } else if c == "@", at(i + 1)?.isIdentifierHead == true {
                    i += 1
                    while at(i)?.isIdentifierBody == true { i += 1 }
                    out.token(.attr, chars[start..<i])
                } else if c == "$" {
                    // `$0`, `$value`: closure parameters and projected values are names.
                    i += 1
                    while at(i)?.isIdentifierBody == true { i += 1 }
                    out.plain(chars[start..<i])
                } else if c.isASCIIDigit {
                    i = NumberScanner.end(in: chars, from: i, imaginary: false)
                    out.token(.number, chars[start..<i])
                } else if c.isIdentifierHead {
                    while at(i)?.isIdentifierBody == true { i += 1 }
                    let word = String(chars[start..<i])
                    if SwiftTokenizer.keywords.contains(word) {
                        out.token(.keyword, word)
                    } else if word.first?.isUppercase == true {
                        out.token(.type, word)
                    } else {
                        out.plain(word)
                    }
                } else if c == "`" {
                    // A backticked name is a plain identifier, even if it is a keyword.
                    i += 1
                    while let d = at(i), d != "`", !d.isNewline { i += 1 }
                    if at(i) == "`" { i += 1 }
                    out.plain(chars[start..<i])
                } else {
                    i += 1
                    out.plain(String(c))
                }
            }
        }

        static func isDirective(_ name: String) -> Bool { SwiftTokenizer.directives.contains(name) }

        /// `/* … */`, nesting as Swift does: `/* a /* b */ c */` is one comment.
        mutating func blockComment() {
            let start = i
            var depth = 0
            while i < chars.count {
                if starts("/*", at: i) {
                    depth += 1
                    i += 2
                } else if starts("*/", at: i) {
                    depth -= 1
                    i += 2
                    if depth == 0 { break }
                } else {
                    i += 1
                }
            }
            out.token(.comment, chars[start..<i])
        }

        /// A string starting at `i` (at its `#`s, if raw). Interpolations
        /// `\( … )` are highlighted as code; the parenthesis is found by
        /// counting, skipping simple nested strings.
        mutating func string(hashes: Int) {
            let pounds = String(repeating: "#", count: hashes)
            let multiline = starts("\"\"\"", at: i + hashes)
            let closing = (multiline ? "\"\"\"" : "\"") + pounds
            var segment = i
            i += hashes + (multiline ? 3 : 1)
            while i < chars.count {
                let c = chars[i]
                if !multiline && c.isNewline { break } // unterminated: stop at the line end
                if c == "\\" && starts(pounds, at: i + 1) {
                    let after = i + 1 + hashes
                    if at(after) == "(" {
                        out.token(.string, chars[segment..<i])
                        out.token(.punct, chars[i...after])
                        i = after + 1
                        let inner = i
                        var depth = 1
                        while i < chars.count {
                            if chars[i] == "(" { depth += 1 }
                            if chars[i] == ")" { depth -= 1; if depth == 0 { break } }
                            if chars[i] == "\"" {
                                i += 1
                                while let d = at(i), d != "\"", !d.isNewline { i += d == "\\" ? 2 : 1 }
                            }
                            i += 1
                        }
                        i = min(i, chars.count)
                        if depth < SwiftTokenizer.maximumInterpolationDepth {
                            out.raw(SwiftTokenizer.highlight(String(chars[inner..<i]), depth: depth + 1))
                        } else {
                            out.plain(chars[inner..<i])
                        }
                        if i < chars.count {
                            out.token(.punct, ")")
                            i += 1
                        }
                        segment = i
                        continue
                    }
                    i = min(after + 1, chars.count)
                    continue
                }
                if starts(closing, at: i) {
                    i += closing.count
                    break
                }
                i += 1
            }
            out.token(.string, chars[segment..<i])
        }
    }
}
