import DeepLearning

/// Section 4.2.3: a mini-batch (ミニバッチ) — `size` indices drawn at random,
/// with replacement, from the training set, as the book's
/// `np.random.choice(train_size, batch_size)`.
enum MinibatchDirective: DirectiveDefinition {
    static let name = "minibatch"
    static let summary = "a mini-batch: indices drawn at random (with replacement) from the training set, and their images"
    static let example = """
        size: 10
        seed: 1
        caption: Ten indices drawn from the training set
        """

    struct Parameters: DirectiveParameters {
        @Parameter(.integer(.between(1, 1000)), default: "10", doc: "how many indices to draw (the book's batch_size)")
        var size: Int
        @Parameter(NetworkSupport.datasetParameter) var dataset: DataSetName
    }

    static func check(_ p: Parameters, common: CommonParameters) -> [ArgumentProblem] {
        NetworkSupport.singleSeedProblem(common)
    }

    static func estimate(_ p: Parameters, common: CommonParameters) -> Double {
        NetworkSupport.secondsToLoad
    }

    static func run(_ p: Parameters, context: RunContext) throws -> [CellOutput] {
        let data = try NetworkSupport.load(p.dataset, at: p.$dataset, context: context)
        let seed = context.seeds[0]
        let size = p.size
        let indices = MinibatchDraw.indices(trainCount: data.trainImages.rows, size: size, seed: seed)
        var outputs: [CellOutput] = [
            .numbers(key: "batch_mask", name: "batch_mask (seed \(seed))", values: indices.map(Double.init)),
            .table(OutputTable(name: "mini-batch", columns: ["#", "index", "label", "class"],
                               rows: indices.enumerated().map { k, i in
                [.text(String(k)), .text(String(i)), .text(String(data.trainLabels[i])), .text(data.className(i))]
            })),
        ]
        let shown = Array(indices.prefix(64))
        outputs.append(.figure(NetworkSupport.imageGrid(
            data, indices: shown, labels: shown.map { "\($0): \(data.className($0))" },
            title: "Mini-batch of \(size) from \(data.trainImages.rows) training images", perRow: 5, cellWidth: 130)))
        if shown.count < indices.count {
            outputs.append(.note("The grid shows the first \(shown.count) of the \(indices.count) images."))
        }
        let distinct = Set(indices).count
        if distinct < indices.count {
            outputs.append(.note("Drawn with replacement: \(indices.count - distinct) index(es) appear more than once."))
        }
        outputs.append(.note(DataProvider.describe(data)))
        return outputs
    }
}

enum MinibatchDraw {
    /// `size` indices in 0..<trainCount, with replacement, from a generator seeded with `seed`.
    static func indices(trainCount: Int, size: Int, seed: UInt64) -> [Int] {
        var generator = SeededGenerator(seed: seed)
        return generator.choice(upperBound: trainCount, count: size)
    }
}
