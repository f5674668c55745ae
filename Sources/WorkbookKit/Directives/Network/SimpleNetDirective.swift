import DeepLearning
import Foundation

/// Section 4.4.1: the book's `simpleNet` — one 2×3 weight matrix, softmax
/// and cross-entropy — and its gradient ∂L/∂W by central differences.
enum SimpleNetDirective: DirectiveDefinition {
    static let name = "simple-net"
    static let summary = "the book's simpleNet: prediction, softmax, loss and the numerical gradient ∂L/∂W of a 2×3 weight matrix"
    static let example = """
        W: [[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]]
        x: [0.6, 0.9]
        t: [0, 0, 1]
        caption: The book's simpleNet and its gradient
        """

    struct Parameters: DirectiveParameters {
        @Parameter(.matrix, doc: "the 2×3 weight matrix; when absent, random N(0, 1) from the seed (the book's np.random.randn(2, 3))")
        var W: [[Double]]?
        @Parameter(.vector, default: "[0.6, 0.9]", doc: "the input, 2 numbers")
        var x: [Double]
        @Parameter(.vector, default: "[0, 0, 1]", doc: "the one-hot target, 3 numbers")
        var t: [Double]
    }

    static func check(_ p: Parameters, common: CommonParameters) -> [ArgumentProblem] {
        var problems: [ArgumentProblem] = []
        if let w = p.W {
            let columns = w.first?.count ?? 0
            if w.count != 2 || columns != 3 {
                problems.append(ArgumentProblem(
                    at: p.$W, message: "W is \(w.count)×\(columns), simpleNet needs a 2×3 matrix",
                    hint: "write two rows of three numbers: [[a, b, c], [d, e, f]] (2 inputs × 3 classes)"))
            }
        }
        if p.x.count != 2 {
            problems.append(ArgumentProblem(at: p.$x, message: "x has \(p.x.count) numbers, simpleNet has 2 inputs",
                                            hint: "for example x: [0.6, 0.9]"))
        }
        let t = p.t
        if t.count != 3 {
            problems.append(ArgumentProblem(at: p.$t, message: "t has \(t.count) numbers, simpleNet has 3 classes",
                                            hint: "a one-hot list such as [0, 0, 1]"))
        } else if t.filter({ $0 == 1 }).count != 1 || !t.allSatisfy({ $0 == 0 || $0 == 1 }) {
            problems.append(ArgumentProblem(at: p.$t, message: "t is not one-hot",
                                            hint: "put a single 1 at the correct class and 0 elsewhere, e.g. [0, 0, 1]"))
        }
        problems += NetworkSupport.singleSeedProblem(common)
        return problems
    }

    /// Six weights, a few dozen operations: instant.
    static func estimate(_ p: Parameters, common: CommonParameters) -> Double { 0.001 }

    static func run(_ p: Parameters, context: RunContext) throws -> [CellOutput] {
        let x = p.x, t = p.t
        var outputs: [CellOutput] = []
        let net: SimpleNet
        if let w = p.W {
            net = SimpleNet(w: Matrix(w))
        } else {
            let seed = context.seeds[0]
            var generator = SeededGenerator(seed: seed)
            net = SimpleNet(using: &generator)
            outputs.append(.table(NetworkSupport.matrixTable(name: "W (random, seed \(seed))", net.w)))
        }
        let prediction = net.predict(x)
        let y = softmax(prediction)
        let predicted = argmax(prediction)
        for (i, v) in prediction.enumerated() { outputs.append(.value(key: "p[\(i)]", name: "p[\(i)]", value: v)) }
        outputs.append(.numbers(key: "y", name: "y = softmax(p)", values: y))
        outputs.append(.value(key: "argmax", name: "argmax(p)", value: Double(predicted), text: String(predicted)))
        outputs.append(.value(key: "loss", name: "loss", value: net.loss(x: x, t: t)))
        // The book prints −log y_k without the δ = 1e-7 its cross_entropy_error adds.
        let k = argmax(t)
        let lossWithoutDelta = -Foundation.log(y[k])
        outputs.append(.value(key: "loss_without_delta", name: "loss without δ", value: lossWithoutDelta))
        let dW = net.numericalGradient(x: x, t: t)
        outputs.append(.table(NetworkSupport.matrixTable(name: "dW = ∂L/∂W", dW)))
        for r in 0..<dW.rows {
            for c in 0..<dW.columns { outputs.append(.value(key: "dW[\(r)][\(c)]", name: "dW[\(r),\(c)]", value: dW[r, c])) }
        }
        // Only the book's own W has the book's printed numbers to compare with.
        if p.W != nil {
            outputs.append(.note("loss = −Σ t log(y + δ) with δ = 1e-7, as the book's cross_entropy_error and DeepLearning compute it; the book's printed 0.92806853663411326 and ∂L/∂W were computed without δ (−log y = \(formatNumber(lossWithoutDelta))), so they differ by about δ/y = \(formatNumber((1e-7 / y[k] * 1e10).rounded() / 1e10)): absolutely in the loss, relatively in ∂L/∂W."))
        }
        return outputs
    }
}
