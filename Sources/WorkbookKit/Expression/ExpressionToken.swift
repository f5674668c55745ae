/// One token of an expression, with its place in the source so that every
/// parser error can point at it.
struct ExpressionToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        case identifier(String)
        /// `+ - * / ^ ( )` and any other single character; the parser, not
        /// the lexer, decides whether it is out of place, because only the
        /// parser knows what was expected there.
        case symbol(Character)
        case end
    }

    var kind: Kind
    var text: String
    /// 1-based column in characters.
    var column: Int
    var length: Int

    /// Starts an operand: used to detect implicit multiplication such as `2x`.
    var startsOperand: Bool {
        switch kind {
        case .number, .identifier, .symbol("("): return true
        default: return false
        }
    }

    /// How the token is quoted in messages.
    var quoted: String {
        if kind == .end { return "end of expression" }
        if case .symbol(let c) = kind { return ControlCharacters.quoted(c) }
        return "'\(text)'"
    }
}
