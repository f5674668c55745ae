/// Python, as the book's listings use it: keywords, built-in types and
/// capitalized class names, strings with prefixes (`r`, `b`, `f`, …),
/// triple-quoted strings, f-string `{…}` fields, comments, decorators and
/// numbers (`1e-4`, `.5`, `0x1F`, `1_000`, `3j`).
enum PythonTokenizer {
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
        "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    static let builtinTypes: Set<String> = [
        "int", "float", "complex", "str", "bytes", "bool", "list", "dict", "tuple", "set", "frozenset",
        "object", "type", "range",
    ]

    static let stringPrefixes: Set<String> = [
        "r", "u", "b", "f", "br", "rb", "fr", "rf",
    ]

    static func highlight(_ code: String) -> String {
        var t = Tokenizer(chars: Array(code))
        t.run()
        return t.out.html
    }

    private struct Tokenizer {
        let chars: [Character]
        var i = 0
        var out = HighlightWriter()
        /// True until something other than spaces is seen on the line, so a
        /// decorator `@` is told apart from the matrix-multiply operator.
        var atLineStart = true

        func at(_ k: Int) -> Character? { k < chars.count ? chars[k] : nil }

        mutating func run() {
            while i < chars.count {
                let c = chars[i], start = i
                if c.isNewline {
                    atLineStart = true
                    i += 1
                    out.plain(String(c))
                    continue
                }
                defer { if !c.isWhitespace { atLineStart = false } }
                if c == "#" {
                    while i < chars.count, !chars[i].isNewline { i += 1 }
                    out.token(.comment, chars[start..<i])
                } else if c == "\"" || c == "'" {
                    string(prefixStart: i, formatted: false)
                } else if c == "@", atLineStart, at(i + 1)?.isIdentifierHead == true {
                    i += 1
                    while let d = at(i), d.isIdentifierBody || d == "." { i += 1 }
                    out.token(.attr, chars[start..<i])
                } else if c.isASCIIDigit || (c == "." && at(i + 1)?.isASCIIDigit == true) {
                    i = NumberScanner.end(in: chars, from: i, imaginary: true)
                    out.token(.number, chars[start..<i])
                } else if c.isIdentifierHead {
                    while at(i)?.isIdentifierBody == true { i += 1 }
                    let word = String(chars[start..<i])
                    if let q = at(i), q == "\"" || q == "'", PythonTokenizer.stringPrefixes.contains(word.lowercased()) {
                        i = start
                        string(prefixStart: start, formatted: word.lowercased().contains("f"))
                    } else if PythonTokenizer.keywords.contains(word) {
                        out.token(.keyword, word)
                    } else if PythonTokenizer.builtinTypes.contains(word) || word.first?.isUppercase == true {
                        out.token(.type, word)
                    } else {
                        out.plain(word)
                    }
                } else {
                    i += 1
                    out.plain(String(c))
                }
            }
        }

        /// A string literal starting at its prefix. In f-strings, `{…}`
        /// fields are highlighted as code; `{{` and `}}` stay text.
        mutating func string(prefixStart: Int, formatted: Bool) {
            while let c = at(i), c != "\"" && c != "'" { i += 1 }
            let quote = chars[i]
            let triple = at(i + 1) == quote && at(i + 2) == quote
            let raw = chars[prefixStart..<i].contains { $0 == "r" || $0 == "R" }
            var segment = prefixStart
            i += triple ? 3 : 1
            while i < chars.count {
                let c = chars[i]
                if c == "\\" && !raw || c == "\\" && at(i + 1) == quote {
                    i += 2
                    continue
                }
                if !triple && c.isNewline { break }
                if c == quote && (!triple || (at(i + 1) == quote && at(i + 2) == quote)) {
                    i += triple ? 3 : 1
                    break
                }
                if formatted && c == "{" {
                    if at(i + 1) == "{" { i += 2; continue }
                    out.token(.string, chars[segment..<i])
                    out.token(.punct, "{")
                    i += 1
                    let inner = i
                    var depth = 1, spec: Int?
                    while let d = at(i) {
                        if d == "{" { depth += 1 }
                        if d == "}" { depth -= 1; if depth == 0 { break } }
                        if d == quote || (!triple && d.isNewline) { break }
                        // `{loss:.3f}`: after a top-level `:` comes a format spec, not code.
                        if d == ":" && depth == 1 && spec == nil && at(i + 1) != "=" { spec = i }
                        i += 1
                    }
                    out.raw(PythonTokenizer.highlight(String(chars[inner..<(spec ?? i)])))
                    if let spec { out.token(.string, chars[spec..<i]) }
                    if at(i) == "}" {
                        out.token(.punct, "}")
                        i += 1
                    }
                    segment = i
                    continue
                }
                i += 1
            }
            i = min(i, chars.count)
            out.token(.string, chars[segment..<i])
        }
    }
}
