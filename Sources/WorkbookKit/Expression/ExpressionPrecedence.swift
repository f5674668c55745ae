/// How tightly a node binds, loosest first: what the TeX and the plain-text
/// renderings both use to decide where a child needs parentheses.
enum ExpressionPrecedence: Int, Comparable {
    case sum = 1, product, unary, power, atom

    init(of node: ExpressionNode) {
        switch node {
        case .number, .constant, .variable, .call: self = .atom
        case .negate: self = .unary
        case .sum: self = .sum
        case .product: self = .product
        case .power: self = .power
        }
    }

    static func < (a: ExpressionPrecedence, b: ExpressionPrecedence) -> Bool { a.rawValue < b.rawValue }
}

extension ExpressionNode {
    /// `-a`: both renderings put a negation in parentheses where a sign would be ambiguous.
    var isNegation: Bool {
        if case .negate = self { return true }
        return false
    }

    /// `f(a)`, which both renderings treat apart from other atoms.
    var isCall: Bool {
        if case .call = self { return true }
        return false
    }

    /// A number written with an exponent (`1e3`): both renderings show it as a power
    /// of ten (`10^{3}`, `10³`), so as the base of a power it needs parentheses.
    var isScientificNumber: Bool {
        if case .number(_, let text) = self { return text.contains { $0 == "e" || $0 == "E" } }
        return false
    }
}
