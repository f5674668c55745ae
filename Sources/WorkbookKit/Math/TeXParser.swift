/// Parses the math subset of TeX straight into MathML markup, one row of
/// atoms at a time. Positions are indices into `chars`, so every error can
/// report a 1-based character column.
///
/// Commands live in `TeXParser+Commands.swift`, environments in
/// `TeXParser+Environments.swift`; this file has rows, atoms and scripts.
struct TeXParser {
    /// How deeply groups, arguments, `\left…\right` and environments may
    /// nest (docs/languages.md). Every recursion of the parser passes
    /// `parseRow` or `parseArgument`, which count it, so `{{{…`, `\sqrt{\sqrt{…`
    /// or `\left(\left(…` is a located error and never a stack overflow.
    static let maximumNesting = 64

    let chars: [Character]
    var i = 0
    /// Set inside `\mathbf{…}` etc.; letters and digits are restyled.
    var font: TeXFont?
    /// Current nesting, see `maximumNesting`.
    var depth = 0

    init(_ tex: String) { chars = Array(tex) }

    /// Why `parseRow` stopped. The caller decides whether that is legal.
    enum Stop: Equatable {
        case end, closeBrace, closeBracket, ampersand, newline, right, endEnvironment
    }

    // MARK: Top level

    mutating func parseAll() throws(LanguageError) -> [MathAtom] {
        let atoms = try parseRow()
        switch stop(bracket: false) {
        case .end, nil: return atoms
        case .closeBrace:
            throw LanguageError(message: "unbalanced brace: this '}' has no matching '{'", column: i + 1)
        case .ampersand:
            throw LanguageError(message: "'&' is only allowed inside an array or matrix", column: i + 1,
                                hint: "use \\begin{array}{cc} a & b \\end{array}")
        case .newline:
            throw LanguageError(message: "'\\\\' (new row) is only allowed inside an array or matrix", column: i + 1, length: 2)
        case .right:
            throw LanguageError(message: "'\\right' without a matching '\\left'", column: i + 1, length: 6)
        case .endEnvironment:
            throw LanguageError(message: "'\\end' without a matching '\\begin'", column: i + 1, length: 4)
        case .closeBracket:
            return atoms // not produced when bracket == false
        }
    }

    // MARK: Rows

    /// Parses atoms until a terminator (end, `}`, `&`, `\\`, `\right`,
    /// `\end`, and `]` when `bracket`), which is left unconsumed.
    mutating func parseRow(bracket: Bool = false) throws(LanguageError) -> [MathAtom] {
        try enterNesting()
        defer { depth -= 1 }
        var atoms: [MathAtom] = []
        while true {
            skipSpaces()
            if stop(bracket: bracket) != nil { break }
            if let name = peekCommand(), name == "displaystyle" || name == "textstyle" {
                // A style switch applies to the rest of the group.
                i += name.count + 1
                let rest = try parseRow(bracket: bracket)
                atoms.append(MathAtom(xml: "<mrow displaystyle=\"\(name == "displaystyle")\">"
                                      + rest.map(\.xml).joined() + "</mrow>"))
                break
            }
            let base: MathAtom
            if chars[i] == "^" || chars[i] == "_" || chars[i] == "'" {
                base = .empty
            } else {
                base = try parseAtom(previous: atoms.last)
            }
            atoms.append(try attachScripts(to: base))
        }
        return applyFunctions(atoms)
    }

    /// Inserts U+2061 FUNCTION APPLICATION after `\log` and friends, with a
    /// thin space unless a parenthesis follows (TeX: `\log x` vs `\log(x)`).
    private func applyFunctions(_ atoms: [MathAtom]) -> [MathAtom] {
        guard atoms.contains(where: \.isFunctionName) else { return atoms }
        var out: [MathAtom] = []
        for (k, atom) in atoms.enumerated() {
            if atom.isFunctionName, k > 0, !atoms[k - 1].isOperator, !atoms[k - 1].isFunctionName {
                // TeX's thin space between an ordinary atom and an operator name: `t_k \log y_k`.
                out.append(MathAtom(xml: "<mspace width=\"0.1667em\"></mspace>"))
            }
            out.append(atom)
            guard atom.isFunctionName else { continue }
            let tight = k + 1 >= atoms.count || atoms[k + 1].isOpening
            out.append(MathAtom(xml: tight ? "<mo>&#x2061;</mo>" : "<mo rspace=\"0.1667em\">&#x2061;</mo>",
                                isOperator: true))
        }
        return out
    }

    func stop(bracket: Bool) -> Stop? {
        guard i < chars.count else { return .end }
        switch chars[i] {
        case "}": return .closeBrace
        case "&": return .ampersand
        case "]" where bracket: return .closeBracket
        case "\\":
            if i + 1 < chars.count, chars[i + 1] == "\\" { return .newline }
            switch peekCommand() {
            case "right": return .right
            case "end": return .endEnvironment
            default: return nil
            }
        default: return nil
        }
    }

    // MARK: Atoms

    mutating func parseAtom(previous: MathAtom?) throws(LanguageError) -> MathAtom {
        let c = chars[i]
        if isDigit(c) || (c == "." && i + 1 < chars.count && isDigit(chars[i + 1])) {
            let start = i
            while i < chars.count, isDigit(chars[i]) || (chars[i] == "." && i + 1 < chars.count && isDigit(chars[i + 1])) {
                i += 1
            }
            return MathAtom(xml: "<mn>" + styled(String(chars[start..<i])) + "</mn>")
        }
        if c.isLetter {
            return parseLetters()
        }
        switch c {
        case "{":
            return MathAtom(xml: MathAtom.row(try parseGroup()))
        case "\\":
            return try parseCommand(previous: previous)
        case "~":
            i += 1
            return MathAtom(xml: "<mspace width=\"0.25em\"></mspace>")
        case "$":
            throw LanguageError(message: "unexpected '$': give the TeX without math delimiters", column: i + 1)
        case "#", "%":
            throw LanguageError(message: "unexpected '\(c)'", column: i + 1, hint: "write \\\(c)")
        default:
            i += 1
            return Self.operatorAtom(c, previous: previous)
        }
    }

    /// A single operator or punctuation character as `<mo>`.
    static func operatorAtom(_ c: Character, previous: MathAtom?) -> MathAtom {
        switch c {
        case "(", "[":
            return MathAtom(xml: "<mo stretchy=\"false\">\(c)</mo>", isOperator: true, isOpening: true)
        case ")", "]", "|":
            return MathAtom(xml: "<mo stretchy=\"false\">\(c)</mo>")
        case "-", "+":
            // After an operator (or `(`), a sign: prefix form, no binary spacing.
            let sign = previous?.isOperator == true
            let symbol = c == "-" ? "−" : "+"
            return MathAtom(xml: sign ? "<mo form=\"prefix\">\(symbol)</mo>" : "<mo>\(symbol)</mo>", isOperator: true)
        case "*":
            return MathAtom(xml: "<mo>∗</mo>", isOperator: true)
        case "!", ".", "?":
            return MathAtom(xml: "<mo>\(c)</mo>")
        default:
            return MathAtom(xml: "<mo>" + HTML.escape(String(c)) + "</mo>", isOperator: true)
        }
    }

    /// One letter as an italic `<mi>`; inside a font command a whole run of
    /// letters, so `\mathrm{softmax}` is one upright name.
    private mutating func parseLetters() -> MathAtom {
        guard let font, chars[i].isASCII else {
            i += 1
            return MathAtom(xml: "<mi>" + HTML.escape(String(chars[i - 1])) + "</mi>")
        }
        let start = i
        while i < chars.count, chars[i].isASCII, chars[i].isLetter { i += 1 }
        let run = String(chars[start..<i])
        if font.isUpright && run.count == 1 {
            return MathAtom(xml: "<mi mathvariant=\"normal\">" + run + "</mi>")
        }
        return MathAtom(xml: "<mi>" + styled(run) + "</mi>")
    }

    /// Applies the current font to letters and digits.
    func styled(_ text: String) -> String {
        guard let font else { return text }
        return String(text.map { font.map($0) ?? $0 })
    }

    /// `{ … }`: the atoms inside; the caller wraps them.
    mutating func parseGroup() throws(LanguageError) -> [MathAtom] {
        let open = i
        i += 1
        let atoms = try parseRow()
        guard i < chars.count, chars[i] == "}" else {
            try failInside(group: "'{' at column \(open + 1)", openColumn: open + 1)
        }
        i += 1
        return atoms
    }

    /// The error for a row that stopped at something other than what the
    /// enclosing construct needs.
    func failInside(group: String, openColumn: Int) throws(LanguageError) -> Never {
        switch stop(bracket: false) {
        case .end, nil:
            throw LanguageError(message: "unbalanced brace: this '{' is never closed", column: openColumn, hint: "add '}'")
        case .ampersand:
            throw LanguageError(message: "'&' is only allowed inside an array or matrix", column: i + 1)
        case .newline:
            throw LanguageError(message: "'\\\\' (new row) is only allowed inside an array or matrix", column: i + 1, length: 2)
        case .right:
            throw LanguageError(message: "'\\right' without a matching '\\left' inside \(group)", column: i + 1, length: 6)
        case .endEnvironment:
            throw LanguageError(message: "'\\end' without a matching '\\begin' inside \(group)", column: i + 1, length: 4)
        case .closeBrace, .closeBracket:
            throw LanguageError(message: "unexpected \(ControlCharacters.quoted(chars[i])) inside \(group)", column: i + 1)
        }
    }

    // MARK: Scripts

    /// Collects `_x`, `^y`, primes and `\limits`/`\nolimits` after a base.
    mutating func attachScripts(to base: MathAtom) throws(LanguageError) -> MathAtom {
        var sub: String?, sup: String?, primes = 0
        var limits = base.limits
        while true {
            skipSpaces()
            guard i < chars.count else { break }
            if chars[i] == "'" {
                primes += 1
                i += 1
            } else if chars[i] == "_" || chars[i] == "^" {
                let marker = chars[i], at = i
                if (marker == "_" ? sub : sup) != nil {
                    throw LanguageError(message: marker == "_" ? "double subscript" : "double superscript",
                                        column: at + 1, hint: "use braces, e.g. x_{ab}")
                }
                i += 1
                let script = try parseArgument(for: marker == "_" ? "subscript" : "superscript", column: at + 1, length: 1)
                if marker == "_" { sub = script.xml } else { sup = script.xml }
            } else if let name = peekCommand(), name == "limits" || name == "nolimits" {
                i += name.count + 1
                limits = name == "limits" ? .underOver : .none
            } else {
                break
            }
        }
        var result = base
        if primes > 0 {
            let mark = ["′", "″", "‴", "⁗"][min(primes, 4) - 1]
            if let power = sup {
                sup = "<mrow><mo>\(mark)</mo>\(power)</mrow>"
            } else {
                // The prime glyph is already raised; as a superscript it
                // would sit on top of a tall `f` like an accent.
                let primed = sub.map { "<msub>\(base.xml)\($0)</msub>" } ?? base.xml
                result.xml = "<mrow>\(primed)<mo lspace=\"0\" rspace=\"0\">\(mark)</mo></mrow>"
                return result
            }
        }
        guard sub != nil || sup != nil else { return base }
        result.limits = .none
        switch (limits, sub, sup) {
        case (.underOver, let sub?, let sup?):
            result.xml = "<munderover>\(limitBase(base))\(sub)\(sup)</munderover>"
        case (.underOver, let sub?, nil):
            result.xml = "<munder>\(limitBase(base))\(sub)</munder>"
        case (.underOver, nil, let sup?):
            result.xml = "<mover>\(limitBase(base))\(sup)</mover>"
        case (.none, let sub?, let sup?):
            result.xml = "<msubsup>\(base.xml)\(sub)\(sup)</msubsup>"
        case (.none, let sub?, nil):
            result.xml = "<msub>\(base.xml)\(sub)</msub>"
        default:
            result.xml = "<msup>\(base.xml)\(sup ?? "")</msup>"
        }
        return result
    }

    /// `\lim` is an `<mi>` alone but must be an `<mo>` to carry
    /// `movablelimits` once it has limits.
    private func limitBase(_ base: MathAtom) -> String {
        guard let word = base.operatorWord else { return base.xml }
        return "<mo lspace=\"0\" rspace=\"0\" movablelimits=\"true\">\(word)</mo>"
    }

    /// An argument: a `{group}`, a command, or a single character (so
    /// `x^12` is x¹2 and `\frac12` is ½, as in TeX).
    mutating func parseArgument(for what: String, column: Int, length: Int) throws(LanguageError) -> MathAtom {
        skipSpaces()
        guard i < chars.count, stop(bracket: false) == nil else {
            throw LanguageError(message: "missing argument for \(what)", column: column, length: length,
                                hint: what.hasPrefix("'\\frac") ? "write \\frac{a}{b}" : nil)
        }
        let c = chars[i]
        if c == "{" {
            return MathAtom(xml: MathAtom.row(try parseGroup()))  // parseRow counts this level
        }
        try enterNesting()
        defer { depth -= 1 }
        if isDigit(c) {
            i += 1
            return MathAtom(xml: "<mn>" + styled(String(c)) + "</mn>")
        }
        if c.isLetter {
            i += 1
            if font?.isUpright == true { return MathAtom(xml: "<mi mathvariant=\"normal\">\(c)</mi>") }
            return MathAtom(xml: "<mi>" + HTML.escape(styled(String(c))) + "</mi>")
        }
        return try parseAtom(previous: nil)
    }

    /// One level deeper at `i`; past `maximumNesting` an error at the construct that opens it.
    mutating func enterNesting() throws(LanguageError) {
        depth += 1
        guard depth > Self.maximumNesting else { return }
        // The construct is usually just before `i` (the `{` or `\left(` already read).
        var column = min(i, chars.count)
        if column > 0, chars[column - 1] == "{" || chars[column - 1] == "[" { column -= 1 }
        throw LanguageError(
            message: "TeX nests more than \(Self.maximumNesting) levels deep", column: column + 1,
            hint: "groups, arguments, \\left…\\right and environments may nest at most \(Self.maximumNesting) levels")
    }

    // MARK: Characters

    mutating func skipSpaces() {
        while i < chars.count, chars[i].isWhitespace { i += 1 }
    }

    func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// The name of the command at `i` without consuming it: a run of
    /// letters, or one non-letter character (`\,`, `\{`).
    func peekCommand() -> String? {
        guard i < chars.count, chars[i] == "\\", i + 1 < chars.count else { return nil }
        if !chars[i + 1].isLetter { return String(chars[i + 1]) }
        var k = i + 1
        while k < chars.count, chars[k].isASCII, chars[k].isLetter { k += 1 }
        return String(chars[(i + 1)..<k])
    }
}
