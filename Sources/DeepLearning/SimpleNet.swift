/// The book's `simpleNet` (section 4.4.1): one 2 × 3 weight matrix, no
/// bias, softmax output with cross-entropy loss. Used to show the
/// numerical gradient ∂L/∂W of a network.
public struct SimpleNet: Sendable, Equatable {
    /// The weight matrix W (inputs × classes, 2 × 3 in the book).
    public var w: Matrix

    /// A network with the given weights.
    public init(w: Matrix) {
        self.w = w
    }

    /// A network with W ~ N(0, 1) (numpy `np.random.randn(2, 3)`), drawn
    /// from `generator` in row-major order.
    public init(inputSize: Int = 2, outputSize: Int = 3, using generator: inout SeededGenerator) {
        self.w = .randomNormal(rows: inputSize, columns: outputSize, using: &generator)
    }

    /// The scores x·W (before softmax). O(inputs × classes).
    public func predict(_ x: [Double]) -> [Double] {
        dot(x, w)
    }

    /// L = cross-entropy(softmax(x·W), t).
    public func loss(x: [Double], t: [Double]) -> Double {
        crossEntropyError(softmax(predict(x)), t)
    }

    /// ∂L/∂W by central differences (h = 1e-4) at copies of W; `self` is
    /// not modified. O(inputs × classes) loss evaluations.
    public func numericalGradient(x: [Double], t: [Double]) -> Matrix {
        DeepLearning.numericalGradient(of: { SimpleNet(w: $0).loss(x: x, t: t) }, at: w)
    }
}
