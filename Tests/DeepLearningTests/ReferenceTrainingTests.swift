import Testing
@testable import DeepLearning

/// A small seeded image-like data set: 120 training and 40 test "images" of
/// 36 pixels in steps of 1/255 (like MNIST's), three classes told apart by
/// which third of the image is bright, with noise.
private func smallImages() -> (train: Matrix, trainLabels: [Int], test: Matrix, testLabels: [Int]) {
    var generator = SeededGenerator(seed: 17)
    func images(_ count: Int) -> (Matrix, [Int]) {
        let labels = (0..<count).map { $0 % 3 }
        let values = labels.flatMap { label in
            (0..<36).map { pixel -> Double in
                let bright = pixel / 12 == label ? 180.0 : 20.0
                let noisy = bright + 60 * generator.nextStandardNormal()
                return (min(max(noisy, 0), 255)).rounded() / 255
            }
        }
        return (Matrix(rows: count, columns: 36, values: values), labels)
    }
    let (train, trainLabels) = images(120)
    let (test, testLabels) = images(40)
    return (train, trainLabels, test, testLabels)
}

private let options = TrainingOptions(hiddenSize: 10, learningRate: 0.5, batchSize: 20, iterations: 60, seed: 3)

/// The readable loop and `train`'s generic matrix path are the same
/// computation: equal histories, every loss and weight to the bit.
@Test func referenceLoopEqualsTheGenericTrainingPath() throws {
    let d = smallImages()
    let reference = try referenceTrain(trainImages: d.train, trainLabels: d.trainLabels,
                                       testImages: d.test, testLabels: d.testLabels, options: options)
    let generic = try train(trainImages: d.train, trainLabels: d.trainLabels, testImages: d.test,
                            testLabels: d.testLabels, options: options, configuration: .machine, compact: true, fusedStep: false, progress: nil)
    #expect(reference.losses.count == 60)
    #expect(reference.losses.map(\.bitPattern) == generic.losses.map(\.bitPattern))
    #expect(reference.network.w1.values.map(\.bitPattern) == generic.network.w1.values.map(\.bitPattern))
    #expect(reference == generic)
}

/// The fused AVX2 trainer (what the pages' `train` cells run on such CPUs)
/// against the readable loop: the same losses, accuracies and weights to
/// the bit.
@Test(.enabled(if: MatrixBackend.avx2Available, "the fused trainer needs AVX2 and FMA"))
func fusedTrainerGivesTheReferenceLoopsBits() throws {
    let d = smallImages()
    let reference = try referenceTrain(trainImages: d.train, trainLabels: d.trainLabels,
                                       testImages: d.test, testLabels: d.testLabels, options: options)
    let fused = try train(trainImages: d.train, trainLabels: d.trainLabels, testImages: d.test,
                          testLabels: d.testLabels, options: options, configuration: .machine, compact: true, progress: nil)
    #expect(fused.losses.map(\.bitPattern) == reference.losses.map(\.bitPattern))
    #expect(fused.trainAccuracy == reference.trainAccuracy)
    #expect(fused.testAccuracy == reference.testAccuracy)
    #expect(fused.network.w1.values.map(\.bitPattern) == reference.network.w1.values.map(\.bitPattern))
    #expect(fused.network == reference.network)
}

/// The same at the book's shapes (784 pixels, 50 hidden units, batches of
/// 100) on the shipped Fashion-MNIST sample, as chapter 7's `train` cell.
@Test(.enabled(if: MatrixBackend.avx2Available, "the fused trainer needs AVX2 and FMA"))
func fusedTrainerGivesTheReferenceLoopsBitsAtTheBooksShapes() throws {
    let d = try sample()
    let options = TrainingOptions(iterations: 40, seed: 1)
    let reference = try referenceTrain(trainImages: d.trainImages, trainLabels: d.trainLabels,
                                       testImages: d.testImages, testLabels: d.testLabels, options: options)
    let fused = try train(trainImages: d.trainImages, trainLabels: d.trainLabels, testImages: d.testImages,
                          testLabels: d.testLabels, options: options, configuration: .machine, compact: true, progress: nil)
    #expect(fused.losses.map(\.bitPattern) == reference.losses.map(\.bitPattern))
    #expect(fused.trainAccuracy == reference.trainAccuracy && fused.testAccuracy == reference.testAccuracy)
    #expect(fused.network == reference.network)
}

/// More than twelve classes: the fused step's output layer and its dW2 sums leave their
/// three-vector forms for the column-by-column ones (o > 12) — still the reference's bits,
/// on every kernel set of this CPU.
@Test(.enabled(if: MatrixBackend.avx2Available, "the fused trainer needs AVX2 and FMA"),
      arguments: CPUFeatures.current.kernelSets)
func fusedTrainerGivesTheReferenceBitsWithFourteenClasses(kernels: KernelSet) throws {
    var generator = SeededGenerator(seed: 23)
    let classes = 14, pixels = 42
    func images(_ count: Int) -> (Matrix, [Int]) {
        let labels = (0..<count).map { $0 % classes }
        let values = labels.flatMap { label in
            (0..<pixels).map { pixel -> Double in
                let bright = pixel / 3 == label ? 200.0 : 10.0
                return (min(max(bright + 50 * generator.nextStandardNormal(), 0), 255)).rounded() / 255
            }
        }
        return (Matrix(rows: count, columns: pixels, values: values), labels)
    }
    let (train, trainLabels) = images(84), (test, testLabels) = images(28)
    let options = TrainingOptions(hiddenSize: 9, learningRate: 0.5, batchSize: 12, iterations: 40, seed: 6)
    let reference = try referenceTrain(trainImages: train, trainLabels: trainLabels, testImages: test,
                                       testLabels: testLabels, options: options)
    let configuration = ComputeConfiguration(backend: .avx2, kernels: kernels, trainThreads: 2, evaluationThreads: 2,
                                             screening: true)
    let fused = try DeepLearning.train(trainImages: train, trainLabels: trainLabels, testImages: test, testLabels: testLabels,
                                       options: options, configuration: configuration, compact: true, progress: nil)
    #expect(reference.losses.count == 40)
    #expect(fused.losses.map(\.bitPattern) == reference.losses.map(\.bitPattern))
    #expect(fused.trainAccuracy == reference.trainAccuracy && fused.testAccuracy == reference.testAccuracy)
    #expect(fused.network == reference.network)
}
