import Testing
@testable import DeepLearning

private func function2(_ x: [Double]) -> Double { x[0] * x[0] + x[1] * x[1] }

@Test func gradientDescentConvergesLikeTheBook() {
    let path = gradientDescent(of: function2, start: [-3, 4], learningRate: 0.1, steps: 100)
    #expect(path.count == 101)
    #expect(path[0] == [-3, 4])
    // numpy (same loop, bench-free check) gives [-6.111107928998789e-10, 8.148143905314271e-10];
    // tolerance 1e-24 absolute — i.e. identical to the last bits.
    #expect(abs(path[100][0] - -6.111107928998789e-10) < 1e-24)
    #expect(abs(path[100][1] - 8.148143905314271e-10) < 1e-24)
}

@Test func tooLargeLearningRateDivergesLikeTheBook() {
    let end = gradientDescent(of: function2, start: [-3, 4], learningRate: 10, steps: 100).last!
    // numpy gives [-25898374737328.363, -1295248616896.5398]; relative tolerance 1e-12.
    #expect(abs(end[0] / -25898374737328.363 - 1) < 1e-12)
    #expect(abs(end[1] / -1295248616896.5398 - 1) < 1e-12)
}

@Test func tooSmallLearningRateBarelyMoves() {
    let end = gradientDescent(of: function2, start: [-3, 4], learningRate: 1e-10, steps: 100).last!
    // numpy gives [-2.999999939999995, 3.9999999199999934]; tolerance 1e-12.
    #expect(abs(end[0] - -2.999999939999995) < 1e-12)
    #expect(abs(end[1] - 3.9999999199999934) < 1e-12)
}

@Test func gradientDescentWithAnAnalyticGradient() {
    // Exact gradient 2x, lr 0.1: x_k = 0.8^k x_0; tolerance 1e-12.
    let path = gradientDescent(start: [-3, 4], learningRate: 0.1, steps: 10) { x in x.map { 2 * $0 } }
    #expect(path.count == 11)
    #expect(abs(path[10][0] - -3 * pow08(10)) < 1e-12)
}

private func pow08(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 0.8 } }
