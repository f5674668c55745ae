import Foundation

/// The δ added inside the logarithm of the cross-entropy error, so that a
/// predicted probability of exactly 0 gives log(1e-7) ≈ −16.1 instead of −∞.
/// The book uses the same value (`delta = 1e-7`).
public let crossEntropyDelta = 1e-7

/// Sum-of-squares error E = ½ Σₖ (yₖ − tₖ)² (the book's `sum_squared_error`).
///
/// - Precondition: `y.count == t.count`.
public func sumSquaredError(_ y: [Double], _ t: [Double]) -> Double {
    precondition(y.count == t.count, "y and t must have the same length")
    var sum = 0.0
    for k in y.indices {
        let d = y[k] - t[k]
        sum += d * d
    }
    return 0.5 * sum
}

/// Cross-entropy error E = −Σₖ tₖ log(yₖ + δ) with δ = ``crossEntropyDelta``
/// (the book's `cross_entropy_error` for a single sample).
///
/// - Precondition: `y.count == t.count`.
public func crossEntropyError(_ y: [Double], _ t: [Double]) -> Double {
    precondition(y.count == t.count, "y and t must have the same length")
    var sum = 0.0
    for k in y.indices where t[k] != 0 {
        sum += t[k] * Foundation.log(y[k] + crossEntropyDelta)
    }
    return -sum
}
