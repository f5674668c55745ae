import Testing
@testable import DeepLearning

/// A seeded 6-4-3 network (weights N(0, 0.5²) so that gradients are not
/// tiny) and a batch of 5 samples with some exact zeros, like image pixels.
private func smallProblem() -> (TwoLayerNet, Matrix, [Int]) {
    var g = SeededGenerator(seed: 2024)
    var net = TwoLayerNet(inputSize: 6, hiddenSize: 4, outputSize: 3, weightInitStd: 0.5, using: &g)
    net.b1 = g.normals(count: 4, standardDeviation: 0.1)
    net.b2 = g.normals(count: 3, standardDeviation: 0.1)
    let x = Matrix(rows: 5, columns: 6, values: (0..<30).map { _ in
        let u = g.nextDouble()
        return u < 0.3 ? 0 : u })
    return (net, x, [0, 2, 1, 2, 0])
}

private func relativeError(_ a: [Double], _ b: [Double]) -> Double {
    let diff = zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
    let norm = b.map { $0 * $0 }.reduce(0, +).squareRoot()
    return diff / norm
}

@Test func backpropAgreesWithTheNumericalGradient() {
    let (net, x, labels) = smallProblem()
    let t = oneHot(labels, classes: 3)
    let backprop = net.gradient(x: x, t: t)
    let numerical = net.naiveNumericalGradient(x: x, t: t)
    // Relative error (2-norm) < 1e-6: central differences are O(h²) ≈ 1e-8 accurate.
    #expect(relativeError(backprop.flattened, numerical.flattened) < 1e-6)
    // Per parameter group as well.
    #expect(relativeError(backprop.w1.values, numerical.w1.values) < 1e-6)
    #expect(relativeError(backprop.b2, numerical.b2) < 1e-6)
    // Labels and one-hot give the same numbers (identical arithmetic).
    #expect(net.gradient(x: x, labels: labels) == backprop)
}

@Test func fastNumericalGradientEqualsTheNaiveOne() {
    let (net, x, labels) = smallProblem()
    let t = oneHot(labels, classes: 3)
    let fast = net.numericalGradient(x: x, t: t)
    let naive = net.naiveNumericalGradient(x: x, t: t)
    // Relative error (2-norm) < 1e-9: both are the same central difference,
    // differing only in rounding (~1e-16·|L|/h ≈ 1e-12 absolute).
    #expect(relativeError(fast.flattened, naive.flattened) < 1e-9)
    #expect(fast.w1.shape == [6, 4] && fast.b1.count == 4 && fast.w2.shape == [4, 3] && fast.b2.count == 3)
    // Exact zeros in the W1 row of a pixel that is 0 in every sample (no change at all).
    var blank = x
    for i in 0..<blank.rows { blank[i, 5] = 0 }
    #expect(net.numericalGradient(x: blank, t: t).w1.row(5) == [0, 0, 0, 0])
}

@Test func twoLayerNetShapesAndInitialisation() {
    var g = SeededGenerator(seed: 1)
    let net = TwoLayerNet(inputSize: 784, hiddenSize: 50, outputSize: 10, using: &g)
    #expect(net.parameterShapes == [
        .init(name: "W1", shape: [784, 50]), .init(name: "b1", shape: [50]),
        .init(name: "W2", shape: [50, 10]), .init(name: "b2", shape: [10]),
    ])
    #expect(net.parameterCount == 784 * 50 + 50 + 50 * 10 + 10)
    #expect(net.b1.allSatisfy { $0 == 0 } && net.b2.allSatisfy { $0 == 0 })
    // Sample std of 39 200 N(0, 0.01²) draws: within 2 % of 0.01.
    let w = net.w1.values
    let std = (w.map { $0 * $0 }.reduce(0, +) / Double(w.count)).squareRoot()
    #expect(abs(std - 0.01) < 2e-4)
}

@Test func predictLossAndAccuracy() {
    let (net, x, labels) = smallProblem()
    let y = net.predict(x)
    // Rows are probability vectors; tolerance 1e-15.
    for r in 0..<y.rows { #expect(abs(y.row(r).reduce(0, +) - 1) < 1e-15) }
    #expect(abs(net.loss(x: x, labels: labels) - net.loss(x: x, t: oneHot(labels, classes: 3))) < 1e-15)
    let acc = net.accuracy(x: x, labels: labels)
    #expect(acc == Double(zip(y.argmaxOfRows(), labels).filter { $0 == $1 }.count) / 5)
    #expect(net.accuracy(x: x, t: oneHot(labels, classes: 3)) == acc)
}

@Test func gradientStepLowersTheLoss() {
    let (net, x, labels) = smallProblem()
    let before = net.loss(x: x, labels: labels)
    let after = net.updated(by: net.gradient(x: x, labels: labels), learningRate: 0.1).loss(x: x, labels: labels)
    #expect(after < before)
}
