import Foundation
import Testing
@testable import DeepLearning

// Every kernel set this CPU can run, on every thread count, against the plain
// path (the book's loop on Matrix values, products as ReferenceProducts
// defines them): the same bits — losses, accuracies and the final network.
// (OpenBLAS's products differ from these by an ulp now and then, so the
// `blas` backend agrees to 1e-9, see FusedTrainingTests.) A CPU without a set says
// so (the test prints what it exercised), so that CI on an AVX2-only machine
// shows that the AVX-512 kernels went untested there.

/// The configurations of the avx2 backend this CPU can run: every kernel set,
/// one to three training threads, with and without screening where it exists.
private func fusedConfigurations() -> [ComputeConfiguration] {
    var all: [ComputeConfiguration] = []
    for kernels in CPUFeatures.current.kernelSets {
        for threads in [1, 2, 3] {
            all.append(fusedConfiguration(kernels, threads: threads))
            all.append(fusedConfiguration(kernels, threads: threads, screening: true))
        }
    }
    return all
}

/// "avx2", "avx2 screening", "avx512", "avx512-vnni screening": the names the
/// summary prints (the avx512 kernels screen with VNNI where the CPU has it).
private func exercisedName(_ c: ComputeConfiguration) -> String {
    guard c.screening else { return c.kernels.rawValue }
    return c.kernels == .avx512 && CPUFeatures.current.avx512VNNI ? "avx512-vnni screening" : "\(c.kernels.rawValue) screening"
}

@Test(.enabled(if: hasAVX2, "the CPU has no AVX2/FMA: no kernel set to exercise"))
func everyKernelSetOnThisCPUGivesTheReferenceBits() throws {
    let d = try sample()
    // 160 iterations, an epoch of 20 (2 000 images ÷ batch 100): 8 evaluations of both sets.
    let options = TrainingOptions(iterations: 160, seed: 12)
    let reference = referenceRun(d, options: options, perEpoch: 20)
    var exercised: [String] = []
    for configuration in fusedConfigurations() {
        let fused = try train(trainImages: d.trainImages, trainLabels: d.trainLabels, testImages: d.testImages,
                              testLabels: d.testLabels, options: options, configuration: configuration)
        #expect(fused.losses.map(\.bitPattern) == reference.losses.map(\.bitPattern), "\(configuration)")
        #expect(fused.trainAccuracy == reference.train, "\(configuration)")
        #expect(fused.testAccuracy == reference.test, "\(configuration)")
        #expect(fused.network == reference.network, "\(configuration)")
        if !exercised.contains(exercisedName(configuration)) { exercised.append(exercisedName(configuration)) }
    }
    let missing = ["avx2", "avx2 screening", "avx512", "avx512-vnni screening"].filter { !exercised.contains($0) }
    print("kernel sets exercised: \(exercised.joined(separator: ", "))"
          + (missing.isEmpty ? "" : "; not on this CPU, untested: \(missing.joined(separator: ", "))"))
    #expect(exercised.contains(exercisedName(.machine)), "the machine's own configuration is among them")
}

/// The book's loop on `Matrix` values with ``ReferenceProducts`` (the plain
/// definition of the kernels' sums) and the library's σ, softmax and loss: the
/// bits every kernel set must give. Accuracies after iterations 0, e, 2e, …
private func referenceRun(_ d: DataSet, options: TrainingOptions, perEpoch: Int)
    -> (losses: [Double], train: [Double], test: [Double], network: TwoLayerNet) {
    var g = SeededGenerator(seed: options.seed)
    var net = TwoLayerNet(inputSize: 784, hiddenSize: options.hiddenSize, outputSize: 10,
                          weightInitStd: options.weightInitStd, using: &g)
    func forward(_ n: TwoLayerNet, _ x: Matrix) -> (z1: Matrix, a2: Matrix) {
        let z1 = sigmoid(ReferenceProducts.dot(x, n.w1) + n.b1)
        return (z1, ReferenceProducts.dot(z1, n.w2) + n.b2)
    }
    func accuracy(_ n: TwoLayerNet, _ x: Matrix, _ labels: [Int]) -> Double {
        let predicted = forward(n, x).a2.argmaxOfRows()
        return Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count)
    }
    var result: (losses: [Double], train: [Double], test: [Double], network: TwoLayerNet) = ([], [], [], net)
    for i in 0..<options.iterations {
        let batch = g.choice(upperBound: d.trainImages.rows, count: options.batchSize)
        let x = d.trainImages.rows(batch)
        let labels = batch.map { d.trainLabels[$0] }
        let (z1, a2) = forward(net, x)
        var dy = softmax(a2)
        for (r, l) in labels.enumerated() { dy.values[r * 10 + l] -= 1 }
        dy = dy / Double(options.batchSize)
        let da1 = ReferenceProducts.dot(dy, net.w2.transposed())
        let dz1 = z1.zipMap(da1) { z, d in (1 - z) * z * d }
        let gradient = TwoLayerNet.Gradients(
            w1: ReferenceProducts.transposedDot(x, dz1), b1: dz1.sum(along: .rows),
            w2: ReferenceProducts.transposedDot(z1, dy), b2: dy.sum(along: .rows))
        net = net.updated(by: gradient, learningRate: options.learningRate)
        result.losses.append(crossEntropyError(softmax(forward(net, x).a2), labels: labels))
        if i % perEpoch == 0 {
            result.train.append(accuracy(net, d.trainImages, d.trainLabels))
            result.test.append(accuracy(net, d.testImages, d.testLabels))
        }
    }
    result.network = net
    return result
}
