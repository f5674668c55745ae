import Foundation

/// Softmax yₖ = exp(aₖ − c) / Σᵢ exp(aᵢ − c) with c = maxᵢ aᵢ.
///
/// Subtracting the maximum does not change the result mathematically but
/// keeps every exponent ≤ 0, so inputs like [1010, 1000, 990] do not
/// overflow to ∞/∞ = NaN (the book's section 3.5.2). O(n).
///
/// Caveat: an input containing NaN or +∞ gives NaN outputs. An empty input
/// gives an empty output.
public func softmax(_ a: [Double]) -> [Double] {
    guard let c = a.max() else { return [] }
    var e = a.map { exp($0 - c) }
    let sum = e.reduce(0, +)
    for i in e.indices { e[i] /= sum }
    return e
}

/// Row-wise ``softmax(_:)`` of a matrix: every row becomes a probability
/// vector (each with its own max subtracted). O(rows × columns).
public func softmax(_ a: Matrix) -> Matrix {
    var out = a.values
    let n = a.columns
    guard n > 0 else { return a }
    for r in 0..<a.rows {
        let base = r * n
        var c = out[base]
        for j in 1..<n where out[base + j] > c { c = out[base + j] }
        var sum = 0.0
        for j in 0..<n {
            let e = exp(out[base + j] - c)
            out[base + j] = e
            sum += e
        }
        for j in 0..<n { out[base + j] /= sum }
    }
    return Matrix(rows: a.rows, columns: a.columns, values: out)
}
