/// How the training loop obtains ∂L/∂θ.
public enum GradientMethod: String, Sendable, Equatable, CaseIterable {
    /// ``TwoLayerNet/gradient(x:labels:)`` (backpropagation) — fast.
    case backprop
    /// ``TwoLayerNet/numericalGradient(x:t:h:)`` — central differences;
    /// orders of magnitude slower, see ``TrainingCost``.
    case numerical
}

/// Settings of ``train(trainImages:trainLabels:testImages:testLabels:options:configuration:progress:)``;
/// the defaults are the book's `train_neuralnet.py`.
public struct TrainingOptions: Sendable, Equatable {
    /// Hidden units (book: 50).
    public var hiddenSize: Int
    /// Learning rate η (book: 0.1).
    public var learningRate: Double
    /// Samples per mini-batch, drawn with replacement (book: 100).
    public var batchSize: Int
    /// Number of SGD steps (book: 10 000).
    public var iterations: Int
    /// Seed of the ``SeededGenerator`` used for the initial weights and the batches.
    public var seed: UInt64
    /// Standard deviation of the initial weights (book: 0.01).
    public var weightInitStd: Double
    /// Backpropagation or numerical gradient.
    public var gradientMethod: GradientMethod

    public init(
        hiddenSize: Int = 50, learningRate: Double = 0.1, batchSize: Int = 100,
        iterations: Int = 10_000, seed: UInt64 = 0,
        weightInitStd: Double = TwoLayerNet.defaultWeightInitStd,
        gradientMethod: GradientMethod = .backprop
    ) {
        self.hiddenSize = hiddenSize; self.learningRate = learningRate; self.batchSize = batchSize
        self.iterations = iterations; self.seed = seed; self.weightInitStd = weightInitStd
        self.gradientMethod = gradientMethod
    }
}

/// Reported after every iteration.
public struct TrainingProgress: Sendable, Equatable {
    /// 1-based number of the iteration just finished.
    public var iteration: Int
    /// Total number of iterations.
    public var total: Int
    /// Mini-batch loss after this iteration's update.
    public var loss: Double
}

/// What a training run recorded.
public struct TrainingHistory: Sendable, Equatable {
    /// Mini-batch loss after every iteration's update (book's `train_loss_list`).
    public var losses: [Double]
    /// Accuracy on the full training set, once per epoch.
    public var trainAccuracy: [Double]
    /// Accuracy on the full test set, once per epoch.
    public var testAccuracy: [Double]
    /// The 0-based iterations i at which the accuracies were measured
    /// (i % iterationsPerEpoch == 0, measured after that iteration's update).
    public var epochIterations: [Int]
    /// Iterations per epoch, max(trainCount / batchSize, 1).
    public var iterationsPerEpoch: Int
    /// The network after the last iteration.
    public var network: TwoLayerNet
}

/// Why training stopped.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// The loss or a parameter became NaN or ±∞ at this (1-based) iteration.
    case diverged(iteration: Int, loss: Double)
    /// The inputs do not fit together.
    case invalidInput(String)

    public var description: String {
        switch self {
        case .diverged(let iteration, let loss):
            return "training diverged at iteration \(iteration): loss \(loss), or a parameter became NaN/∞ — lower the learning rate"
        case .invalidInput(let why):
            return "invalid training input: \(why)"
        }
    }
}

/// Mini-batch stochastic gradient descent on a ``TwoLayerNet``, the loop of
/// the book's `train_neuralnet.py`:
///
///     for i in 0..<iterations:
///         batch ← `batchSize` indices drawn with replacement
///         θ ← θ − η ∇L(batch)          (backprop or numerical)
///         record L(batch) at the updated θ
///         if i % iterationsPerEpoch == 0: record train and test accuracy
///                                         over the FULL sets
///
/// with iterationsPerEpoch = max(trainCount / batchSize, 1). Images are
/// rows (N × inputSize, already scaled); labels are class indices; the
/// output size is max(label) + 1 over both sets.
///
/// Throws ``TrainingError/diverged(iteration:loss:)`` as soon as the loss
/// or a parameter is NaN/∞. Cost per iteration ≈ 3 forward passes of the
/// batch with backprop; see ``TrainingCost`` for the numerical gradient.
///
/// `progress` is called after every iteration; if it throws, training stops
/// there and `train` rethrows that error (cancellation).
///
/// `configuration` says how to compute (default: the machine's best). With
/// the ``MatrixBackend/avx2`` backend (the default on AVX2/FMA CPUs) each
/// backprop iteration is one fused C step (``FusedTrainer``) and the
/// accuracies use the zero-skipping C kernels; the numbers are the same bits
/// for every kernel set and thread count.
public func train(
    trainImages: Matrix, trainLabels: [Int], testImages: Matrix, testLabels: [Int],
    options: TrainingOptions = TrainingOptions(), configuration: ComputeConfiguration = .machine,
    progress: ((TrainingProgress) throws -> Void)? = nil
) throws -> TrainingHistory {
    try train(trainImages: trainImages, trainLabels: trainLabels, testImages: testImages, testLabels: testLabels,
              options: options, configuration: configuration, compact: true, progress: progress)
}

/// ``train(trainImages:trainLabels:testImages:testLabels:options:configuration:progress:)``,
/// for the fused step choosing whether image data is read from compact copies
/// (`copies`: ones already made of these images, shared by several runs);
/// `fusedStep: false` runs the generic loop even on the `avx2` backend, and
/// `finalAccuracies` gets the final network's accuracy on both full sets.
func train(
    trainImages: Matrix, trainLabels: [Int], testImages: Matrix, testLabels: [Int],
    options: TrainingOptions, configuration: ComputeConfiguration, compact: Bool,
    copies: CompactCopies? = nil, fusedStep: Bool = true,
    finalAccuracies: ((_ train: Double, _ test: Double) -> Void)? = nil,
    progress: ((TrainingProgress) throws -> Void)?
) throws -> TrainingHistory {
    try train(trainSet: ImageStore(trainImages), trainLabels: trainLabels, testSet: ImageStore(testImages),
              testLabels: testLabels, options: options, configuration: configuration, compact: compact, copies: copies,
              fusedStep: fusedStep, finalAccuracies: finalAccuracies, progress: progress)
}

/// The training loop on images held as bytes or as matrices (``ImageStore``):
/// the fused step with compact copies made from the bytes never makes the
/// matrices of Doubles; every other path asks for them.
func train(
    trainSet: ImageStore, trainLabels: [Int], testSet: ImageStore, testLabels: [Int],
    options: TrainingOptions, configuration: ComputeConfiguration, compact: Bool,
    copies: CompactCopies? = nil, fusedStep: Bool = true,
    finalAccuracies: ((_ train: Double, _ test: Double) -> Void)? = nil,
    progress: ((TrainingProgress) throws -> Void)?
) throws -> TrainingHistory {
    guard trainSet.rows == trainLabels.count, trainSet.rows > 0 else {
        throw TrainingError.invalidInput("\(trainSet.rows) training images with \(trainLabels.count) labels")
    }
    guard testSet.rows == testLabels.count, testSet.columns == trainSet.columns else {
        throw TrainingError.invalidInput("test set: \(testSet.rows)×\(testSet.columns) images with \(testLabels.count) labels")
    }
    guard options.batchSize > 0, options.iterations >= 0, options.hiddenSize > 0 else {
        throw TrainingError.invalidInput("batch size, hidden size must be positive and iterations non-negative")
    }
    let classes = (trainLabels + testLabels).max().map { $0 + 1 } ?? 1
    guard (trainLabels + testLabels).allSatisfy({ $0 >= 0 }) else {
        throw TrainingError.invalidInput("negative label")
    }

    var generator = SeededGenerator(seed: options.seed)
    var network = TwoLayerNet(
        inputSize: trainSet.columns, hiddenSize: options.hiddenSize, outputSize: classes,
        weightInitStd: options.weightInitStd, using: &generator)
    let perEpoch = max(trainSet.rows / options.batchSize, 1)
    var history = TrainingHistory(losses: [], trainAccuracy: [], testAccuracy: [], epochIterations: [],
                                  iterationsPerEpoch: perEpoch, network: network)
    history.losses.reserveCapacity(options.iterations)

    /// After iteration i (0-based): stops on divergence, records the loss and,
    /// once per epoch, the accuracies over the full sets, then reports progress.
    func record(_ i: Int, loss: Double, finite: Bool, accuracies: () -> (train: Double, test: Double)) throws {
        guard loss.isFinite, finite else {
            throw TrainingError.diverged(iteration: i + 1, loss: loss)
        }
        history.losses.append(loss)
        if i % perEpoch == 0 {
            let (train, test) = accuracies()
            history.trainAccuracy.append(train)
            history.testAccuracy.append(test)
            history.epochIterations.append(i)
        }
        try progress?(TrainingProgress(iteration: i + 1, total: options.iterations, loss: loss))
    }

    if fusedStep && configuration.fused && options.gradientMethod == .backprop {
        let trainer = FusedTrainer(network: network, batchSize: options.batchSize, configuration: configuration)
        // Image data (≤ 256 distinct pixel values) is read from compact copies
        // (made from the bytes when the images are bytes).
        let (compactTrain, compactTest) = compact ? (copies ?? CompactCopies(trainSet, testSet)).pair : (nil, nil)
        trainer.source = compactTrain
        func accuracy(_ x: ImageStore, _ compact: CompactImages?, _ labels: [Int]) -> Double {
            if let compact { return trainer.accuracy(compact: compact, labels: labels) }
            return trainer.accuracy(x: x.matrix, labels: labels)
        }
        func accuracies() -> (train: Double, test: Double) {
            (accuracy(trainSet, compactTrain, trainLabels), accuracy(testSet, compactTest, testLabels))
        }
        var labels = [Int](repeating: 0, count: options.batchSize)
        // The step reads its batches from the compact copy when there is one (then `images` is not read).
        let dense = compactTrain == nil ? trainSet.matrix.values : [0]
        try dense.withUnsafeBufferPointer { images in
            // Each batch is drawn one iteration early (the same draws in the same
            // order), so that the step can fetch the next batch's rows meanwhile.
            var batch = generator.choice(upperBound: trainSet.rows, count: options.batchSize)
            for i in 0..<options.iterations {
                let next = i + 1 < options.iterations
                    ? generator.choice(upperBound: trainSet.rows, count: options.batchSize) : []
                for (j, r) in batch.enumerated() { labels[j] = trainLabels[r] }
                let (loss, finite) = batch.withUnsafeBufferPointer { b in
                    labels.withUnsafeBufferPointer { l in
                        next.withUnsafeBufferPointer { n in
                            trainer.step(images: images.baseAddress!, batch: b.baseAddress!, labels: l.baseAddress!,
                                         learningRate: options.learningRate, next: next.isEmpty ? nil : n.baseAddress)
                        }
                    }
                }
                batch = next
                try record(i, loss: loss, finite: finite, accuracies: accuracies)
            }
        }
        history.network = trainer.network
        if let finalAccuracies {
            // The last epoch's evaluation when it was after the last iteration, else a new one.
            let last = history.epochIterations.last == options.iterations - 1
            let (train, test) = last ? (history.trainAccuracy.last!, history.testAccuracy.last!) : accuracies()
            finalAccuracies(train, test)
        }
        return history
    }

    // The book's value code below computes its products with the configuration's backend.
    let (trainImages, testImages) = (trainSet.matrix, testSet.matrix)
    try MatrixBackend.$inScope.withValue(configuration.backend) {
        for i in 0..<options.iterations {
            let batch = generator.choice(upperBound: trainImages.rows, count: options.batchSize)
            let x = trainImages.rows(batch)
            let labels = batch.map { trainLabels[$0] }
            let gradient: TwoLayerNet.Gradients
            switch options.gradientMethod {
            case .backprop: gradient = network.gradient(x: x, labels: labels)
            case .numerical: gradient = network.numericalGradient(x: x, t: oneHot(labels, classes: classes))
            }
            network = network.updated(by: gradient, learningRate: options.learningRate)
            let loss = network.loss(x: x, labels: labels)
            try record(i, loss: loss, finite: network.isFinite) {
                (network.accuracy(x: trainImages, labels: trainLabels, configuration: configuration),
                 network.accuracy(x: testImages, labels: testLabels, configuration: configuration))
            }
        }
    }
    history.network = network
    finalAccuracies?(network.accuracy(x: trainImages, labels: trainLabels, configuration: configuration),
                     network.accuracy(x: testImages, labels: testLabels, configuration: configuration))
    return history
}

/// ``train(trainImages:trainLabels:testImages:testLabels:options:configuration:progress:)``
/// on a loaded ``DataSet``.
public func train(
    on dataSet: DataSet, options: TrainingOptions = TrainingOptions(), configuration: ComputeConfiguration = .machine,
    progress: ((TrainingProgress) throws -> Void)? = nil
) throws -> TrainingHistory {
    try train(trainSet: dataSet.trainStore, trainLabels: dataSet.trainLabels,
              testSet: dataSet.testStore, testLabels: dataSet.testLabels,
              options: options, configuration: configuration, compact: true, progress: progress)
}
