/// Which finite difference approximates the derivative.
public enum DifferenceMethod: Sendable, Equatable, CaseIterable {
    /// (f(x+h) − f(x−h)) / 2h — error O(h²), the book's `numerical_diff`.
    case central
    /// (f(x+h) − f(x)) / h — error O(h), the naive version the book warns about.
    case forward
}

/// The step the book recommends, h = 10⁻⁴: small enough that the O(h²)
/// truncation error of the central difference is ~10⁻⁸, large enough that
/// the rounding error of f(x±h) (~10⁻¹⁶ · |f| / h) stays ~10⁻¹².
public let defaultDifferenceStep = 1e-4

/// Numerical derivative of f at x by a finite difference with step `h`.
///
/// Evaluates f twice. With h = 1e-4 and `.central`, the derivative of
/// 0.01x² + 0.1x at 5 is 0.1999999999990898, exactly as the book prints.
///
/// Caveat: h = 0 gives 0/0 = NaN; a tiny h (e.g. 1e-50) in `Double` does
/// not underflow but x ± h == x, so the result is 0 — the rounding error
/// the book warns about.
public func numericalDerivative(
    of f: (Double) -> Double, at x: Double,
    h: Double = defaultDifferenceStep, method: DifferenceMethod = .central
) -> Double {
    switch method {
    case .central: return (f(x + h) - f(x - h)) / (2 * h)
    case .forward: return (f(x + h) - f(x)) / h
    }
}

/// Single-precision ``numericalDerivative(of:at:h:method:)``, to show the
/// rounding problem of the book's `np.float32(1e-50)` example.
///
/// 1e-50 is below the smallest `Float` subnormal (~1.4e-45), so
/// `Float(1e-50)` is exactly 0. With h = 0 this function returns **NaN**
/// (the honest 0/0 of the formula — there is no derivative information);
/// it does not substitute 0. With a tiny but non-zero h where x ± h == x it
/// returns 0.
public func numericalDerivativeFloat(
    of f: (Float) -> Float, at x: Float,
    h: Float = Float(defaultDifferenceStep), method: DifferenceMethod = .central
) -> Float {
    switch method {
    case .central: return (f(x + h) - f(x - h)) / (2 * h)
    case .forward: return (f(x + h) - f(x)) / h
    }
}

/// Numerical gradient ∇f(x) = (∂f/∂x₀, …, ∂f/∂xₙ₋₁) by central differences,
/// one coordinate at a time (the book's `numerical_gradient`).
///
/// Evaluates f 2n times at copies of `x`; the caller's array is never
/// mutated (`f` receives a private copy whose element i is x[i] ± h).
/// O(n · cost(f)).
public func numericalGradient(
    of f: ([Double]) -> Double, at x: [Double], h: Double = defaultDifferenceStep
) -> [Double] {
    var probe = x  // our own copy; x itself is immutable here
    var grad = [Double](repeating: 0, count: x.count)
    for i in x.indices {
        let original = probe[i]
        probe[i] = original + h
        let fPlus = f(probe)
        probe[i] = original - h
        let fMinus = f(probe)
        probe[i] = original
        grad[i] = (fPlus - fMinus) / (2 * h)
    }
    return grad
}

/// Numerical gradient of a function of a matrix: element (r, c) of the
/// result is ∂f/∂W[r, c] by central differences. Same caveats and cost as
/// ``numericalGradient(of:at:h:)`` with n = rows × columns.
public func numericalGradient(
    of f: (Matrix) -> Double, at w: Matrix, h: Double = defaultDifferenceStep
) -> Matrix {
    let g = numericalGradient(of: { f(Matrix(rows: w.rows, columns: w.columns, values: $0)) }, at: w.values, h: h)
    return Matrix(rows: w.rows, columns: w.columns, values: g)
}
