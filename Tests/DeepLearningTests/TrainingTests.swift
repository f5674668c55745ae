import Testing
@testable import DeepLearning

/// Two well-separated clusters in 4-D, 40 train and 10 test samples.
private func clusters() -> (Matrix, [Int], Matrix, [Int]) {
    var g = SeededGenerator(seed: 3)
    func sample(_ n: Int) -> (Matrix, [Int]) {
        let labels = (0..<n).map { $0 % 2 }
        let values = labels.flatMap { l in (0..<4).map { _ in Double(l) + 0.1 * g.nextStandardNormal() } }
        return (Matrix(rows: n, columns: 4, values: values), labels)
    }
    let (a, b) = sample(40), (c, d) = sample(10)
    return (a, b, c, d)
}

@Test func trainingLearnsAndRecordsHistory() throws {
    let (x, y, xt, yt) = clusters()
    var reports: [TrainingProgress] = []
    let options = TrainingOptions(hiddenSize: 5, learningRate: 1.0, batchSize: 10, iterations: 200, seed: 1)
    let h = try train(trainImages: x, trainLabels: y, testImages: xt, testLabels: yt, options: options) { reports.append($0) }
    #expect(h.losses.count == 200 && reports.count == 200)
    #expect(reports.last == TrainingProgress(iteration: 200, total: 200, loss: h.losses.last!))
    #expect(h.iterationsPerEpoch == 4)
    #expect(h.epochIterations == Array(stride(from: 0, to: 200, by: 4)))
    #expect(h.trainAccuracy.count == 50 && h.testAccuracy.count == 50)
    #expect(h.testAccuracy.last == 1.0)
    #expect(h.losses.last! < h.losses.first!)
    // Same seed, same history (bitwise).
    #expect(try train(trainImages: x, trainLabels: y, testImages: xt, testLabels: yt, options: options) == h)
}

@Test func numericalGradientTrainingMatchesBackpropClosely() throws {
    let (x, y, xt, yt) = clusters()
    var options = TrainingOptions(hiddenSize: 3, learningRate: 0.5, batchSize: 8, iterations: 5, seed: 2)
    let back = try train(trainImages: x, trainLabels: y, testImages: xt, testLabels: yt, options: options)
    options.gradientMethod = .numerical
    let numerical = try train(trainImages: x, trainLabels: y, testImages: xt, testLabels: yt, options: options)
    // Same batches, gradients equal to ~1e-8: losses agree to 1e-6.
    for (a, b) in zip(back.losses, numerical.losses) { #expect(abs(a - b) < 1e-6) }
}

@Test func divergenceThrowsWithTheIteration() {
    let (x, y, xt, yt) = clusters()
    // An infinite step makes the parameters ±∞/NaN in the first update.
    let options = TrainingOptions(hiddenSize: 5, learningRate: .infinity, batchSize: 10, iterations: 50, seed: 1)
    do {
        _ = try train(trainImages: x, trainLabels: y, testImages: xt, testLabels: yt, options: options)
        Issue.record("did not diverge")
    } catch let error as TrainingError {
        guard case .diverged(let iteration, _) = error else { Issue.record("\(error)"); return }
        #expect(iteration == 1)
        #expect("\(error)".contains("iteration \(iteration)"))
    } catch {
        Issue.record("unexpected \(error)")
    }
}

@Test func costEstimateRefusesNumericalTraining() {
    let book = TrainingOptions()
    let back = TrainingCost.totalFLOP(options: book, trainCount: 60_000, testCount: 10_000, inputSize: 784, outputSize: 10)
    var numerical = book
    numerical.gradientMethod = .numerical
    let slow = TrainingCost.totalFLOP(options: numerical, trainCount: 60_000, testCount: 10_000, inputSize: 784, outputSize: 10)
    // Backprop: ~2e11–4e11 FLOP for the book's run; numerical (even the fast one) ≥ 20× more.
    #expect(back > 1e11 && back < 6e11)
    #expect(slow > 20 * back)
    #expect(TrainingCost.estimatedSeconds(options: numerical, trainCount: 60_000, testCount: 10_000,
                                          inputSize: 784, outputSize: 10) > 600)
}
