import Testing
@testable import DeepLearning

/// The book's example (section 4.2): t is one-hot at index 2.
private let t: [Double] = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
private let yGood: [Double] = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
private let yBad: [Double] = [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]

@Test func sumSquaredErrorMatchesTheBook() {
    // The book prints 0.097500000000000031 and 0.59750000000000003; tolerance 1e-15.
    #expect(abs(sumSquaredError(yGood, t) - 0.0975) < 1e-15)
    #expect(abs(sumSquaredError(yBad, t) - 0.5975) < 1e-15)
}

@Test func crossEntropyErrorMatchesTheBook() {
    // The book prints 0.51082545709933802 and 2.3025840929945458; tolerance 1e-15.
    #expect(abs(crossEntropyError(yGood, t) - 0.51082545709933802) < 1e-15)
    #expect(abs(crossEntropyError(yBad, t) - 2.3025840929945458) < 1e-15)
}
