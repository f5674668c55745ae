/// The book's `TwoLayerNet` (section 4.5): affine → sigmoid → affine →
/// softmax, trained with cross-entropy loss.
///
///     a1 = x·W1 + b1,  z1 = σ(a1),  a2 = z1·W2 + b2,  y = softmax(a2)
///
/// Inputs are rows of `x` (batch × inputSize); targets are one-hot rows of
/// `t` (batch × outputSize) or label indices.
public struct TwoLayerNet: Sendable, Equatable {
    /// First-layer weights, inputSize × hiddenSize.
    public var w1: Matrix
    /// First-layer biases, hiddenSize.
    public var b1: [Double]
    /// Second-layer weights, hiddenSize × outputSize.
    public var w2: Matrix
    /// Second-layer biases, outputSize.
    public var b2: [Double]

    /// The book's `weight_init_std = 0.01`: small weights keep the sigmoid
    /// in its linear range at the start, so the first gradients neither
    /// vanish nor saturate.
    public static let defaultWeightInitStd = 0.01

    /// The gradient of the loss with respect to every parameter, shaped
    /// like the parameters.
    public struct Gradients: Sendable, Equatable {
        public var w1: Matrix
        public var b1: [Double]
        public var w2: Matrix
        public var b2: [Double]

        public init(w1: Matrix, b1: [Double], w2: Matrix, b2: [Double]) {
            self.w1 = w1; self.b1 = b1; self.w2 = w2; self.b2 = b2
        }

        /// All components in the order w1, b1, w2, b2 (for norms and comparisons).
        public var flattened: [Double] { w1.values + b1 + w2.values + b2 }

        /// Whether every component is finite.
        public var isFinite: Bool { flattened.allSatisfy { $0.isFinite } }
    }

    /// Name and numpy-style shape of one parameter, for a "shapes" table.
    public struct ParameterShape: Sendable, Equatable {
        /// `"W1"`, `"b1"`, `"W2"` or `"b2"`, as the book names them.
        public var name: String
        /// `[rows, columns]` for a matrix, `[count]` for a bias vector.
        public var shape: [Int]
    }

    /// A network with the given parameters.
    /// - Precondition: the shapes fit together.
    public init(w1: Matrix, b1: [Double], w2: Matrix, b2: [Double]) {
        precondition(b1.count == w1.columns, "b1 has \(b1.count) entries for \(w1.columns) hidden units")
        precondition(w2.rows == w1.columns, "W2 has \(w2.rows) rows for \(w1.columns) hidden units")
        precondition(b2.count == w2.columns, "b2 has \(b2.count) entries for \(w2.columns) outputs")
        self.w1 = w1; self.b1 = b1; self.w2 = w2; self.b2 = b2
    }

    /// The book's initialisation: W1, W2 ~ N(0, weightInitStd²) (W1 drawn
    /// first, row-major), b1 = b2 = 0.
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int,
        weightInitStd: Double = TwoLayerNet.defaultWeightInitStd,
        using generator: inout SeededGenerator
    ) {
        let w1 = Matrix.randomNormal(rows: inputSize, columns: hiddenSize, standardDeviation: weightInitStd, using: &generator)
        let w2 = Matrix.randomNormal(rows: hiddenSize, columns: outputSize, standardDeviation: weightInitStd, using: &generator)
        self.init(w1: w1, b1: Array(repeating: 0, count: hiddenSize),
                  w2: w2, b2: Array(repeating: 0, count: outputSize))
    }

    public var inputSize: Int { w1.rows }
    public var hiddenSize: Int { w1.columns }
    public var outputSize: Int { w2.columns }

    /// Shapes of W1, b1, W2, b2 (e.g. [784, 50], [50], [50, 10], [10]).
    public var parameterShapes: [ParameterShape] {
        [ParameterShape(name: "W1", shape: w1.shape), ParameterShape(name: "b1", shape: [b1.count]),
         ParameterShape(name: "W2", shape: w2.shape), ParameterShape(name: "b2", shape: [b2.count])]
    }

    /// Total number of parameters.
    public var parameterCount: Int { w1.count + b1.count + w2.count + b2.count }

    /// Whether every parameter is finite.
    public var isFinite: Bool {
        w1.isFinite && w2.isFinite && b1.allSatisfy(\.isFinite) && b2.allSatisfy(\.isFinite)
    }

    /// The intermediate values of one forward pass.
    struct Forward {
        var a1: Matrix
        var z1: Matrix
        var a2: Matrix
    }

    /// a1, z1 and a2 for a batch. O(batch × (in·hidden + hidden·out)).
    func forward(_ x: Matrix, backend: MatrixBackend = .inScope) -> Forward {
        precondition(x.columns == inputSize, "input has \(x.columns) columns, the network expects \(inputSize)")
        let a1 = x.dot(w1, backend: backend) + b1
        let z1 = sigmoid(a1)
        let a2 = z1.dot(w2, backend: backend) + b2
        return Forward(a1: a1, z1: z1, a2: a2)
    }

    /// Class probabilities y = softmax(σ(x·W1 + b1)·W2 + b2), one row per sample.
    public func predict(_ x: Matrix) -> Matrix {
        softmax(forward(x).a2)
    }

    /// Mean cross-entropy of ``predict(_:)`` against one-hot targets `t`.
    public func loss(x: Matrix, t: Matrix) -> Double {
        crossEntropyError(predict(x), t)
    }

    /// Mean cross-entropy of ``predict(_:)`` against label indices.
    public func loss(x: Matrix, labels: [Int]) -> Double {
        crossEntropyError(predict(x), labels: labels)
    }


    /// Predicted class of every row: the arg-max of the scores a2 (softmax
    /// is increasing, so this is the arg-max of ``predict(_:)`` too).
    public func predictedLabels(_ x: Matrix) -> [Int] {
        predictedLabels(x, configuration: .machine)
    }

    /// ``predictedLabels(_:)`` computed as `configuration` says (the same labels every way).
    func predictedLabels(_ x: Matrix, configuration: ComputeConfiguration) -> [Int] {
        if configuration.fused, x.columns == inputSize, hiddenSize > 0, outputSize > 0, inputSize > 0 {
            return predictedLabelsAVX2(x, configuration: configuration)
        }
        return forward(x, backend: configuration.backend).a2.argmaxOfRows()
    }

    /// Fraction of rows whose predicted class equals the label.
    public func accuracy(x: Matrix, labels: [Int]) -> Double {
        accuracy(x: x, labels: labels, configuration: .machine)
    }

    /// ``accuracy(x:labels:)`` computed as `configuration` says.
    func accuracy(x: Matrix, labels: [Int], configuration: ComputeConfiguration) -> Double {
        precondition(labels.count == x.rows, "\(labels.count) labels for \(x.rows) rows")
        guard x.rows > 0 else { return 0 }
        let predicted = predictedLabels(x, configuration: configuration)
        let correct = zip(predicted, labels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        return Double(correct) / Double(x.rows)
    }

    /// Fraction of rows whose predicted class equals the arg-max of `t`.
    public func accuracy(x: Matrix, t: Matrix) -> Double {
        accuracy(x: x, labels: t.argmaxOfRows())
    }

    /// The network after one gradient-descent step θ ← θ − η ∂L/∂θ.
    public func updated(by g: Gradients, learningRate: Double) -> TwoLayerNet {
        var next = self
        next.w1 = w1 - g.w1 * learningRate
        next.w2 = w2 - g.w2 * learningRate
        for i in b1.indices { next.b1[i] -= learningRate * g.b1[i] }
        for i in b2.indices { next.b2[i] -= learningRate * g.b2[i] }
        return next
    }
}
