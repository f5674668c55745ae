import DeepLearning

extension Directive {
    /// Section 4.2: the sum-of-squares and cross-entropy errors of one or more
    /// predictions `y` against a target `t`.
    public static let loss = Directive(
        name: "loss",
        summary: "sum-of-squares and cross-entropy error of predictions y against a target t",
        parameters: [
            ParameterSpec("y", .vectors, doc: "a prediction (probabilities), or a list of predictions to compare"),
            ParameterSpec("t", .numbers(.any), doc: "the target: one-hot list, or the index of the correct label"),
            ParameterSpec("functions", .choices(LossFunction.allNames), default: "[mse, cross-entropy]",
                          doc: "which losses to compute: mse (sum of squares, ½Σ(y−t)²) and cross-entropy (−Σ t log(y+1e-7))"),
        ],
        example: """
            y: [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
            t: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
            functions: [mse, cross-entropy]
            caption: Both losses are small when the prediction agrees with the target
            """,
        check: { arguments in
            let ys = arguments.points("y"), t = arguments.numbers("t")
            var problems: [ArgumentProblem] = []
            if let bad = ys.firstIndex(where: { $0.count != ys[0].count }) {
                problems.append(ArgumentProblem(parameter: "y", message: "prediction \(bad + 1) has \(ys[bad].count) values, prediction 1 has \(ys[0].count)"))
            }
            if t.count == 1 {
                let index = t[0]
                if index != index.rounded() || index < 0 || Int(index) >= ys[0].count {
                    problems.append(ArgumentProblem(parameter: "t", message: "label index \(formatNumber(index)) is not in 0..<\(ys[0].count)",
                                                    hint: "give the index of the correct class, or a one-hot list as long as y"))
                }
            } else if t.count != ys[0].count {
                problems.append(ArgumentProblem(parameter: "t", message: "t has \(t.count) values but y has \(ys[0].count)",
                                                hint: "y and t must have the same length (or give t as one label index)"))
            }
            return problems
        },
        run: { arguments, _ in
            let ys = arguments.points("y")
            let target = LossDirectiveSupport.oneHot(arguments.numbers("t"), length: ys[0].count)
            let functions = arguments.words("functions").compactMap(LossFunction.init(rawValue:))
            var outputs: [CellOutput] = []
            var rows: [[TableCell]] = []
            for (i, y) in ys.enumerated() {
                let suffix = ys.count > 1 ? " (y\(i + 1))" : ""
                var row: [TableCell] = [.text(ys.count > 1 ? "y\(i + 1)" : "y"), .text(String(argmax(y))), .number(y[argmax(target)])]
                for function in functions {
                    let value = function.evaluate(y, target)
                    outputs.append(.value(name: function.valueName + suffix, value: value))
                    row.append(.number(value))
                }
                rows.append(row)
            }
            outputs.append(.table(OutputTable(
                name: "losses",
                columns: ["prediction", "argmax y", "y at the target"] + functions.map(\.title),
                rows: rows)))
            outputs.append(.figure(LossFigure.bars(ys: ys, target: target)))
            return outputs
        }
    )
}

/// The loss functions the `loss` directive knows, by their names in cells.
enum LossFunction: String, CaseIterable {
    case mse
    case crossEntropy = "cross-entropy"

    static var allNames: [String] { allCases.map(\.rawValue) }

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

    func evaluate(_ y: [Double], _ t: [Double]) -> Double {
        switch self {
        case .mse: return sumSquaredError(y, t)
        case .crossEntropy: return crossEntropyError(y, t)
        }
    }
}

enum LossDirectiveSupport {
    /// `t` as a one-hot vector: given as a label index or already one-hot.
    static func oneHot(_ t: [Double], length: Int) -> [Double] {
        guard t.count == 1 else { return t }
        var v = [Double](repeating: 0, count: length)
        v[Int(t[0])] = 1
        return v
    }
}
