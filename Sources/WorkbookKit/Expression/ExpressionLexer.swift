/// Splits expression text into tokens. Hand-written because the grammar is
/// tiny and error columns must be exact.
enum ExpressionLexer {
    static func tokens(in text: String) throws(LanguageError) -> [ExpressionToken] {
        let chars = Array(text)
        var tokens: [ExpressionToken] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            if c.isASCII && c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber) {
                i = scanNumber(chars, from: i)
                // `1.2.3` would otherwise silently become two numbers.
                if i < chars.count, chars[i] == "." || (chars[i].isASCII && chars[i].isNumber) {
                    var end = i
                    while end < chars.count, chars[end] == "." || chars[end].isNumber { end += 1 }
                    throw LanguageError(message: "malformed number '\(String(chars[start..<end]))'",
                                        column: start + 1, length: end - start)
                }
                let spelling = String(chars[start..<i])
                let normalized = spelling.hasPrefix(".") ? "0" + spelling : spelling
                guard let value = Double(normalized) else {
                    throw LanguageError(message: "malformed number '\(spelling)'", column: start + 1, length: i - start)
                }
                tokens.append(.init(kind: .number(value), text: spelling, column: start + 1, length: i - start))
            } else if c.isLetter || c == "_" {
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" { i += 1 }
                let name = String(chars[start..<i])
                tokens.append(.init(kind: .identifier(name), text: name, column: start + 1, length: i - start))
            } else {
                i += 1
                tokens.append(.init(kind: .symbol(c), text: String(c), column: start + 1, length: 1))
            }
        }
        tokens.append(.init(kind: .end, text: "", column: chars.count + 1, length: 1))
        return tokens
    }

    /// digits [. digits] [(e|E) [+|-] digits]; the exponent is only taken
    /// when digits follow, so `2e` stays "2 then e" (and is reported as
    /// implicit multiplication rather than a bad number).
    private static func scanNumber(_ chars: [Character], from start: Int) -> Int {
        var i = start
        func isDigit(_ k: Int) -> Bool { k < chars.count && chars[k].isASCII && chars[k].isNumber }
        while isDigit(i) { i += 1 }
        if i < chars.count, chars[i] == "." {
            i += 1
            while isDigit(i) { i += 1 }
        }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            var k = i + 1
            if k < chars.count, chars[k] == "+" || chars[k] == "-" { k += 1 }
            if isDigit(k) {
                i = k
                while isDigit(i) { i += 1 }
            }
        }
        return i
    }
}
