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
