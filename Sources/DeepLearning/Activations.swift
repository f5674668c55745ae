import Foundation

/// Step function h(x) = 1 if x > 0 else 0 (the book's `step_function`;
/// note h(0) = 0).
public func step(_ x: Double) -> Double { x > 0 ? 1 : 0 }

/// Logistic sigmoid σ(x) = 1 / (1 + e^(−x)).
///
/// Caveat: for x < −709, e^(−x) overflows to +∞ and σ returns exactly 0,
/// the same as numpy (which also warns); never NaN.
public func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

/// Derivative of the sigmoid, σ'(x) = (1 − σ(x)) σ(x) (the book's `sigmoid_grad`).
public func sigmoidGradient(_ x: Double) -> Double {
    let s = sigmoid(x)
    return (1 - s) * s
}

/// Rectified linear unit, ReLU(x) = max(0, x).
public func relu(_ x: Double) -> Double { x > 0 ? x : 0 }

/// Element-wise ``step(_:)`` of a vector.
public func step(_ x: [Double]) -> [Double] { x.map(step) }
/// Element-wise ``sigmoid(_:)`` of a vector.
public func sigmoid(_ x: [Double]) -> [Double] { x.map(sigmoid) }
/// Element-wise ``relu(_:)`` of a vector.
public func relu(_ x: [Double]) -> [Double] { x.map(relu) }
/// Element-wise ``step(_:)`` of a matrix.
public func step(_ x: Matrix) -> Matrix { x.map(step) }
/// Element-wise ``sigmoid(_:)`` of a matrix.
public func sigmoid(_ x: Matrix) -> Matrix { x.map(sigmoid) }
/// Element-wise ``sigmoidGradient(_:)`` of a matrix.
public func sigmoidGradient(_ x: Matrix) -> Matrix { x.map(sigmoidGradient) }
/// Element-wise ``relu(_:)`` of a matrix.
public func relu(_ x: Matrix) -> Matrix { x.map(relu) }
