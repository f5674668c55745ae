/// The token classes, named after the CSS classes they become.
enum TokenClass: String, Sendable {
    case keyword, type, string, number, comment, key, attr, punct
}

/// Accumulates highlighted HTML. Every span is closed before a line break
/// and reopened after it, so a caller that numbers lines can split on "\n".
struct HighlightWriter {
    private(set) var html = ""

    mutating func plain<S: Sequence<Character>>(_ text: S) {
        html += HTML.escape(String(text))
    }

    mutating func token<S: Sequence<Character>>(_ kind: TokenClass, _ text: S) {
        var line = ""
        for c in text {
            if c.isNewline {
                span(kind, line)
                html.append(c)
                line = ""
            } else {
                line.append(c)
            }
        }
        span(kind, line)
    }

    /// Already-highlighted HTML, e.g. the code inside a string interpolation.
    mutating func raw(_ html: String) {
        self.html += html
    }

    private mutating func span(_ kind: TokenClass, _ text: String) {
        guard !text.isEmpty else { return }
        html += "<span class=\"tok-\(kind.rawValue)\">" + HTML.escape(text) + "</span>"
    }
}

extension Character {
    /// Identifier characters shared by Swift and Python.
    var isIdentifierHead: Bool { isLetter || self == "_" }
    var isIdentifierBody: Bool { isLetter || isNumber || self == "_" }
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isHexDigit: Bool { isASCIIDigit || ("a"..."f").contains(self) || ("A"..."F").contains(self) }
}

/// Numbers shared by Swift and Python: `10`, `1_000`, `1e-4`, `.5`
/// (Python), `0x1F`, `0b1010`, `0o17`, `0x1p-3`, `3j` (Python).
enum NumberScanner {
    static func end(in chars: [Character], from start: Int, imaginary: Bool) -> Int {
        var i = start
        func at(_ k: Int) -> Character? { k < chars.count ? chars[k] : nil }
        if at(i) == "0", let radix = at(i + 1), "xXbBoO".contains(radix) {
            i += 2
            let hex = "xX".contains(radix)
            while let c = at(i), c.isHexDigit && (hex || c.isASCIIDigit) || c == "_" { i += 1 }
            if hex, at(i) == ".", at(i + 1)?.isHexDigit == true {
                i += 1
                while let c = at(i), c.isHexDigit || c == "_" { i += 1 }
            }
            if hex, let p = at(i), p == "p" || p == "P" { i = exponent(chars, i) }
            return i
        }
        while let c = at(i), c.isASCIIDigit || c == "_" { i += 1 }
        if at(i) == ".", at(i + 1)?.isASCIIDigit == true {
            i += 1
            while let c = at(i), c.isASCIIDigit || c == "_" { i += 1 }
        }
        if let e = at(i), e == "e" || e == "E" { i = exponent(chars, i) }
        if imaginary, let j = at(i), j == "j" || j == "J" { i += 1 }
        return i
    }

    /// `e-4` / `p+3` if digits follow, else the number ends before the letter.
    private static func exponent(_ chars: [Character], _ i: Int) -> Int {
        var k = i + 1
        if k < chars.count, chars[k] == "+" || chars[k] == "-" { k += 1 }
        guard k < chars.count, chars[k].isASCIIDigit else { return i }
        while k < chars.count, chars[k].isASCIIDigit || chars[k] == "_" { k += 1 }
        return k
    }
}
