/// A dense, row-major matrix of `Double` — the numeric workhorse of the
/// book's chapter 3–4 code (what the book does with 2-D `numpy` arrays).
///
/// Element (r, c) lives at `values[r * columns + c]`. A vector is either a
/// plain `[Double]` or a 1 × n matrix (a "row vector").
///
/// `Matrix` is a value type: every operation returns a new matrix and never
/// mutates its operands (copy-on-write through the underlying array).
public struct Matrix: Sendable, Equatable, CustomStringConvertible {
    /// Number of rows.
    public var rows: Int
    /// Number of columns.
    public var columns: Int
    /// The elements in row-major order; `values.count == rows * columns`.
    public var values: [Double]

    /// A `rows` × `columns` matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.values = Array(repeating: value, count: rows * columns)
    }

    /// A matrix taking its elements from `values` in row-major order.
    ///
    /// - Precondition: `values.count == rows * columns`.
    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        precondition(values.count == rows * columns,
                     "\(values.count) values do not fill a \(rows)×\(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix from nested rows, `Matrix([[1, 2], [3, 4]])`.
    ///
    /// - Precondition: all rows have the same length.
    public init(_ rows: [[Double]]) {
        let columns = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columns }, "all rows must have the same length")
        self.init(rows: rows.count, columns: columns, values: rows.flatMap { $0 })
    }

    /// A 1 × n row vector.
    public init(rowVector: [Double]) {
        self.init(rows: 1, columns: rowVector.count, values: rowVector)
    }

    /// The shape `[rows, columns]`, as numpy's `.shape` prints it.
    public var shape: [Int] { [rows, columns] }

    /// Number of elements, `rows * columns`.
    public var count: Int { values.count }

    /// Element at row `r`, column `c` (0-based). Bounds are checked.
    public subscript(r: Int, c: Int) -> Double {
        get {
            precondition(r >= 0 && r < rows && c >= 0 && c < columns, "index (\(r), \(c)) out of range \(rows)×\(columns)")
            return values[r * columns + c]
        }
        set {
            precondition(r >= 0 && r < rows && c >= 0 && c < columns, "index (\(r), \(c)) out of range \(rows)×\(columns)")
            values[r * columns + c] = newValue
        }
    }

    /// Row `r` as an array (a copy).
    public func row(_ r: Int) -> [Double] {
        precondition(r >= 0 && r < rows, "row \(r) out of range 0..<\(rows)")
        return Array(values[(r * columns)..<((r + 1) * columns)])
    }

    /// Column `c` as an array (a copy).
    public func column(_ c: Int) -> [Double] {
        precondition(c >= 0 && c < columns, "column \(c) out of range 0..<\(columns)")
        return (0..<rows).map { values[$0 * columns + c] }
    }

    /// The rows listed in `indices`, in that order (numpy's `x[batch_mask]`).
    /// Indices may repeat. O(indices.count × columns).
    public func rows(_ indices: [Int]) -> Matrix {
        var out = [Double](repeating: 0, count: indices.count * columns)
        let n = columns
        values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for (i, r) in indices.enumerated() {
                    precondition(r >= 0 && r < rows, "row \(r) out of range 0..<\(rows)")
                    for c in 0..<n { dst[i * n + c] = src[r * n + c] }
                }
            }
        }
        return Matrix(rows: indices.count, columns: columns, values: out)
    }

    /// The matrix with `transform` applied to every element.
    public func map(_ transform: (Double) throws -> Double) rethrows -> Matrix {
        Matrix(rows: rows, columns: columns, values: try values.map(transform))
    }

    /// The transpose Aᵀ, with Aᵀ[c, r] = A[r, c]. O(rows × columns).
    public func transposed() -> Matrix {
        var out = [Double](repeating: 0, count: values.count)
        let (m, n) = (rows, columns)
        values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for r in 0..<m {
                    for c in 0..<n { dst[c * m + r] = src[r * n + c] }
                }
            }
        }
        return Matrix(rows: columns, columns: rows, values: out)
    }

    /// Whether every element is finite (no NaN, no ±∞).
    public var isFinite: Bool { values.allSatisfy { $0.isFinite } }

    public var description: String {
        (0..<rows).map { "[" + row($0).map { "\($0)" }.joined(separator: ", ") + "]" }
            .joined(separator: "\n")
    }
}
