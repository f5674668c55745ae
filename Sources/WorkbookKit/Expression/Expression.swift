/// A run-cell function such as `0.01*x^2 + 0.1*x`, parsed once and compiled
/// to a flat program, so chapters can write formulas instead of Swift.
///
/// Note: Foundation also declares a type named `Expression`; in a file that
/// imports both, write `WorkbookKit.Expression`.
public struct Expression: Sendable, Equatable, CustomStringConvertible {
    /// The source text, exactly as given.
    public private(set) var text: String
    /// The variables the caller allowed, in the order `evaluate` expects values.
    public private(set) var variables: [String]
    /// The variables that actually occur (a subset of `variables`).
    public private(set) var usedVariables: Set<String>

    let root: ExpressionNode
    private let program: ExpressionProgram

    /// Parses `text`; `variables` are the names the function takes, e.g.
    /// `["x"]` or `["x0", "x1"]`. Errors carry the 1-based column of the
    /// offending token in `text`.
    public static func parse(_ text: String, variables: [String]) throws(LanguageError) -> Expression {
        let tokens = try ExpressionLexer.tokens(in: text)
        var parser = ExpressionParser(tokens: tokens, variables: variables)
        let root = try parser.parseAll()
        return Expression(text: text, variables: variables, root: root)
    }

    private init(text: String, variables: [String], root: ExpressionNode) {
        self.text = text
        self.variables = variables
        self.root = root
        self.usedVariables = root.usedVariables
        self.program = ExpressionProgram(root)
    }

    /// Evaluates with `values` in the order of `variables`.
    public func evaluate(_ values: [Double]) -> Double {
        precondition(values.count == variables.count,
                     "expression '\(text)' takes \(variables.count) values, got \(values.count)")
        return program.run(values)
    }

    /// Evaluates a one-variable function.
    public func evaluate(x: Double) -> Double {
        precondition(variables.count == 1, "evaluate(x:) needs exactly one variable; '\(text)' takes \(variables)")
        return program.run([x])
    }

    /// Evaluates in single precision (every constant and intermediate result
    /// rounded to Float), for the book's float32 rounding example.
    public func evaluateFloat(_ values: [Float]) -> Float {
        precondition(values.count == variables.count,
                     "expression '\(text)' takes \(variables.count) values, got \(values.count)")
        return program.run(values)
    }

    public var description: String { text }

    /// Structural equality: the same text over the same variables.
    public static func == (a: Expression, b: Expression) -> Bool {
        a.text == b.text && a.variables == b.variables
    }
}
