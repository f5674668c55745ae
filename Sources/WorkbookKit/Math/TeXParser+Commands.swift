/// Backslash commands: symbols from `TeXSymbols`, and the structural
/// commands that take arguments (`\frac`, `\sqrt`, `\left`, fonts, …).
extension TeXParser {
    mutating func parseCommand(previous: MathAtom?) throws(LanguageError) -> MathAtom {
        let start = i
        guard let name = peekCommand() else {
            throw LanguageError(message: "lone '\\' at the end", column: i + 1)
        }
        i += name.count + 1
        let column = start + 1, length = name.count + 1
        let quoted = "'\\\(name)'"

        if let symbol = TeXSymbols.letters[name] {
            return MathAtom(xml: "<mi>\(symbol)</mi>")
        }
        if let symbol = TeXSymbols.uprightLetters[name] {
            return MathAtom(xml: "<mi mathvariant=\"normal\">\(symbol)</mi>")
        }
        if let symbol = TeXSymbols.operators[name] {
            return MathAtom(xml: "<mo>" + HTML.escape(symbol) + "</mo>", isOperator: name != "prime")
        }
        if let symbol = TeXSymbols.delimiters[name] {
            let opening = TeXSymbols.openers.contains(symbol) && name != "}"
            return MathAtom(xml: "<mo stretchy=\"false\">\(symbol)</mo>", isOperator: opening, isOpening: opening)
        }
        if TeXSymbols.functions.contains(name) {
            return MathAtom(xml: "<mi>\(name)</mi>", isFunctionName: true)
        }
        if TeXSymbols.limitFunctions.contains(name) {
            let word = name.hasPrefix("arg") ? "arg" + name.dropFirst(3) : name
            return MathAtom(xml: "<mi>\(word)</mi>", limits: .underOver, isFunctionName: true, operatorWord: word)
        }
        if let op = TeXSymbols.largeOperators[name] {
            let attributes = op.limits ? " largeop=\"true\" movablelimits=\"true\"" : " largeop=\"true\""
            return MathAtom(xml: "<mo\(attributes)>\(op.symbol)</mo>", limits: op.limits ? .underOver : .none, isOperator: true)
        }
        if let width = TeXSymbols.spaces[name] {
            return MathAtom(xml: "<mspace width=\"\(width)\"></mspace>", isOperator: previous?.isOperator ?? false)
        }
        if let accent = TeXSymbols.accents[name] {
            let argument = try parseArgument(for: quoted, column: column, length: length)
            return MathAtom(xml: "<mover accent=\"true\">\(argument.xml)<mo stretchy=\"\(accent.stretchy)\">\(accent.mark)</mo></mover>")
        }
        if let size = TeXSymbols.bigSizes[name] {
            let delimiter = try parseDelimiter(after: quoted, column: column, length: length)
            let opening = TeXSymbols.openers.contains(delimiter) || name.hasSuffix("l")
            return MathAtom(xml: "<mo stretchy=\"true\" symmetric=\"true\" minsize=\"\(size)\" maxsize=\"\(size)\">\(delimiter)</mo>",
                            isOperator: opening, isOpening: opening)
        }
        if let newFont = TeXFont(rawValue: name) {
            let saved = font
            font = newFont
            defer { font = saved }
            var argument = try parseArgument(for: quoted, column: column, length: length)
            argument.isFunctionName = newFont == .operatorname
            return argument
        }
        switch name {
        case "frac", "dfrac", "tfrac":
            let numerator = try parseArgument(for: quoted, column: column, length: length)
            let denominator = try parseArgument(for: quoted, column: column, length: length)
            let style = name == "dfrac" ? " displaystyle=\"true\"" : name == "tfrac" ? " displaystyle=\"false\"" : ""
            return MathAtom(xml: "<mfrac\(style)>\(numerator.xml)\(denominator.xml)</mfrac>")
        case "binom":
            let n = try parseArgument(for: quoted, column: column, length: length)
            let k = try parseArgument(for: quoted, column: column, length: length)
            return MathAtom(xml: "<mrow><mo>(</mo><mfrac linethickness=\"0\">\(n.xml)\(k.xml)</mfrac><mo>)</mo></mrow>")
        case "sqrt":
            return try parseSquareRoot(column: column, length: length)
        case "text", "textrm", "mbox":
            return MathAtom(xml: "<mtext>" + (try parseRawText(after: quoted, column: column, length: length)) + "</mtext>")
        case "left":
            return try parseFenced(column: column)
        case "middle":
            let delimiter = try parseDelimiter(after: quoted, column: column, length: length)
            return MathAtom(xml: "<mo stretchy=\"true\">\(delimiter)</mo>", isOperator: true)
        case "begin":
            return try parseEnvironment(column: column)
        case "overset", "stackrel", "underset":
            let mark = try parseArgument(for: quoted, column: column, length: length)
            let base = try parseArgument(for: quoted, column: column, length: length)
            let element = name == "underset" ? "munder" : "mover"
            return MathAtom(xml: "<\(element)>\(base.xml)\(mark.xml)</\(element)>", isOperator: name == "stackrel")
        case "limits", "nolimits":
            throw LanguageError(message: "\(quoted) must follow an operator such as \\sum", column: column, length: length)
        default:
            let suggestion = EditDistance.closest(to: name, among: TeXSymbols.allCommands)
            throw LanguageError(message: "unknown TeX command \(quoted)", column: column, length: length,
                                hint: suggestion.map { "did you mean '\\\($0)'?" })
        }
    }

    /// `\sqrt{x}` → msqrt, `\sqrt[n]{x}` → mroot.
    private mutating func parseSquareRoot(column: Int, length: Int) throws(LanguageError) -> MathAtom {
        skipSpaces()
        var index: String?
        if i < chars.count, chars[i] == "[" {
            let open = i
            i += 1
            let atoms = try parseRow(bracket: true)
            guard i < chars.count, chars[i] == "]" else {
                throw LanguageError(message: "unbalanced bracket: this '[' of '\\sqrt' is never closed", column: open + 1)
            }
            i += 1
            index = MathAtom.row(atoms)
        }
        let radicand = try parseArgument(for: "'\\sqrt'", column: column, length: length)
        if let index {
            return MathAtom(xml: "<mroot>\(radicand.xml)\(index)</mroot>")
        }
        return MathAtom(xml: "<msqrt>\(radicand.xml)</msqrt>")
    }

    /// `\left( … \right)`: a row between stretchy fences. `.` is no fence.
    private mutating func parseFenced(column: Int) throws(LanguageError) -> MathAtom {
        let open = try parseDelimiter(after: "'\\left'", column: column, length: 5)
        let inner = try parseRow()
        guard stop(bracket: false) == .right else {
            if stop(bracket: false) == .end {
                throw LanguageError(message: "'\\left' without a matching '\\right'", column: column, length: 5,
                                    hint: "add \\right) or \\right.")
            }
            try failInside(group: "'\\left' at column \(column)", openColumn: column)
        }
        let rightColumn = i + 1
        i += 6
        let close = try parseDelimiter(after: "'\\right'", column: rightColumn, length: 6)
        return MathAtom(xml: "<mrow>" + Self.fence(open, form: "prefix") + inner.map(\.xml).joined()
                        + Self.fence(close, form: "postfix") + "</mrow>",
                        isOpening: true)
    }

    static func fence(_ delimiter: String, form: String) -> String {
        delimiter.isEmpty ? "" : "<mo form=\"\(form)\" stretchy=\"true\">\(delimiter)</mo>"
    }

    /// The delimiter after `\left`, `\right`, `\big`, …; "" for `.`.
    mutating func parseDelimiter(after command: String, column: Int, length: Int) throws(LanguageError) -> String {
        skipSpaces()
        guard i < chars.count else {
            throw LanguageError(message: "missing delimiter after \(command)", column: column, length: length,
                                hint: "for example \(command.dropFirst().dropLast())( or \(command.dropFirst().dropLast()).")
        }
        let c = chars[i]
        if c == "\\", let name = peekCommand() {
            guard let symbol = TeXSymbols.delimiters[name] else {
                throw LanguageError(message: "'\\\(name)' is not a delimiter", column: i + 1, length: name.count + 1,
                                    hint: "use ( ) [ ] \\{ \\} | \\| \\langle \\rangle or .")
            }
            i += name.count + 1
            return symbol
        }
        let simple: [Character: String] = ["(": "(", ")": ")", "[": "[", "]": "]", "|": "|", "/": "/",
                                           ".": "", "<": "⟨", ">": "⟩"]
        guard let symbol = simple[c] else {
            throw LanguageError(message: "'\(c)' is not a delimiter", column: i + 1,
                                hint: "use ( ) [ ] \\{ \\} | \\| \\langle \\rangle or .")
        }
        i += 1
        return symbol
    }

    /// The braced argument of `\text`, taken literally and escaped. Outer
    /// spaces become no-break spaces, because MathML trims token content.
    private mutating func parseRawText(after command: String, column: Int, length: Int) throws(LanguageError) -> String {
        skipSpaces()
        guard i < chars.count, chars[i] == "{" else {
            throw LanguageError(message: "\(command) needs a braced argument", column: column, length: length,
                                hint: "write \(command.dropFirst().dropLast()){…}")
        }
        let open = i
        i += 1
        var depth = 0, text = ""
        while true {
            guard i < chars.count else {
                throw LanguageError(message: "unbalanced brace: this '{' is never closed", column: open + 1, hint: "add '}'")
            }
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, "{}\\%&$#_ ".contains(chars[i + 1]) {
                text.append(chars[i + 1])
                i += 2
                continue
            }
            i += 1
            if c == "{" { depth += 1 }
            if c == "}" {
                if depth == 0 { break }
                depth -= 1
            }
            text.append(c)
        }
        var escaped = HTML.escape(text)
        let leading = escaped.prefix { $0 == " " }.count
        let trailing = escaped.reversed().prefix { $0 == " " }.count
        if leading == escaped.count {
            return String(repeating: "&#xA0;", count: leading)
        }
        escaped = String(repeating: "&#xA0;", count: leading)
            + escaped.dropFirst(leading).dropLast(trailing)
            + String(repeating: "&#xA0;", count: trailing)
        return escaped
    }
}
