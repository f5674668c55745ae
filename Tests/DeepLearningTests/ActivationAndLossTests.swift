import Testing
@testable import DeepLearning

@Test func softmaxIsStableForLargeInputs() {
    let y = softmax([1010, 1000, 990])
    // numpy (stable version) prints [9.99954600e-01, 4.53978686e-05, 2.06106005e-09]; tolerance 1e-12.
    #expect(abs(y[0] - 9.99954600e-01) < 1e-9)
    #expect(abs(y[1] - 4.53978686e-05) < 1e-12)
    #expect(abs(y[2] - 2.06106005e-09) < 1e-16)
    #expect(abs(y.reduce(0, +) - 1) < 1e-15)
    let m = softmax(Matrix([[1010, 1000, 990], [0.3, 2.9, 4.0]]))
    #expect(m.row(0) == y)
    // The book: softmax([0.3, 2.9, 4.0]) = [0.01821127, 0.24519181, 0.73659691]; tolerance 5e-9.
    for (a, b) in zip(m.row(1), [0.01821127, 0.24519181, 0.73659691]) { #expect(abs(a - b) < 5e-9) }
}

@Test func activations() {
    #expect(step([-1, 0, 2]) == [0, 0, 1])
    #expect(relu([-1, 0, 2]) == [0, 0, 2])
    #expect(sigmoid(0.0) == 0.5)
    // Tolerance 1e-12.
    #expect(abs(sigmoid(1.0) - 0.7310585786300049) < 1e-12)
    #expect(sigmoid(-1000.0) == 0 && sigmoid(1000.0) == 1)
    #expect(abs(sigmoidGradient(0.0) - 0.25) < 1e-15)
}

@Test func batchLossesAverageOverTheBatch() {
    let y = Matrix([[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0],
                    [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]])
    let t = oneHot([2, 2], classes: 10)
    // Mean of the book's single-sample values; tolerance 1e-15.
    #expect(abs(crossEntropyError(y, t) - (0.51082545709933802 + 2.3025840929945458) / 2) < 1e-15)
    #expect(abs(crossEntropyError(y, labels: [2, 2]) - crossEntropyError(y, t)) < 1e-15)
    #expect(abs(sumSquaredError(y, t) - (0.0975 + 0.5975) / 2) < 1e-15)
}
