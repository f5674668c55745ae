import Testing
@testable import DeepLearning

// Several seeds: side by side (each run on one thread) or one after the
// other (each on the configuration's threads) — the same bits, and each
// run's final accuracies are those of its final network.

@Test func seedsSideBySideGiveTheSameBitsAsOneAfterTheOther() throws {
    let d = try sample()
    let options = TrainingOptions(iterations: 90, seed: 0)
    let configuration = hasAVX2 ? fusedConfiguration(fastestKernels, threads: 2) : genericConfiguration(.blas)
    let together = try train(on: d, options: options, seeds: [3, 1, 2], configuration: configuration, sideBySide: true)
    let apart = try train(on: d, options: options, seeds: [3, 1, 2], configuration: configuration, sideBySide: false)
    #expect(together.map(\.seed) == [3, 1, 2])
    #expect(together == apart)
    for run in together {
        var o = options
        o.seed = run.seed
        let alone = try train(on: d, options: o, configuration: configuration)
        #expect(run.history == alone, "seed \(run.seed)")
        #expect(run.finalTrainAccuracy == alone.network.accuracy(x: d.trainImages, labels: d.trainLabels))
        #expect(run.finalTestAccuracy == alone.network.accuracy(x: d.testImages, labels: d.testLabels))
    }
    #expect(Set(together.map { $0.history.losses }).count == 3, "three different runs")
}

/// A run that diverges stops the others and names its seed.
@Test func aDivergingSeedIsNamed() throws {
    let d = try sample()
    let options = TrainingOptions(learningRate: .infinity, iterations: 20, seed: 0)
    let configuration = hasAVX2 ? fusedConfiguration(fastestKernels, threads: 2) : genericConfiguration(.blas)
    do {
        _ = try train(on: d, options: options, seeds: [4, 5], configuration: configuration)
        Issue.record("did not diverge")
    } catch let failure as SeedFailure {
        #expect([4, 5].contains(failure.seed))
        guard case .diverged(let iteration, _) = failure.error else { Issue.record("\(failure.error)"); return }
        #expect(iteration == 1)
    }
}
