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

/// Batch sum-of-squares error: (1/N) Σᵢ ½ Σₖ (yᵢₖ − tᵢₖ)², the mean over
/// the N rows of ``sumSquaredError(_:_:)``.
///
/// - Precondition: equal shapes, at least one row.
public func sumSquaredError(_ y: Matrix, _ t: Matrix) -> Double {
    precondition(y.rows == t.rows && y.columns == t.columns, "y and t must have the same shape")
    precondition(y.rows > 0, "empty batch")
    return sumSquaredError(y.values, t.values) / Double(y.rows)
}

/// Batch cross-entropy with one-hot targets: E = −(1/N) Σᵢ Σₖ tᵢₖ log(yᵢₖ + δ)
/// (the book's batch `cross_entropy_error`). O(N × classes).
///
/// - Precondition: equal shapes, at least one row.
public func crossEntropyError(_ y: Matrix, _ t: Matrix) -> Double {
    precondition(y.rows == t.rows && y.columns == t.columns, "y and t must have the same shape")
    precondition(y.rows > 0, "empty batch")
    return crossEntropyError(y.values, t.values) / Double(y.rows)
}

/// Batch cross-entropy with label-index targets:
/// E = −(1/N) Σᵢ log(y[i, labels[i]] + δ). O(N).
///
/// - Precondition: `labels.count == y.rows > 0`, every label in `0..<y.columns`.
public func crossEntropyError(_ y: Matrix, labels: [Int]) -> Double {
    precondition(labels.count == y.rows, "\(labels.count) labels for \(y.rows) rows")
    precondition(y.rows > 0, "empty batch")
    var sum = 0.0
    for (i, label) in labels.enumerated() {
        precondition(label >= 0 && label < y.columns, "label \(label) out of range 0..<\(y.columns)")
        sum += Foundation.log(y.values[i * y.columns + label] + crossEntropyDelta)
    }
    return -sum / Double(y.rows)
}

/// One-hot encoding: row i has a 1 in column `labels[i]` and 0 elsewhere.
///
/// - Precondition: every label in `0..<classes`.
public func oneHot(_ labels: [Int], classes: Int) -> Matrix {
    var m = Matrix(rows: labels.count, columns: classes)
    for (i, label) in labels.enumerated() {
        precondition(label >= 0 && label < classes, "label \(label) out of range 0..<\(classes)")
        m.values[i * classes + label] = 1
    }
    return m
}
