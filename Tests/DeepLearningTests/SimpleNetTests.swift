import Testing
@testable import DeepLearning

private let bookW = Matrix([[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]])
private let x = [0.6, 0.9]
private let t = [0.0, 0.0, 1.0]

@Test func simpleNetPredictsLikeTheBook() {
    let net = SimpleNet(w: bookW)
    let p = net.predict(x)
    // The book prints 8 significant digits; tolerance 5e-9.
    for (a, b) in zip(p, [1.05414809, 0.63071653, 1.1328074]) { #expect(abs(a - b) < 5e-9) }
    #expect(argmax(p) == 2)
    // The book prints 0.92806853663411326, computed from its unrounded random W;
    // with the 8-digit W it prints, numpy gives 0.9280682857864075 (tolerance 1e-15),
    // and the book's value is reached to 3e-7 (the effect of rounding W).
    let loss = net.loss(x: x, t: t)
    #expect(abs(loss - 0.9280682857864075) < 1e-15)
    #expect(abs(loss - 0.92806853663411326) < 3e-7)
}

@Test func simpleNetNumericalGradientMatchesTheBook() {
    let net = SimpleNet(w: bookW)
    let dW = net.numericalGradient(x: x, t: t)
    // The book's printed ∂L/∂W comes from its unrounded W: agreement to 2e-7.
    let book = [0.21924763, 0.14356247, -0.36281009, 0.32887144, 0.2153437, -0.54421514]
    for (a, b) in zip(dW.values, book) { #expect(abs(a - b) < 2e-7, "\(a) vs \(b)") }
    // numpy, same loop on the printed W: tolerance 1e-10 (rounding of (L+ − L−)/2h ≈ 1e-12).
    let numpy = [0.2192475712392561, 0.14356242984070455, -0.3628100010055757,
                 0.3288713569016277, 0.21534364482433954, -0.5442150014745017]
    for (a, b) in zip(dW.values, numpy) { #expect(abs(a - b) < 1e-10, "\(a) vs \(b)") }
    #expect(net.w == bookW)  // not mutated
}

@Test func simpleNetRandomInitIsSeeded() {
    var g1 = SeededGenerator(seed: 42), g2 = SeededGenerator(seed: 42)
    #expect(SimpleNet(using: &g1) == SimpleNet(using: &g2))
    #expect(SimpleNet(using: &g1).w.shape == [2, 3])
}
