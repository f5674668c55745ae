import DeepLearning
import Foundation

extension Directive {
    /// Section 4.4.1: the book's `simpleNet` — one 2×3 weight matrix, softmax
    /// and cross-entropy — and its gradient ∂L/∂W by central differences.
    public static let simpleNet = Directive(
        name: "simple-net",
        summary: "the book's simpleNet: prediction, softmax, loss and the numerical gradient ∂L/∂W of a 2×3 weight matrix",
        parameters: [
            ParameterSpec("W", .matrix, optional: true,
                          doc: "the 2×3 weight matrix; when absent, random N(0, 1) from the seed (the book's np.random.randn(2, 3))"),
            ParameterSpec("x", .vector, default: "[0.6, 0.9]", doc: "the input, 2 numbers"),
            ParameterSpec("t", .vector, default: "[0, 0, 1]", doc: "the one-hot target, 3 numbers"),
        ],
        example: """
            W: [[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]]
            x: [0.6, 0.9]
            t: [0, 0, 1]
            caption: The book's simpleNet and its gradient
            """,
        check: { arguments in
            var problems: [ArgumentProblem] = []
            if arguments.has("W") {
                let w = arguments.matrix("W")
                let columns = w.first?.count ?? 0
                if w.count != 2 || columns != 3 {
                    problems.append(ArgumentProblem(
                        parameter: "W", message: "W is \(w.count)×\(columns), simpleNet needs a 2×3 matrix",
                        hint: "write two rows of three numbers: [[a, b, c], [d, e, f]] (2 inputs × 3 classes)"))
                }
            }
            let x = arguments.numbers("x")
            if x.count != 2 {
                problems.append(ArgumentProblem(parameter: "x", message: "x has \(x.count) numbers, simpleNet has 2 inputs",
                                                hint: "for example x: [0.6, 0.9]"))
            }
            let t = arguments.numbers("t")
            if t.count != 3 {
                problems.append(ArgumentProblem(parameter: "t", message: "t has \(t.count) numbers, simpleNet has 3 classes",
                                                hint: "a one-hot list such as [0, 0, 1]"))
            } else if t.filter({ $0 == 1 }).count != 1 || !t.allSatisfy({ $0 == 0 || $0 == 1 }) {
                problems.append(ArgumentProblem(parameter: "t", message: "t is not one-hot",
                                                hint: "put a single 1 at the correct class and 0 elsewhere, e.g. [0, 0, 1]"))
            }
            problems += NetworkSupport.singleSeedProblem(arguments)
            return problems
        },
        run: { arguments, context in
            let x = arguments.numbers("x"), t = arguments.numbers("t")
            var outputs: [CellOutput] = []
            let net: SimpleNet
            if arguments.has("W") {
                net = SimpleNet(w: Matrix(arguments.matrix("W")))
            } else {
                let seed = context.seeds(arguments)[0]
                var generator = SeededGenerator(seed: seed)
                net = SimpleNet(using: &generator)
                outputs.append(.table(NetworkSupport.matrixTable(name: "W (random, seed \(seed))", net.w)))
            }
            let p = net.predict(x)
            let y = softmax(p)
            let predicted = argmax(p)
            for (i, v) in p.enumerated() { outputs.append(.value(name: "p[\(i)]", value: v)) }
            outputs.append(.numbers(name: "y = softmax(p)", values: y))
            outputs.append(.value(name: "argmax(p)", value: Double(predicted), text: String(predicted)))
            outputs.append(.value(name: "loss", value: net.loss(x: x, t: t)))
            // The book prints −log y_k without the δ = 1e-7 its cross_entropy_error adds.
            let k = argmax(t)
            let lossWithoutDelta = -Foundation.log(y[k])
            outputs.append(.value(name: "loss without δ", value: lossWithoutDelta))
            let dW = net.numericalGradient(x: x, t: t)
            outputs.append(.table(NetworkSupport.matrixTable(name: "dW = ∂L/∂W", dW)))
            for r in 0..<dW.rows {
                for c in 0..<dW.columns { outputs.append(.value(name: "dW[\(r),\(c)]", value: dW[r, c])) }
            }
            // Only the book's own W has the book's printed numbers to compare with.
            if arguments.has("W") {
                outputs.append(.note("loss = −Σ t log(y + δ) with δ = 1e-7, as the book's cross_entropy_error and DeepLearning compute it; the book's printed 0.92806853663411326 and ∂L/∂W were computed without δ (−log y = \(formatNumber(lossWithoutDelta))), so they differ by about δ/y = \(formatNumber((1e-7 / y[k] * 1e10).rounded() / 1e10)): absolutely in the loss, relatively in ∂L/∂W."))
            }
            return outputs
        }
    )
}
