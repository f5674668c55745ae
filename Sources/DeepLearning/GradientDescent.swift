/// Gradient descent x ← x − η ∇f(x), repeated `steps` times from `start`
/// with ∇f given by `gradient` (the book's `gradient_descent`, but
/// returning the whole path).
///
/// Returns `steps + 1` points: `start` first, then the point after each
/// step. Nothing is clamped: with a too-large learning rate the path
/// diverges (the book's lr = 10 example reaches ~−2.6e13) and may reach
/// ±∞ or NaN — inspect the last point. O(steps · cost(gradient)).
public func gradientDescent(
    start: [Double], learningRate: Double, steps: Int,
    gradient: ([Double]) -> [Double]
) -> [[Double]] {
    precondition(steps >= 0, "steps must be non-negative")
    var x = start
    var path = [x]
    path.reserveCapacity(steps + 1)
    for _ in 0..<steps {
        let g = gradient(x)
        precondition(g.count == x.count, "gradient has \(g.count) components for a \(x.count)-dimensional point")
        for i in x.indices { x[i] -= learningRate * g[i] }
        path.append(x)
    }
    return path
}

/// Gradient descent on f with the gradient taken numerically by
/// ``numericalGradient(of:at:h:)`` (h = 1e-4) unless `gradient` is given.
/// Same path convention as ``gradientDescent(start:learningRate:steps:gradient:)``.
public func gradientDescent(
    of f: ([Double]) -> Double, start: [Double], learningRate: Double, steps: Int,
    gradient: (([Double]) -> [Double])? = nil
) -> [[Double]] {
    if let gradient {
        return gradientDescent(start: start, learningRate: learningRate, steps: steps, gradient: gradient)
    }
    return gradientDescent(start: start, learningRate: learningRate, steps: steps) {
        numericalGradient(of: f, at: $0)
    }
}
