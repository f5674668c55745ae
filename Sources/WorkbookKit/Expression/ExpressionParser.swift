/// Recursive-descent parser for the expression grammar:
///
///     sum     = product (("+" | "-") product)*
///     product = unary (("*" | "/") unary)*
///     unary   = ("-" | "+") unary | power
///     power   = primary ("^" unary)?          right-associative
///     primary = number | variable | constant | function "(" sum ")" | "(" sum ")"
///
/// Unary minus sits *below* `^`, so `-x^2` is −(x²) as in mathematics, and
/// the exponent is a `unary`, so `2^-1` and `2^3^2` (= 2^9) work.
///
/// Sums and products are read in loops into chains, so their length costs no
/// stack. What does recurse — parentheses, function calls, unary signs and
/// exponents — may nest at most `maximumNesting` levels (docs/languages.md);
/// the token that would open one more level is reported, instead of the
/// parser overflowing its stack on `((((…` or `----…x`.
struct ExpressionParser {
    /// How deeply parentheses, calls, unary signs and exponents may nest.
    static let maximumNesting = 32

    private var tokens: [ExpressionToken]
    private var position = 0
    private let variables: [String]
    private var depth = 0

    init(tokens: [ExpressionToken], variables: [String]) {
        self.tokens = tokens
        self.variables = variables
    }

    private var current: ExpressionToken { tokens[position] }
    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    mutating func parseAll() throws(LanguageError) -> ExpressionNode {
        if current.kind == .end {
            throw LanguageError(message: "empty expression", column: 1,
                                hint: "write a formula such as 0.01*x^2 + 0.1*x")
        }
        let node = try parseSum()
        if current.kind != .end {
            throw misplaced(afterOperand: current, insideParentheses: false)
        }
        return node
    }

    private mutating func parseSum() throws(LanguageError) -> ExpressionNode {
        let first = try parseProduct()
        var rest: [ExpressionNode.Link] = []
        while case .symbol(let c) = current.kind, c == "+" || c == "-" {
            advance()
            rest.append(.init(op: c == "+" ? .add : .subtract, node: try parseProduct()))
        }
        return rest.isEmpty ? first : .sum(first, rest)
    }

    private mutating func parseProduct() throws(LanguageError) -> ExpressionNode {
        let first = try parseUnary()
        var rest: [ExpressionNode.Link] = []
        while case .symbol(let c) = current.kind, c == "*" || c == "/" {
            advance()
            if c == "*", current.kind == .symbol("*") {
                throw LanguageError(message: "'**' is not an operator", column: current.column - 1, length: 2,
                                    hint: "use ^ for powers, e.g. x^2")
            }
            rest.append(.init(op: c == "*" ? .multiply : .divide, node: try parseUnary()))
        }
        return rest.isEmpty ? first : .product(first, rest)
    }

    /// One level deeper for what `opener` opens; throws past `maximumNesting`.
    private mutating func enter(_ opener: ExpressionToken) throws(LanguageError) {
        depth += 1
        if depth > Self.maximumNesting {
            throw LanguageError(
                message: "expression nests more than \(Self.maximumNesting) levels deep",
                column: opener.column, length: opener.length,
                hint: "parentheses, function calls, signs and powers may nest at most \(Self.maximumNesting) levels")
        }
    }

    private mutating func parseUnary() throws(LanguageError) -> ExpressionNode {
        // A run of signs is read in a loop: `----x` nests once per sign, checked before recursing.
        var minusSigns = 0
        var signs = 0
        defer { depth -= signs }
        while case .symbol(let c) = current.kind, c == "-" || c == "+" {
            try enter(current)
            signs += 1
            if c == "-" { minusSigns += 1 }
            advance()
        }
        var node = try parsePower()
        for _ in 0..<minusSigns { node = .negate(node) }
        return node
    }

    private mutating func parsePower() throws(LanguageError) -> ExpressionNode {
        let base = try parsePrimary()
        guard current.kind == .symbol("^") else { return base }
        try enter(current)
        defer { depth -= 1 }
        advance()
        let exponent = try parseUnary()
        return .power(base, exponent)
    }

    private mutating func parsePrimary() throws(LanguageError) -> ExpressionNode {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return .number(value, text: token.text)
        case .identifier(let name):
            advance()
            return try parseName(name, token: token)
        case .symbol("("):
            try enter(token)
            defer { depth -= 1 }
            advance()
            let inner = try parseSum()
            try closeParenthesis(opened: token)
            return inner
        case .end:
            throw LanguageError(message: "unexpected end of expression; expected a number, variable or '('",
                                column: token.column)
        case .symbol(let c):
            throw LanguageError(message: "expected a number, variable or '(' but found '\(c)'",
                                column: token.column)
        }
    }

    /// A name is a variable first (so a caller may call a variable `e`),
    /// then a constant, then a function, which must be followed by `(`.
    private mutating func parseName(_ name: String, token: ExpressionToken) throws(LanguageError) -> ExpressionNode {
        if let index = variables.firstIndex(of: name) {
            return .variable(index: index, name: name)
        }
        if let constant = ExpressionConstant(rawValue: name) {
            return .constant(constant)
        }
        let functionNames = ExpressionFunction.allCases.map(\.rawValue)
        if let function = ExpressionFunction(rawValue: name) {
            guard current.kind == .symbol("(") else {
                throw LanguageError(message: "function '\(name)' needs its argument in parentheses",
                                    column: token.column, length: token.length, hint: "write \(name)(x)")
            }
            let open = current
            try enter(open)
            defer { depth -= 1 }
            advance()
            let argument = try parseSum()
            try closeParenthesis(opened: open)
            return .call(function, argument)
        }
        if current.kind == .symbol("(") {
            let suggestion = EditDistance.closest(to: name, among: functionNames)
            throw LanguageError(message: "unknown function '\(name)'", column: token.column, length: token.length,
                                hint: suggestion.map { "did you mean '\($0)'?" }
                                    ?? "known functions: " + functionNames.joined(separator: ", "))
        }
        let takes = variables.isEmpty ? "this function takes no variables"
                                      : "this function takes " + variables.joined(separator: ", ")
        let suggestion = EditDistance.closest(to: name, among: functionNames + ExpressionConstant.allCases.map(\.rawValue))
        throw LanguageError(message: "unknown variable '\(name)'; \(takes)", column: token.column,
                            length: token.length, hint: suggestion.map { "did you mean '\($0)'?" })
    }

    private mutating func closeParenthesis(opened open: ExpressionToken) throws(LanguageError) {
        if current.kind == .symbol(")") {
            advance()
            return
        }
        if current.kind == .end {
            throw LanguageError(message: "unbalanced parenthesis: this '(' is never closed",
                                column: open.column, hint: "add ')'")
        }
        throw misplaced(afterOperand: current, insideParentheses: true)
    }

    /// The error for a token that follows a complete operand but cannot
    /// continue it: implicit multiplication, a stray `)`, or trailing garbage.
    private func misplaced(afterOperand token: ExpressionToken, insideParentheses: Bool) -> LanguageError {
        if token.startsOperand {
            let previous = tokens[position - 1]
            let example = previous.kind != .symbol(")") && token.kind != .symbol("(")
                ? "write \(previous.text)*\(token.text)" : "write 2*x"
            return LanguageError(message: "implicit multiplication is not allowed; expected an operator before \(token.quoted)",
                                 column: token.column, length: token.length, hint: example)
        }
        if token.kind == .symbol(")") && !insideParentheses {
            return LanguageError(message: "unbalanced parenthesis: this ')' has no matching '('", column: token.column)
        }
        if insideParentheses {
            return LanguageError(message: "expected ')' or an operator but found \(token.quoted)", column: token.column)
        }
        return LanguageError(message: "unexpected \(token.quoted) after the end of the expression",
                             column: token.column, length: token.length)
    }
}
