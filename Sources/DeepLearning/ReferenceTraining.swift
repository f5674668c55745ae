/// The training loop of the book's `train_neuralnet.py`, written to be read
/// next to it: mini-batch stochastic gradient descent on a ``TwoLayerNet``,
/// one step of the book per line, with value types only.
///
/// ``train(trainImages:trainLabels:testImages:testLabels:options:progress:)``
/// runs this same loop — the same initial weights, the same batches in the
/// same order, the same arithmetic — but, on CPUs with AVX2 and FMA, as one
/// fused C step per iteration (``FusedTrainer``). `ReferenceTrainingTests`
/// runs both on a small seeded data set and compares their numbers.
///
/// Unlike `train`, this loop does not stop on divergence or report progress;
/// it is the algorithm and nothing else.
public func referenceTrain(
    trainImages: Matrix, trainLabels: [Int], testImages: Matrix, testLabels: [Int],
    options: TrainingOptions = TrainingOptions()
) throws -> TrainingHistory {
    guard trainImages.rows == trainLabels.count, trainImages.rows > 0, options.batchSize > 0,
          testImages.rows == testLabels.count, testImages.columns == trainImages.columns,
          (trainLabels + testLabels).allSatisfy({ $0 >= 0 }) else {
        throw TrainingError.invalidInput("images and labels do not fit together")
    }
    var generator = SeededGenerator(seed: options.seed)
    let classes = (trainLabels + testLabels).max()! + 1
    var network = TwoLayerNet(
        inputSize: trainImages.columns, hiddenSize: options.hiddenSize, outputSize: classes,
        weightInitStd: options.weightInitStd, using: &generator)
    let iterationsPerEpoch = max(trainImages.rows / options.batchSize, 1)
    var losses: [Double] = [], trainAccuracy: [Double] = [], testAccuracy: [Double] = []
    var epochIterations: [Int] = []

    for i in 0..<options.iterations {
        // 1. Mini-batch: `batchSize` training examples drawn at random.
        let batch = generator.choice(upperBound: trainImages.rows, count: options.batchSize)
        let x = trainImages.rows(batch)
        let t = batch.map { trainLabels[$0] }
        // 2. Gradient of the mini-batch's loss with respect to every weight.
        let gradient = network.gradient(x: x, labels: t)
        // 3. Update: every weight moves a step −η·∂L/∂W.
        network = network.updated(by: gradient, learningRate: options.learningRate)
        // The loss of the mini-batch, with the updated weights.
        losses.append(network.loss(x: x, labels: t))
        // Once per epoch: the accuracy on all training and all test data.
        if i % iterationsPerEpoch == 0 {
            trainAccuracy.append(network.accuracy(x: trainImages, labels: trainLabels))
            testAccuracy.append(network.accuracy(x: testImages, labels: testLabels))
            epochIterations.append(i)
        }
    }
    return TrainingHistory(losses: losses, trainAccuracy: trainAccuracy, testAccuracy: testAccuracy,
                           epochIterations: epochIterations, iterationsPerEpoch: iterationsPerEpoch,
                           network: network)
}
