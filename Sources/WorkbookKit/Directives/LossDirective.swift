import DeepLearning

/// Section 4.2: the sum-of-squares and cross-entropy errors of one or more
/// predictions `y` against a target `t`.
enum LossDirective: DirectiveDefinition {
    static let name = "loss"
    static let summary = "sum-of-squares and cross-entropy error of predictions y against a target t"
    static let example = """
        y: [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
        t: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
        functions: [mse, cross-entropy]
        caption: Both losses are small when the prediction agrees with the target
        """

    struct Parameters: DirectiveParameters {
        @Parameter(.vectors, limits: .atMost(LossDirective.maximumPredictions),
                   doc: "a prediction (probabilities), or a list of predictions to compare")
        var y: [[Double]]
        @Parameter(.numbers(.any), doc: "the target: one-hot list, or the index of the correct label")
        var t: [Double]
        @Parameter(.choices(LossFunction.allNames), default: "[mse, cross-entropy]",
                   doc: "which losses to compute: mse (sum of squares, ½Σ(y−t)²) and cross-entropy (−Σ t log(y+1e-7))")
        var functions: [LossFunction]
    }

    /// Predictions drawn as bars side by side; more would not be readable.
    static let maximumPredictions = 12
    /// Classes per prediction: one bar each (the book's outputs have 10). A prediction of
    /// tens of thousands of values drew as many bars and took seconds per build.
    static let maximumClasses = 1000

    static func check(_ p: Parameters, common: CommonParameters) -> [ArgumentProblem] {
        let ys = p.y, t = p.t
        var problems: [ArgumentProblem] = []
        if let wide = ys.firstIndex(where: { $0.count > maximumClasses }) {
            return [ArgumentProblem(at: p.$y, message: "prediction \(wide + 1) has \(ys[wide].count) values; at most \(maximumClasses) classes are drawn",
                                    hint: "a prediction has one probability per class (10 for MNIST)")]
        }
        if t.count > maximumClasses {
            return [ArgumentProblem(at: p.$t, message: "the target has \(t.count) values; at most \(maximumClasses) classes are drawn")]
        }
        if let bad = ys.firstIndex(where: { $0.count != ys[0].count }) {
            problems.append(ArgumentProblem(at: p.$y, message: "prediction \(bad + 1) has \(ys[bad].count) values, prediction 1 has \(ys[0].count)"))
        }
        if t.count == 1 {
            let index = t[0]
            if index != index.rounded() || index < 0 || index >= Double(ys[0].count) {
                problems.append(ArgumentProblem(at: p.$t, message: "label index \(formatNumber(index)) is not in 0..<\(ys[0].count)",
                                                hint: "give the index of the correct class, or a one-hot list as long as y"))
            }
        } else if t.count != ys[0].count {
            problems.append(ArgumentProblem(at: p.$t, message: "t has \(t.count) values but y has \(ys[0].count)",
                                            hint: "y and t must have the same length (or give t as one label index)"))
        }
        return problems
    }

    /// A few arithmetic operations per value: always instant.
    static func estimate(_ p: Parameters, common: CommonParameters) -> Double {
        Double(p.y.reduce(0) { $0 + $1.count } * p.functions.count) * 1e-7
    }

    static func run(_ p: Parameters, context: RunContext) throws -> [CellOutput] {
        let ys = p.y
        let target = oneHot(p.t, length: ys[0].count)
        var outputs: [CellOutput] = []
        var rows: [[TableCell]] = []
        for (i, y) in ys.enumerated() {
            let suffix = ys.count > 1 ? " (y\(i + 1))" : ""
            var row: [TableCell] = [.text(ys.count > 1 ? "y\(i + 1)" : "y"), .text(String(argmax(y))), .number(y[argmax(target)])]
            for function in p.functions {
                let value = function.evaluate(y, target)
                outputs.append(.value(key: "y[\(i)].\(function.key)", name: function.valueName + suffix, value: value))
                row.append(.number(value))
            }
            rows.append(row)
        }
        outputs.append(.table(OutputTable(
            name: "losses",
            columns: ["prediction", "argmax y", "y at the target"] + p.functions.map(\.title),
            rows: rows)))
        outputs.append(.figure(LossFigure.bars(ys: ys, target: target)))
        return outputs
    }

    /// `t` as a one-hot vector: given as a label index or already one-hot.
    static func oneHot(_ t: [Double], length: Int) -> [Double] {
        guard t.count == 1 else { return t }
        var v = [Double](repeating: 0, count: length)
        v[Int(t[0])] = 1
        return v
    }
}

/// The loss functions the `loss` directive knows, by their names in cells.
enum LossFunction: String, ChoiceParameter {
    case mse
    case crossEntropy = "cross-entropy"

    var title: String {
        switch self {
        case .mse: return "sum of squares (2乗和誤差)"
        case .crossEntropy: return "cross-entropy (交差エントロピー誤差)"
        }
    }

    var valueName: String {
        switch self {
        case .mse: return "sum-of-squares"
        case .crossEntropy: return "cross-entropy"
        }
    }

    /// The name in the record's machine keys (`y[0].cross_entropy`).
    var key: String {
        switch self {
        case .mse: return "sum_of_squares"
        case .crossEntropy: return "cross_entropy"
        }
    }

    func evaluate(_ y: [Double], _ t: [Double]) -> Double {
        switch self {
        case .mse: return sumSquaredError(y, t)
        case .crossEntropy: return crossEntropyError(y, t)
        }
    }
}
