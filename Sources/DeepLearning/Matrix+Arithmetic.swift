/// Element-wise arithmetic on matrices, scalar arithmetic, and numpy-style
/// broadcasting of a row vector over every row (used to add biases).
///
/// `*` is the element-wise (Hadamard) product as in numpy; the matrix
/// product is ``Matrix/dot(_:)``. All operations are O(rows × columns) and
/// return new matrices.
extension Matrix {
    /// Combines two same-shaped matrices element by element.
    /// - Precondition: equal shapes.
    public func zipMap(_ other: Matrix, _ op: (Double, Double) -> Double) -> Matrix {
        precondition(rows == other.rows && columns == other.columns,
                     "shape mismatch: \(rows)×\(columns) vs \(other.rows)×\(other.columns)")
        var out = values
        for i in out.indices { out[i] = op(out[i], other.values[i]) }
        return Matrix(rows: rows, columns: columns, values: out)
    }

    /// Combines every row with the same row vector `vector` (broadcasting a
    /// length-`columns` vector, like numpy's `A + b` for `b.shape == (n,)`).
    /// - Precondition: `vector.count == columns`.
    public func broadcastingRows(_ vector: [Double], _ op: (Double, Double) -> Double) -> Matrix {
        precondition(vector.count == columns, "row vector of length \(vector.count) does not broadcast over \(columns) columns")
        var out = values
        for r in 0..<rows {
            for c in 0..<columns { out[r * columns + c] = op(out[r * columns + c], vector[c]) }
        }
        return Matrix(rows: rows, columns: columns, values: out)
    }

    public static func + (a: Matrix, b: Matrix) -> Matrix { a.zipMap(b, +) }
    public static func - (a: Matrix, b: Matrix) -> Matrix { a.zipMap(b, -) }
    /// Element-wise (Hadamard) product, numpy's `a * b`.
    public static func * (a: Matrix, b: Matrix) -> Matrix { a.zipMap(b, *) }
    public static func / (a: Matrix, b: Matrix) -> Matrix { a.zipMap(b, /) }

    /// Adds the row vector `b` to every row (bias addition `x·W + b`).
    public static func + (a: Matrix, b: [Double]) -> Matrix { a.broadcastingRows(b, +) }
    public static func - (a: Matrix, b: [Double]) -> Matrix { a.broadcastingRows(b, -) }
    public static func * (a: Matrix, b: [Double]) -> Matrix { a.broadcastingRows(b, *) }
    public static func / (a: Matrix, b: [Double]) -> Matrix { a.broadcastingRows(b, /) }

    public static func + (a: Matrix, s: Double) -> Matrix { a.map { $0 + s } }
    public static func - (a: Matrix, s: Double) -> Matrix { a.map { $0 - s } }
    public static func * (a: Matrix, s: Double) -> Matrix { a.map { $0 * s } }
    public static func / (a: Matrix, s: Double) -> Matrix { a.map { $0 / s } }
    public static func + (s: Double, a: Matrix) -> Matrix { a.map { s + $0 } }
    public static func - (s: Double, a: Matrix) -> Matrix { a.map { s - $0 } }
    public static func * (s: Double, a: Matrix) -> Matrix { a.map { s * $0 } }
    public static func / (s: Double, a: Matrix) -> Matrix { a.map { s / $0 } }
    public static prefix func - (a: Matrix) -> Matrix { a.map { -$0 } }
}
