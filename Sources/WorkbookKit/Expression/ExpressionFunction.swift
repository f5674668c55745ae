import Foundation

/// The built-in one-argument functions. A closed set, because run cells
/// only need the functions of the book and a closed set gives good
/// "did you mean" hints.
enum ExpressionFunction: String, Sendable, Equatable, CaseIterable {
    case exp, log, sqrt, sin, cos, tan, tanh, abs, sigmoid, relu, step

    /// Same function in `Double` and `Float`, so the float32 rounding
    /// example of the book evaluates the very same expression.
    func apply<T: ExpressionScalar>(_ x: T) -> T {
        switch self {
        case .exp: return T.exp(x)
        case .log: return T.log(x)
        case .sqrt: return x.squareRoot()
        case .sin: return T.sin(x)
        case .cos: return T.cos(x)
        case .tan: return T.tan(x)
        case .tanh: return T.tanh(x)
        case .abs: return Swift.abs(x)
        case .sigmoid: return 1 / (1 + T.exp(-x))
        case .relu: return x > 0 ? x : 0
        case .step: return x > 0 ? 1 : 0
        }
    }
}

/// The named constants `pi` and `e`. Kept by name (not folded to a number)
/// so the TeX rendering can print `\pi`.
enum ExpressionConstant: String, Sendable, Equatable, CaseIterable {
    case pi, e

    var value: Double {
        switch self {
        case .pi: return Double.pi
        case .e: return 2.718281828459045 // M_E, spelled out for portability
        }
    }
}

/// A floating-point type the evaluator can run in. Only `Double` and `Float`
/// conform; the requirements are the libm functions the language needs.
protocol ExpressionScalar: BinaryFloatingPoint {
    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func sin(_ x: Self) -> Self
    static func cos(_ x: Self) -> Self
    static func tan(_ x: Self) -> Self
    static func tanh(_ x: Self) -> Self
    static func power(_ x: Self, _ y: Self) -> Self
}

extension Double: ExpressionScalar {
    static func exp(_ x: Double) -> Double { Foundation.exp(x) }
    static func log(_ x: Double) -> Double { Foundation.log(x) }
    static func sin(_ x: Double) -> Double { Foundation.sin(x) }
    static func cos(_ x: Double) -> Double { Foundation.cos(x) }
    static func tan(_ x: Double) -> Double { Foundation.tan(x) }
    static func tanh(_ x: Double) -> Double { Foundation.tanh(x) }
    static func power(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
}

extension Float: ExpressionScalar {
    static func exp(_ x: Float) -> Float { Foundation.exp(x) }
    static func log(_ x: Float) -> Float { Foundation.log(x) }
    static func sin(_ x: Float) -> Float { Foundation.sin(x) }
    static func cos(_ x: Float) -> Float { Foundation.cos(x) }
    static func tan(_ x: Float) -> Float { Foundation.tan(x) }
    static func tanh(_ x: Float) -> Float { Foundation.tanh(x) }
    static func power(_ x: Float, _ y: Float) -> Float { Foundation.pow(x, y) }
}
