/// The parsed tree of an expression. Built once by `ExpressionParser`, then
/// compiled to an `ExpressionProgram` for evaluation and walked for TeX.
///
/// Sums and products are chains (`a - b + c` is one `.sum` with three
/// operands), not left-deep binary trees: a sum of 100 000 terms is then one
/// level deep, so no walk over the tree (compiling, TeX, even freeing it)
/// recurses once per term. Real nesting (parentheses, unary signs, powers,
/// calls) is capped by `ExpressionParser.maximumNesting`.
indirect enum ExpressionNode: Sendable, Equatable {
    enum BinaryOperator: Character, Sendable, Equatable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    }

    /// One operand after the first in a chain, with the operator before it.
    struct Link: Sendable, Equatable {
        var op: BinaryOperator
        var node: ExpressionNode
    }

    /// `text` is the spelling in the source, kept for the TeX rendering.
    case number(Double, text: String)
    case constant(ExpressionConstant)
    /// `index` is the position in the caller's variable list.
    case variable(index: Int, name: String)
    case negate(ExpressionNode)
    /// `first (+|-) rest[0] (+|-) rest[1] …`, evaluated left to right.
    case sum(ExpressionNode, [Link])
    /// `first (*|/) rest[0] (*|/) rest[1] …`, evaluated left to right.
    case product(ExpressionNode, [Link])
    /// `base ^ exponent`.
    case power(ExpressionNode, ExpressionNode)
    case call(ExpressionFunction, ExpressionNode)

    /// Names of the variables that actually occur.
    var usedVariables: Set<String> {
        var names: Set<String> = []
        collectVariables(into: &names)
        return names
    }

    private func collectVariables(into names: inout Set<String>) {
        switch self {
        case .number, .constant: return
        case .variable(_, let name): names.insert(name)
        case .negate(let a), .call(_, let a): a.collectVariables(into: &names)
        case .power(let a, let b):
            a.collectVariables(into: &names)
            b.collectVariables(into: &names)
        case .sum(let first, let rest), .product(let first, let rest):
            first.collectVariables(into: &names)
            for link in rest { link.node.collectVariables(into: &names) }
        }
    }
}
