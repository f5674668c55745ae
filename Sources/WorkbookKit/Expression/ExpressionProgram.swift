/// A flat, postfix instruction list compiled from the tree once, so that
/// evaluating a run-cell function thousands of times (gradient descent,
/// plots) neither reparses nor walks an indirect enum.
struct ExpressionProgram: Sendable, Equatable {
    enum Instruction: Sendable, Equatable {
        case constant(Double)
        case variable(Int)
        case negate
        case add, subtract, multiply, divide, power
        case apply(ExpressionFunction)
    }

    private(set) var instructions: [Instruction] = []
    /// Deepest stack the program needs; the evaluator allocates exactly this.
    private(set) var maxDepth = 0

    init(_ root: ExpressionNode) {
        var depth = 0
        emit(root, depth: &depth)
    }

    private mutating func emit(_ node: ExpressionNode, depth: inout Int) {
        func push(_ i: Instruction) {
            instructions.append(i)
            depth += 1
            maxDepth = max(maxDepth, depth)
        }
        switch node {
        case .number(let v, _): push(.constant(v))
        case .constant(let c): push(.constant(c.value))
        case .variable(let index, _): push(.variable(index))
        case .negate(let a):
            emit(a, depth: &depth)
            instructions.append(.negate)
        case .call(let f, let a):
            emit(a, depth: &depth)
            instructions.append(.apply(f))
        case .power(let a, let b):
            emit(a, depth: &depth)
            emit(b, depth: &depth)
            instructions.append(.power)
            depth -= 1
        case .sum(let first, let rest), .product(let first, let rest):
            emit(first, depth: &depth)
            for link in rest {
                emit(link.node, depth: &depth)
                switch link.op {
                case .add: instructions.append(.add)
                case .subtract: instructions.append(.subtract)
                case .multiply: instructions.append(.multiply)
                case .divide: instructions.append(.divide)
                case .power: instructions.append(.power)
                }
                depth -= 1
            }
        }
    }

    /// Runs the program in `T` (Double or Float). Constants are converted to
    /// `T` first, so in Float `1e-50` really is 0 as in NumPy's float32.
    func run<T: ExpressionScalar>(_ values: [T]) -> T {
        withUnsafeTemporaryAllocation(of: T.self, capacity: max(1, maxDepth)) { stack in
            var top = -1
            for instruction in instructions {
                switch instruction {
                case .constant(let v): top += 1; stack.initializeElement(at: top, to: T(v))
                case .variable(let i): top += 1; stack.initializeElement(at: top, to: values[i])
                case .negate: stack[top] = -stack[top]
                case .apply(let f): stack[top] = f.apply(stack[top])
                case .add: top -= 1; stack[top] = stack[top] + stack[top + 1]
                case .subtract: top -= 1; stack[top] = stack[top] - stack[top + 1]
                case .multiply: top -= 1; stack[top] = stack[top] * stack[top + 1]
                case .divide: top -= 1; stack[top] = stack[top] / stack[top + 1]
                case .power: top -= 1; stack[top] = T.power(stack[top], stack[top + 1])
                }
            }
            return stack[0]
        }
    }
}
