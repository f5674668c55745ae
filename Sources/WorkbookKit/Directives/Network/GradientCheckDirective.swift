import DeepLearning

/// Section 4.5 / the book's `gradient_check.py`: the numerical gradient
/// against the backpropagation gradient of a TwoLayerNet, per parameter.
///
/// Uses ``TwoLayerNet/numericalGradient(x:t:h:)``, DeepLearning's fast
/// path (the same central differences, recomputing only the rows a
/// parameter changes), so 784-50-10 on 3 images takes well under a second;
/// ``estimate(_:common:)`` still refuses large batches through `timeout`.
enum GradientCheckDirective: DirectiveDefinition {
    static let name = "gradient-check"
    static let summary = "numerical gradient against backpropagation for W1, b1, W2, b2 of a TwoLayerNet (the book's gradient_check)"
    static let example = """
        hidden: 50
        batch: 3
        caption: Numerical and backprop gradients agree
        """

    struct Parameters: DirectiveParameters {
        @Parameter(NetworkSupport.hiddenParameter) var hidden: Int
        @Parameter(.integer(.between(1, 10_000)), default: "3", doc: "how many of the first training images to use (the book: x_train[:3])")
        var batch: Int
        @Parameter(NetworkSupport.datasetParameter) var dataset: DataSetName
    }

    static func check(_ p: Parameters, common: CommonParameters) -> [ArgumentProblem] {
        NetworkSupport.singleSeedProblem(common)
    }

    static func estimate(_ p: Parameters, common: CommonParameters) -> Double {
        // One numerical gradient ≈ one iteration of numerical training, for 784 inputs and 10 classes.
        NetworkSupport.secondsToLoad
            + TrainingCost.flopPerIteration(method: .numerical, batch: p.batch, input: 784, hidden: p.hidden, output: 10)
            / (TrainingCost.defaultGigaflopsPerSecond(for: .numerical) * 1e9)
    }

    static func run(_ p: Parameters, context: RunContext) throws -> [CellOutput] {
        let data = try NetworkSupport.load(p.dataset, at: p.$dataset, context: context)
        let seed = context.seeds[0]
        let comparison = GradientComparison.compare(data: data, hidden: p.hidden, batch: p.batch, seed: seed)
        var outputs: [CellOutput] = [
            .table(OutputTable(
                name: "gradient check",
                columns: ["parameter", "shape", "mean |numerical − backprop|", "max relative error"],
                rows: comparison.map { row in
                    [.text(row.name), .text(row.shape), .number(row.meanAbsoluteDifference), .number(row.maxRelativeError)]
                })),
        ]
        for row in comparison {
            outputs.append(.value(key: "\(row.name).mean_difference", name: "\(row.name) mean difference", value: row.meanAbsoluteDifference))
        }
        outputs.append(.note("Network \(data.trainImages.columns)-\(p.hidden)-\(data.classNames.count), weights from seed \(seed), the first \(min(p.batch, data.trainImages.rows)) training images; relative error = |numerical − backprop| / max(|numerical|, |backprop|) over components where either is at least 1e-7 (smaller gradients are within the rounding noise of central differences). The numerical gradient differentiates −log(y + δ) with δ = 1e-7, backpropagation −log y: their ratio is y/(y + δ), so a relative error near δ/y (about 1e-6 while y ≈ 0.1, before training) comes from δ, not from a mistake."))
        outputs.append(.note(DataProvider.describe(data)))
        return outputs
    }
}

/// One parameter's agreement between the two gradients.
struct GradientComparison: Equatable {
    var name: String
    var shape: String
    var meanAbsoluteDifference: Double
    var maxAbsoluteDifference: Double
    var maxRelativeError: Double

    static func compare(data: DataSet, hidden: Int, batch: Int, seed: UInt64) -> [GradientComparison] {
        let n = min(batch, data.trainImages.rows)
        var generator = SeededGenerator(seed: seed)
        let network = TwoLayerNet(inputSize: data.trainImages.columns, hiddenSize: hidden,
                                  outputSize: data.classNames.count, using: &generator)
        let x = data.trainImages.rows(Array(0..<n))
        let t = oneHot(Array(data.trainLabels.prefix(n)), classes: data.classNames.count)
        let numerical = network.numericalGradient(x: x, t: t)
        let backprop = network.gradient(x: x, t: t)
        let pairs: [([Double], [Double])] = [
            (numerical.w1.values, backprop.w1.values), (numerical.b1, backprop.b1),
            (numerical.w2.values, backprop.w2.values), (numerical.b2, backprop.b2),
        ]
        return zip(network.parameterShapes, pairs).map { shape, pair in
            var sum = 0.0, maxAbs = 0.0, maxRel = 0.0
            for (a, b) in zip(pair.0, pair.1) {
                let d = abs(a - b)
                sum += d
                maxAbs = max(maxAbs, d)
                let scale = max(abs(a), abs(b))
                if scale >= 1e-7 { maxRel = max(maxRel, d / scale) }
            }
            return GradientComparison(name: shape.name, shape: shape.shape.map(String.init).joined(separator: "×"),
                                      meanAbsoluteDifference: sum / Double(max(1, pair.0.count)),
                                      maxAbsoluteDifference: maxAbs, maxRelativeError: maxRel)
        }
    }
}
