/// YAML, as run cells show their parameters: keys, scalars (plain and
/// quoted, as strings), numbers, booleans/null (as keywords), comments,
/// anchors/aliases/tags (as attributes), and the punctuation of lists,
/// mappings and flow collections. Line-oriented, because YAML is.
enum YAMLTokenizer {
    static let keywords: Set<String> = [
        "true", "false", "True", "False", "TRUE", "FALSE", "yes", "no", "Yes", "No", "on", "off",
        "null", "Null", "NULL", "~",
    ]

    static func highlight(_ code: String) -> String {
        var out = HighlightWriter()
        /// Indentation of the line that opened a `|` or `>` block scalar.
        var blockIndent: Int?
        var lineStart = code.startIndex
        while true {
            let lineEnd = code[lineStart...].firstIndex(where: \.isNewline) ?? code.endIndex
            let line = code[lineStart..<lineEnd]
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            let isBlank = line.allSatisfy(\.isWhitespace)
            if let opened = blockIndent, isBlank || indent > opened {
                out.plain(line.prefix(indent))
                out.token(.string, line.dropFirst(indent))
            } else {
                blockIndent = nil
                var tokenizer = LineTokenizer(chars: Array(line))
                tokenizer.run(&out)
                if tokenizer.opensBlockScalar { blockIndent = indent }
            }
            guard lineEnd < code.endIndex else { break }
            out.plain(String(code[lineEnd]))
            lineStart = code.index(after: lineEnd)
        }
        return out.html
    }

    private struct LineTokenizer {
        let chars: [Character]
        var i = 0
        var opensBlockScalar = false

        func at(_ k: Int) -> Character? { k < chars.count ? chars[k] : nil }

        mutating func run(_ out: inout HighlightWriter) {
            spaces(&out)
            // Document markers.
            let text = String(chars)
            if text == "---" || text == "..." || text.hasPrefix("--- ") {
                out.token(.punct, String(chars[i..<min(i + 3, chars.count)]))
                i += 3
            }
            // List item markers, possibly several: `- - x`.
            while at(i) == "-", at(i + 1) == nil || at(i + 1) == " " {
                out.token(.punct, "-")
                i += 1
                spaces(&out)
            }
            if at(i) == "#" { comment(&out); return }
            // `key: value`?
            if let colon = keyColon() {
                out.token(.key, chars[i..<colon])
                out.token(.punct, ":")
                i = colon + 1
                spaces(&out)
            }
            value(&out)
        }

        mutating func spaces(_ out: inout HighlightWriter) {
            let start = i
            while let c = at(i), c == " " || c == "\t" { i += 1 }
            out.plain(chars[start..<i])
        }

        mutating func comment(_ out: inout HighlightWriter) {
            out.token(.comment, chars[i...])
            i = chars.count
        }

        /// The index of the colon ending a key: `: `, or `:` at the line
        /// end, outside quotes and not inside a flow collection.
        func keyColon() -> Int? {
            var k = i
            if let q = at(k), q == "\"" || q == "'" {
                k += 1
                while let c = at(k), c != q { k += 1 }
                k += 1
                return at(k) == ":" && (at(k + 1) == nil || at(k + 1) == " ") ? k : nil
            }
            guard let first = at(k), !"[{&*!|>#%@`".contains(first) else { return nil }
            while let c = at(k) {
                if c == ":" && (at(k + 1) == nil || at(k + 1) == " " || at(k + 1) == "\t") { return k }
                if c == "#" && k > 0 && chars[k - 1] == " " { return nil }
                k += 1
            }
            return nil
        }

        /// The rest of the line after `key: ` or `- `.
        mutating func value(_ out: inout HighlightWriter) {
            // Anchors, aliases and tags come before the value itself.
            while let c = at(i), c == "&" || c == "*" || c == "!" {
                scalar(&out, stops: "")
                spaces(&out)
            }
            guard let c = at(i) else { return }
            switch c {
            case "#":
                comment(&out)
            case "|", ">":
                var k = i + 1
                while let d = at(k), "+-0123456789".contains(d) { k += 1 }
                out.token(.punct, chars[i..<k])
                i = k
                opensBlockScalar = true
                spaces(&out)
                if at(i) == "#" { comment(&out) }
                out.plain(chars[min(i, chars.count)...])
            case "[", "{":
                flow(&out)
            default:
                scalar(&out, stops: "")
                spaces(&out)
                if at(i) == "#" { comment(&out) } else { out.plain(chars[min(i, chars.count)...]) }
            }
            i = chars.count
        }

        /// `[1, 2, {a: b}]`: punctuation, with each item classified.
        mutating func flow(_ out: inout HighlightWriter) {
            while let c = at(i) {
                if "[]{},:".contains(c) {
                    out.token(.punct, String(c))
                    i += 1
                } else if c == " " || c == "\t" {
                    spaces(&out)
                } else if c == "#" && i > 0 && chars[i - 1] == " " {
                    comment(&out)
                } else if let colon = flowKeyEnd() {
                    out.token(.key, chars[i..<colon])
                    i = colon
                } else {
                    let start = i
                    scalar(&out, stops: "[]{},:")
                    if i == start { out.plain(String(c)); i += 1 }
                }
            }
        }

        /// In a flow collection, the end of a key (`{x0: 1}`): a scalar
        /// directly followed by `:` and a space, before any other punctuation.
        func flowKeyEnd() -> Int? {
            var k = i
            if let q = at(k), q == "\"" || q == "'" {
                k += 1
                while let c = at(k), c != q { k += 1 }
                k = min(k + 1, chars.count)  // an unclosed quote ends at the line end, not past it
            } else {
                while let c = at(k), !"[]{},:#".contains(c) { k += 1 }
            }
            var end = k
            while end > i, chars[end - 1] == " " { end -= 1 }
            guard at(k) == ":", at(k + 1) == nil || at(k + 1) == " ", end > i else { return nil }
            return end
        }

        /// One scalar up to a stop character, a ` #` comment or the end.
        mutating func scalar(_ out: inout HighlightWriter, stops: String) {
            let start = i
            guard let c = at(i) else { return }
            if c == "\"" || c == "'" {
                i += 1
                while let d = at(i), d != c {
                    i += (d == "\\" && c == "\"") ? 2 : 1
                }
                i = min(i + 1, chars.count)
                out.token(.string, chars[start..<i])
                return
            }
            if c == "&" || c == "*" || c == "!" {
                while let d = at(i), d != " ", !stops.contains(d) { i += 1 }
                out.token(.attr, chars[start..<i])
                return
            }
            while let d = at(i), !stops.contains(d), !(d == "#" && i > start && chars[i - 1] == " ") {
                if d == ":" && (at(i + 1) == nil || at(i + 1) == " ") && !stops.isEmpty { break }
                i += 1
            }
            var end = i
            while end > start, chars[end - 1] == " " || chars[end - 1] == "\t" { end -= 1 }
            let word = String(chars[start..<end])
            if YAMLTokenizer.keywords.contains(word) {
                out.token(.keyword, word)
            } else if YAMLTokenizer.isNumber(word) {
                out.token(.number, word)
            } else {
                out.token(.string, word)
            }
            i = end
        }
    }

    /// YAML 1.2 core-schema numbers plus `1e-4` and `.5`.
    static func isNumber(_ word: String) -> Bool {
        var s = Substring(word)
        if s.first == "-" || s.first == "+" { s = s.dropFirst() }
        if [".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"].contains(s) { return true }
        guard let first = s.first, first.isASCIIDigit || (first == "." && s.count > 1) else { return false }
        let chars = Array(s)
        return NumberScanner.end(in: chars, from: 0, imaginary: false) == chars.count
    }
}
