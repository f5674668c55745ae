/// The matrix products as the C kernels define them, written plainly: every
/// entry is a sum over the inner index in ascending order, from +0, with one
/// rounding per term (fused multiply-add). Terms whose left factor is zero are
/// skipped, which is exact for finite right factors (0·b = ±0, and a sum that
/// starts at +0 never becomes −0). Slow; tests compare every kernel set with
/// these bits (`KernelSetTests`).
enum ReferenceProducts {
    /// A·B, (m×k)·(k×n).
    static func dot(_ a: Matrix, _ b: Matrix) -> Matrix {
        precondition(a.columns == b.rows)
        var out = [Double](repeating: 0, count: a.rows * b.columns)
        let (k, n) = (a.columns, b.columns)
        for i in 0..<a.rows {
            for p in 0..<k where a.values[i * k + p] != 0 {
                let x = a.values[i * k + p]
                for j in 0..<n { out[i * n + j] = out[i * n + j].addingProduct(x, b.values[p * n + j]) }
            }
        }
        return Matrix(rows: a.rows, columns: n, values: out)
    }

    /// Aᵀ·B without forming Aᵀ, (m×k)ᵀ·(m×n): row p sums over the rows i of A ascending.
    static func transposedDot(_ a: Matrix, _ b: Matrix) -> Matrix {
        precondition(a.rows == b.rows)
        let (k, n) = (a.columns, b.columns)
        var out = [Double](repeating: 0, count: k * n)
        for i in 0..<a.rows {
            for p in 0..<k where a.values[i * k + p] != 0 {
                let x = a.values[i * k + p]
                for j in 0..<n { out[p * n + j] = out[p * n + j].addingProduct(x, b.values[i * n + j]) }
            }
        }
        return Matrix(rows: k, columns: n, values: out)
    }
}
