/// The parsed tree of an expression. Built once by `ExpressionParser`, then
/// compiled to an `ExpressionProgram` for evaluation and walked for TeX.
indirect enum ExpressionNode: Sendable, Equatable {
    enum BinaryOperator: Character, Sendable, Equatable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    }

    /// `text` is the spelling in the source, kept for the TeX rendering.
    case number(Double, text: String)
    case constant(ExpressionConstant)
    /// `index` is the position in the caller's variable list.
    case variable(index: Int, name: String)
    case negate(ExpressionNode)
    case binary(BinaryOperator, ExpressionNode, ExpressionNode)
    case call(ExpressionFunction, ExpressionNode)

    /// Names of the variables that actually occur.
    var usedVariables: Set<String> {
        switch self {
        case .number, .constant: return []
        case .variable(_, let name): return [name]
        case .negate(let a), .call(_, let a): return a.usedVariables
        case .binary(_, let a, let b): return a.usedVariables.union(b.usedVariables)
        }
    }
}
