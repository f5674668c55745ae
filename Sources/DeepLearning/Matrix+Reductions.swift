/// Reductions: sums along an axis and the row-wise arg-max.
public enum Axis: Sendable, Equatable {
    /// Down the columns: one result per column (numpy `axis=0`).
    case rows
    /// Along each row: one result per row (numpy `axis=1`).
    case columns
}

extension Matrix {
    /// Sum of all elements. O(rows × columns).
    public func sum() -> Double { values.reduce(0, +) }

    /// Sums along an axis: `.rows` (numpy `axis=0`) gives `columns` sums, one
    /// per column — the bias gradient `db = Σᵢ dY[i, :]`; `.columns` (numpy
    /// `axis=1`) gives `rows` sums, one per row. O(rows × columns).
    public func sum(along axis: Axis) -> [Double] {
        switch axis {
        case .rows:
            var out = [Double](repeating: 0, count: columns)
            for r in 0..<rows {
                for c in 0..<columns { out[c] += values[r * columns + c] }
            }
            return out
        case .columns:
            return (0..<rows).map { r in
                var s = 0.0
                for c in 0..<columns { s += values[r * columns + c] }
                return s
            }
        }
    }

    /// For each row, the column index of its largest element (numpy
    /// `argmax(axis=1)`); ties go to the first such column, NaN never wins.
    public func argmaxOfRows() -> [Int] {
        (0..<rows).map { r in argmax(values[(r * columns)..<((r + 1) * columns)]) }
    }
}

/// Index (0-based, relative to the start of `x`) of the largest element;
/// the first one on ties, like `np.argmax`. Returns 0 for an empty input.
public func argmax<C: Collection>(_ x: C) -> Int where C.Element == Double {
    var best = 0
    var bestValue = -Double.infinity
    var first = true
    for (i, v) in x.enumerated() where first || v > bestValue {
        best = i
        bestValue = v
        first = false
    }
    return best
}
