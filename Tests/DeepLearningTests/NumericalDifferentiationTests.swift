import Testing
@testable import DeepLearning

/// The book's `0.01*x**2 + 0.1*x`, in the same evaluation order.
private func function1(_ x: Double) -> Double { 0.01 * (x * x) + 0.1 * x }
private func function2(_ x: [Double]) -> Double { x[0] * x[0] + x[1] * x[1] }

@Test func derivativeMatchesTheBookToTheLastDigit() {
    // Exact: the printed shortest round-trip string must equal the book's.
    #expect("\(numericalDerivative(of: function1, at: 5))" == "0.1999999999990898")
    #expect("\(numericalDerivative(of: function1, at: 10))" == "0.2999999999986347")
}

@Test func partialDerivativesMatchTheBook() {
    // Exact strings, as the book prints them (function_tmp1 / function_tmp2).
    #expect("\(numericalDerivative(of: { x0 in x0 * x0 + 4.0 * 4.0 }, at: 3.0))" == "6.00000000000378")
    #expect("\(numericalDerivative(of: { x1 in 3.0 * 3.0 + x1 * x1 }, at: 4.0))" == "7.999999999999119")
}

@Test func forwardDifferenceIsLessAccurate() {
    // Tolerances: central error O(h²) ≈ 1e-8·f''', forward error ≈ h/2·f'' = 1e-6.
    let central = numericalDerivative(of: function1, at: 5)
    let forward = numericalDerivative(of: function1, at: 5, method: .forward)
    #expect(abs(central - 0.2) < 1e-10)
    #expect(abs(forward - 0.2) > abs(central - 0.2))
    #expect(abs(forward - 0.2) < 2e-6)
}

@Test func tinyStepUnderflowsInFloat() {
    // 1e-50 is below Float's smallest subnormal: it is exactly 0, and the
    // derivative with h = 0 is reported as NaN (0/0), not as a number.
    let h = Float("1e-50")!
    #expect(h == 0)
    #expect(numericalDerivativeFloat(of: { $0 * $0 }, at: 1, h: h).isNaN)
    // In Double 1e-50 survives, but 1 ± 1e-50 == 1, so the result is 0 exactly.
    #expect(numericalDerivative(of: { $0 * $0 }, at: 1, h: 1e-50) == 0)
    // With a sensible step Float works (tolerance 1e-2: float32 rounding / h).
    #expect(abs(numericalDerivativeFloat(of: { $0 * $0 }, at: 1, h: 1e-2) - 2) < 1e-2)
}

@Test func numericalGradientOfTheSumOfSquares() {
    // Tolerance 1e-6: central differences on a quadratic are exact up to rounding (~1e-11).
    for (point, expected) in [([3.0, 4.0], [6.0, 8.0]), ([0.0, 2.0], [0.0, 4.0]), ([3.0, 0.0], [6.0, 0.0])] {
        let g = numericalGradient(of: function2, at: point)
        #expect(zip(g, expected).allSatisfy { abs($0 - $1) < 1e-6 }, "\(point): \(g)")
    }
}

@Test func numericalGradientDoesNotMutateTheCallersData() {
    let x = [3.0, 4.0]
    var seen: [[Double]] = []
    _ = numericalGradient(of: { seen.append($0); return function2($0) }, at: x)
    #expect(x == [3.0, 4.0])
    #expect(seen.count == 4)
    #expect(seen[0] == [3.0001, 4.0] && seen[3] == [3.0, 3.9999])
}

@Test func numericalGradientOfAMatrixFunction() {
    // f(W) = Σ W², ∂f/∂W = 2W; tolerance 1e-6.
    let w = Matrix([[1, -2], [0.5, 3]])
    let g = numericalGradient(of: { $0.values.reduce(0) { $0 + $1 * $1 } }, at: w)
    #expect(zip(g.values, w.values).allSatisfy { abs($0 - 2 * $1) < 1e-6 })
    #expect(g.shape == [2, 2])
}
