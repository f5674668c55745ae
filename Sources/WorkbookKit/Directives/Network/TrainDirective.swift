import DeepLearning
import Foundation
import SVGPlot

/// Section 4.5.2–4.5.3: mini-batch SGD (確率的勾配降下法) on a TwoLayerNet,
/// the book's `train_neuralnet.py`: the loss of every iteration (figure 4-11)
/// and train/test accuracy once per epoch (figure 4-12). Several seeds
/// (`seed: [1, 2]`) run side by side and are overlaid; each seed's result is
/// cached on its own (`CellParts`), so a new seed in the list trains only itself.
enum TrainDirective: DirectiveDefinition {
    static let name = "train"
    static let summary = "mini-batch SGD on a two-layer network: loss per iteration, train and test accuracy per epoch"
    static let example = """
        hidden: 50
        lr: 0.1
        batch: 100
        iterations: 10000
        seed: [1, 2]
        timeout: 600
        caption: Training the two-layer network with mini-batch SGD
        """

    struct Parameters: DirectiveParameters {
        @Parameter(NetworkSupport.hiddenParameter) var hidden: Int
        @Parameter(.number(.positive), default: "0.1", doc: "learning rate η (learning_rate)")
        var lr: Double
        @Parameter(.integer(.between(1, 60_000)), default: "100", doc: "mini-batch size (batch_size)")
        var batch: Int
        @Parameter(.integer(.between(1, 1_000_000)), default: "10000", doc: "number of updates (iters_num)")
        var iterations: Int
        @Parameter(NetworkSupport.datasetParameter) var dataset: DataSetName
        @Parameter(.choice(GradientMethod.allCases.map(\.rawValue)), default: "backprop",
                   doc: "backprop, or numerical (central differences; very slow, refused unless timeout allows)")
        var gradient: GradientMethod
    }

    static func check(_ p: Parameters, common: CommonParameters) -> [ArgumentProblem] {
        if Set(common.seed).count < common.seed.count {
            return [ArgumentProblem(at: common.$seed, message: "a seed is repeated", hint: "give distinct seeds")]
        }
        return []
    }

    static func estimate(_ p: Parameters, common: CommonParameters) -> Double {
        TrainingRuns.estimatedSeconds(p, seeds: common.seed.count)
    }

    static func run(_ p: Parameters, context: RunContext) throws -> [CellOutput] {
        var known: [UInt64: TrainingRuns.Run] = [:]
        var facts: TrainingRuns.DataFacts?
        for seed in context.seeds {
            guard let bytes = context.parts.cached(TrainingRuns.partName(seed)),
                  let part = try? JSONDecoder().decode(TrainingRuns.SeedPart.self, from: bytes), part.run.seed == seed else { continue }
            known[seed] = part.run
            facts = part.data
        }
        let missing = context.seeds.filter { known[$0] == nil }
        if !missing.isEmpty {
            let data = try NetworkSupport.load(p.dataset, at: p.$dataset, context: context)
            let dataFacts = TrainingRuns.DataFacts(data)
            for run in try TrainingRuns.run(p, data: data, seeds: missing, context: context) {
                known[run.seed] = run
                if let bytes = try? JSONEncoder().encode(TrainingRuns.SeedPart(run: run, data: dataFacts)) {
                    context.parts.store(TrainingRuns.partName(run.seed), bytes)
                }
            }
            facts = dataFacts
        }
        guard let facts else { throw CellFailure("no seed to train", at: nil) }
        return TrainingRuns.outputs(context.seeds.compactMap { known[$0] }, facts: facts)
    }
}

extension GradientMethod: ParameterType {
    public init?(argument: ArgumentValue) {
        guard case .text(let word) = argument else { return nil }
        self.init(rawValue: word)
    }
}

/// The runs of one `train` cell and how they are shown.
enum TrainingRuns {
    struct Run: Equatable, Codable {
        var seed: UInt64
        var history: Curves
        /// Accuracy of the final network (after the last iteration) on the full sets.
        var finalTrainAccuracy: Double
        var finalTestAccuracy: Double
    }

    /// What the figures and the table show of a run's `TrainingHistory` (not the network).
    struct Curves: Equatable, Codable {
        var losses: [Double]
        var trainAccuracy: [Double]
        var testAccuracy: [Double]
        var epochIterations: [Int]
        var iterationsPerEpoch: Int

        init(_ history: TrainingHistory) {
            (losses, trainAccuracy, testAccuracy) = (history.losses, history.trainAccuracy, history.testAccuracy)
            (epochIterations, iterationsPerEpoch) = (history.epochIterations, history.iterationsPerEpoch)
        }
    }

    /// What the notes say of the data set, kept with each seed's part so that a cell
    /// whose seeds are all cached does not load the data at all.
    struct DataFacts: Equatable, Codable {
        var trainCount: Int
        var description: String

        init(_ data: DataSet) {
            trainCount = data.trainCount
            description = DataProvider.describe(data)
        }
    }

    /// One seed's cached part. Doubles survive JSON exactly (shortest round-trip digits).
    struct SeedPart: Codable {
        var run: Run
        var data: DataFacts
    }

    static func partName(_ seed: UInt64) -> String { "seed \(seed)" }

    static func options(_ p: TrainDirective.Parameters, seed: UInt64) -> TrainingOptions {
        TrainingOptions(hiddenSize: p.hidden, learningRate: p.lr, batchSize: p.batch, iterations: p.iterations,
                        seed: seed, gradientMethod: p.gradient)
    }

    /// DeepLearning's cost model for every seed. The data set is not loaded yet,
    /// so its sizes are assumed: the shipped sample's for `dataset: sample`,
    /// MNIST's (60 000 / 10 000, 784 pixels, 10 classes) otherwise.
    static func estimatedSeconds(_ p: TrainDirective.Parameters, seeds: Int) -> Double {
        let sample = p.dataset.text == "sample"
        let perRun = TrainingCost.estimatedSeconds(
            options: options(p, seed: 1),
            trainCount: sample ? 2000 : 60_000, testCount: sample ? 500 : 10_000, inputSize: 784, outputSize: 10)
        return NetworkSupport.secondsToLoad + perRun * Double(seeds)
    }

    /// Every seed's run (side by side on a multi-core machine, see DeepLearning's
    /// `train(on:options:seeds:configuration:sideBySide:progress:)`).
    static func run(_ p: TrainDirective.Parameters, data: DataSet, seeds: [UInt64], context: RunContext) throws -> [Run] {
        let progress = context.progress
        let options = options(p, seed: seeds.first ?? 0)
        let every = max(1, options.iterations / 200)
        do {
            return try train(on: data, options: options, seeds: seeds, configuration: context.compute) { step in
                // Stops the training at the cell's timeout (a CellFailure at `timeout`).
                try context.checkDeadline()
                let s = step.progress
                if s.iteration % every == 0 || s.iteration == s.total {
                    progress(step.fractionOfAll, "seed \(seeds[step.seedIndex]): iteration \(s.iteration)/\(s.total), loss \(formatNumber((s.loss * 1000).rounded() / 1000))")
                }
            }.map { Run(seed: $0.seed, history: Curves($0.history), finalTrainAccuracy: $0.finalTrainAccuracy, finalTestAccuracy: $0.finalTestAccuracy) }
        } catch let failure as SeedFailure {
            if case .diverged(let iteration, let loss) = failure.error {
                throw CellFailure("training diverged at iteration \(iteration) of seed \(failure.seed): the loss became \(formatNumber(loss)) (or a weight NaN/∞)",
                                  at: p.$lr, hint: "lower the learning rate, e.g. lr: \(formatNumber(p.lr / 10))")
            }
            throw CellFailure(failure.error.description, at: p.$dataset)
        }
    }

    static func outputs(_ runs: [Run], facts: DataFacts) -> [CellOutput] {
        var outputs: [CellOutput] = []
        for (k, run) in runs.enumerated() {
            outputs.append(.value(key: "seed[\(k)].train_accuracy", name: "train accuracy (seed \(run.seed))", value: run.finalTrainAccuracy))
            outputs.append(.value(key: "seed[\(k)].test_accuracy", name: "test accuracy (seed \(run.seed))", value: run.finalTestAccuracy))
        }
        for (k, run) in runs.enumerated() {
            outputs.append(.value(key: "seed[\(k)].last_loss", name: "last loss (seed \(run.seed))", value: run.history.losses.last ?? .nan))
        }
        let loss = lossFigure(runs), accuracy = accuracyFigure(runs)
        outputs.append(.figure(OutputFigure(name: "loss", svg: loss.render())))
        outputs.append(.figure(OutputFigure(name: "accuracy", svg: accuracy.render())))
        outputs.append(.table(epochTable(runs)))
        let first = runs[0].history
        outputs.append(.note("\(first.losses.count) iterations per run, \(first.iterationsPerEpoch) iterations per epoch (\(facts.trainCount) training images ÷ batch); accuracies are measured on the full training and test sets after iteration 0, \(first.iterationsPerEpoch), \(2 * first.iterationsPerEpoch), …, as in the book; the final accuracies after the last iteration."))
        outputs.append(.note(facts.description))
        return outputs
    }

    /// Figure 4-11: the loss of every iteration, and the first 1 000 enlarged.
    /// Each run's raw losses are drawn thin and see-through, its running mean
    /// on top of all of them, so no seed hides another.
    static func lossFigure(_ runs: [Run]) -> Figure {
        let many = runs.count > 1
        var all = Axes(title: "loss of every iteration", xLabel: "iteration", yLabel: "loss")
        let firstCount = min(1000, runs[0].history.losses.count)
        var first = Axes(title: "the first \(firstCount) iterations", xLabel: "iteration", yLabel: "loss")
        let window = (all: 100, first: 20)
        for (i, run) in runs.enumerated() {
            let losses = run.history.losses
            let raw = LineStyle(color: .palette(i), width: 0.6, opacity: many ? 0.35 : 0.6)
            all.add(.line(y: losses, style: raw))
            first.add(.line(y: Array(losses.prefix(firstCount)), style: raw))
        }
        for (i, run) in runs.enumerated() {
            let losses = run.history.losses
            let seed = many ? "seed \(run.seed), " : ""
            // Dashed after the first, so a mean drawn on top leaves the one under it visible.
            let mean = LineStyle(color: .palette(i), width: 1.6, dash: i == 0 ? .solid : .dashed)
            all.add(.line(y: runningMean(losses, window: window.all), label: "\(seed)mean of \(window.all)", style: mean))
            first.add(.line(y: runningMean(Array(losses.prefix(firstCount)), window: window.first),
                            label: "\(seed)mean of \(window.first)", style: mean))
        }
        all.grid = true
        first.grid = true
        all.legend = .upperRight
        first.legend = .upperRight
        all.yLimits = .fixed(0, yTop(runs.flatMap(\.history.losses)))
        first.yLimits = .fixed(0, yTop(runs.flatMap { $0.history.losses.prefix(firstCount) }))
        var figure = Figure(width: 900, height: 380, title: "Loss (figure 4-11)", axes: [all, first])
        figure.columns = 2
        return figure
    }

    /// The mean of each value and the `window − 1` before it (fewer at the start).
    static func runningMean(_ values: [Double], window: Int) -> [Double] {
        var sum = 0.0
        return values.indices.map { i in
            sum += values[i]
            if i >= window { sum -= values[i - window] }
            return sum / Double(min(i + 1, window))
        }
    }

    /// A round upper limit above the largest finite value.
    static func yTop(_ values: [Double]) -> Double {
        let top = values.filter(\.isFinite).max() ?? 1
        return max(0.5, (top * 2).rounded(.up) / 2)
    }

    /// Figure 4-12: train (solid, circles) and test (dashed, squares) accuracy per
    /// epoch, one colour per seed; on 0…1 as in the book, and from epoch 1 on
    /// enlarged, where "train" and "test" are written beside their lines.
    static func accuracyFigure(_ runs: [Run]) -> Figure {
        let many = runs.count > 1
        var whole = Axes(title: "accuracy per epoch", xLabel: "epochs", yLabel: "accuracy")
        var enlarged = Axes(title: "from epoch 1, enlarged", xLabel: "epochs", yLabel: "accuracy")
        var later: (train: [Double], test: [Double], lastEpoch: Double) = ([], [], 0)
        for (i, run) in runs.enumerated() {
            let h = run.history
            let epochs = h.epochIterations.map { Double($0) / Double(h.iterationsPerEpoch) }
            let suffix = many ? ", seed \(run.seed)" : ""
            let markers = epochs.count <= 30
            let train = LineStyle(color: .palette(i), width: 1.8)
            let test = LineStyle(color: .palette(i), width: 1.5, dash: .dashed)
            whole.add(.line(x: epochs, y: h.trainAccuracy, label: "train" + suffix, style: train,
                            marker: markers ? .circle : .none, markerSize: 4))
            whole.add(.line(x: epochs, y: h.testAccuracy, label: "test" + suffix, style: test,
                            marker: markers ? .square : .none, markerSize: 4))
            let from = epochs.firstIndex { $0 >= 1 } ?? 0
            let x = Array(epochs[from...])
            enlarged.add(.line(x: x, y: Array(h.trainAccuracy[from...]), style: train, marker: markers ? .circle : .none, markerSize: 4))
            enlarged.add(.line(x: x, y: Array(h.testAccuracy[from...]), style: test, marker: markers ? .square : .none, markerSize: 4))
            later.train += h.trainAccuracy[from...]
            later.test += h.testAccuracy[from...]
            later.lastEpoch = max(later.lastEpoch, epochs.last ?? 0)
        }
        let values = (later.train + later.test).filter(\.isFinite)
        if let lo = values.min(), let hi = values.max(), hi > lo {
            let span = hi - lo
            enlarged.yLimits = .fixed(lo - 0.08 * span, hi + 0.08 * span)
            // Direct labels at the right end: train lies above test.
            let endTrain = runs.compactMap { $0.history.trainAccuracy.last }.max() ?? hi
            let endTest = runs.compactMap { $0.history.testAccuracy.last }.min() ?? lo
            enlarged.add(.text("train", x: later.lastEpoch, y: endTrain + 0.035 * span, anchor: .end, size: 12))
            enlarged.add(.text("test", x: later.lastEpoch, y: endTest - 0.06 * span, anchor: .end, size: 12))
        }
        whole.yLimits = .fixed(0, 1)
        whole.grid = true
        enlarged.grid = true
        whole.legend = .lowerRight
        enlarged.legend = .hidden
        var figure = Figure(width: 900, height: 400, title: "Accuracy (figure 4-12)", axes: [whole, enlarged])
        figure.columns = 2
        return figure
    }

    /// One row per epoch: the iteration and every run's train and test accuracy.
    static func epochTable(_ runs: [Run]) -> OutputTable {
        let many = runs.count > 1
        var columns = ["epoch", "iteration"]
        for run in runs {
            let suffix = many ? " (seed \(run.seed))" : ""
            columns += ["train acc" + suffix, "test acc" + suffix]
        }
        let first = runs[0].history
        let rows: [[TableCell]] = first.epochIterations.indices.map { e in
            var row: [TableCell] = [.text(String(e)), .text(String(first.epochIterations[e]))]
            for run in runs {
                row += [.number(run.history.trainAccuracy[e]), .number(run.history.testAccuracy[e])]
            }
            return row
        }
        return OutputTable(name: "accuracy per epoch", columns: columns, rows: rows)
    }
}
