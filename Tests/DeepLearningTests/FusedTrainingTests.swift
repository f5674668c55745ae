import Foundation
import Testing
import CKernels
@testable import DeepLearning

/// The shipped Fashion-MNIST sample (2000 train + 500 test images); shared by the DeepLearning tests.
func sample() throws -> DataSet {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    return try DataSetLocator(root: root).load(.sample)
}

/// The CPU can run the C kernels (AVX2 and FMA).
let hasAVX2 = CPUFeatures.current.avx2FMA
/// The CPU can run the AVX-512 kernels.
let hasAVX512 = CPUFeatures.current.avx512

/// The `avx2` backend with one kernel set (which must be on the CPU), explicitly.
func fusedConfiguration(_ kernels: KernelSet, threads: Int = 2, screening: Bool = false) -> ComputeConfiguration {
    ComputeConfiguration(backend: .avx2, kernels: kernels, trainThreads: threads, evaluationThreads: threads,
                         screening: screening)
}

/// The generic matrix code (no fused step) with the products of `backend`.
func genericConfiguration(_ backend: MatrixBackend) -> ComputeConfiguration {
    ComputeConfiguration(backend: backend, kernels: .avx2, trainThreads: 1, evaluationThreads: 1, screening: false)
}

/// The machine's fastest kernel set, as a fused configuration.
let fastestKernels: KernelSet = hasAVX512 ? .avx512 : .avx2

/// The book's loop written with the public value API and an explicit
/// product backend — the implementation before the fused AVX2 step.
private func referenceTraining(_ d: DataSet, options: TrainingOptions, backend: MatrixBackend)
    -> (losses: [Double], network: TwoLayerNet) {
    var g = SeededGenerator(seed: options.seed)
    var net = TwoLayerNet(inputSize: 784, hiddenSize: options.hiddenSize, outputSize: 10,
                          weightInitStd: options.weightInitStd, using: &g)
    var losses: [Double] = []
    for _ in 0..<options.iterations {
        let batch = g.choice(upperBound: d.trainImages.rows, count: options.batchSize)
        let x = d.trainImages.rows(batch)
        let labels = batch.map { d.trainLabels[$0] }
        func forward(_ n: TwoLayerNet) -> (z1: Matrix, y: Matrix) {
            let z1 = sigmoid(x.dot(n.w1, backend: backend) + n.b1)
            return (z1, softmax(z1.dot(n.w2, backend: backend) + n.b2))
        }
        let (z1, y) = forward(net)
        var dy = y
        for (i, l) in labels.enumerated() { dy.values[i * 10 + l] -= 1 }
        dy = dy / Double(options.batchSize)
        let da1 = dy.dot(net.w2.transposed(), backend: backend)
        let dz1 = z1.zipMap(da1) { z, d in (1 - z) * z * d }
        let gradient = TwoLayerNet.Gradients(
            w1: x.transposedDot(dz1, backend: backend), b1: dz1.sum(along: .rows),
            w2: z1.transposedDot(dy, backend: backend), b2: dy.sum(along: .rows))
        net = net.updated(by: gradient, learningRate: options.learningRate)
        losses.append(crossEntropyError(forward(net).y, labels: labels))
    }
    return (losses, net)
}

@Test(.enabled(if: hasAVX2, "the CPU has no AVX2/FMA"), arguments: [MatrixBackend.blas, .swift])
func fusedTrainingMatchesTheReferenceLoop(backend: MatrixBackend) throws {
    let d = try sample()
    let options = TrainingOptions(iterations: 300, seed: 5)
    let fused = try train(trainImages: d.trainImages, trainLabels: d.trainLabels, testImages: d.testImages,
                          testLabels: d.testLabels, options: options, configuration: fusedConfiguration(fastestKernels),
                          compact: true, progress: nil)
    let reference = referenceTraining(d, options: options, backend: backend)
    #expect(fused.losses.count == 300)
    // Same batches, same arithmetic up to the order of the sums: 1e-9 relative.
    for (a, b) in zip(fused.losses, reference.losses) {
        #expect(abs(a - b) <= 1e-9 * abs(b))
    }
    let maxWeightDifference = zip(fused.network.w1.values, reference.network.w1.values).map { abs($0 - $1) }.max()!
    #expect(maxWeightDifference < 1e-12)
    // Accuracy over the sample within 0.005 of the reference network's.
    let acc = reference.network.accuracy(x: d.testImages, labels: d.testLabels)
    #expect(abs(fused.network.accuracy(x: d.testImages, labels: d.testLabels) - acc) <= 0.005)
}

@Test(.enabled(if: hasAVX2, "the CPU has no AVX2/FMA"))
func fusedAndGenericTrainingAgree() throws {
    let d = try sample()
    let options = TrainingOptions(iterations: 200, seed: 1)
    let fused = try train(trainImages: d.trainImages, trainLabels: d.trainLabels, testImages: d.testImages,
                          testLabels: d.testLabels, options: options, configuration: fusedConfiguration(fastestKernels),
                          compact: true, progress: nil)
    let generic = try train(trainImages: d.trainImages, trainLabels: d.trainLabels, testImages: d.testImages,
                            testLabels: d.testLabels, options: options, configuration: genericConfiguration(.blas),
                            compact: true, progress: nil)
    #expect(fused.epochIterations == generic.epochIterations)
    for (a, b) in zip(fused.losses, generic.losses) { #expect(abs(a - b) <= 1e-9 * abs(b)) }
    for (a, b) in zip(fused.trainAccuracy + fused.testAccuracy, generic.trainAccuracy + generic.testAccuracy) {
        #expect(abs(a - b) <= 0.005)
    }
}

@Test(.enabled(if: hasAVX2, "the CPU has no AVX2/FMA"), arguments: CPUFeatures.current.kernelSets)
func kernelPredictionsMatchTheGenericForwardPass(kernels: KernelSet) throws {
    let d = try sample()
    let configuration = fusedConfiguration(kernels)
    var g = SeededGenerator(seed: 9)
    // Larger weights than the initial 0.01 so the predictions vary.
    let net = TwoLayerNet(inputSize: 784, hiddenSize: 50, outputSize: 10, weightInitStd: 0.5, using: &g)
    let generic = net.forward(d.trainImages).a2.argmaxOfRows()
    let fast = net.predictedLabelsAVX2(d.trainImages, configuration: configuration)
    #expect(fast == generic)
    // Odd sizes: hidden 7 (padded to 8), 3 classes, fewer rows than the thread split.
    let small = TwoLayerNet(inputSize: 784, hiddenSize: 7, outputSize: 3, weightInitStd: 0.5, using: &g)
    let rows = d.testImages.rows(Array(0..<37))
    #expect(small.predictedLabelsAVX2(rows, configuration: configuration) == small.forward(rows).a2.argmaxOfRows())
}

/// Hidden 5 (padded to 8) and 60 (> 52: the unblocked kernels and the
/// transposed backward), batch 10, 4-D clusters.
@Test(.enabled(if: hasAVX2, "the CPU has no AVX2/FMA"), arguments: [5, 60])
func fusedTrainingWithOddShapes(hidden: Int) throws {
    // Same losses as the generic path.
    var g = SeededGenerator(seed: 3)
    let labels = (0..<40).map { $0 % 2 }
    let x = Matrix(rows: 40, columns: 4, values: labels.flatMap { l in (0..<4).map { _ in Double(l) + 0.1 * g.nextStandardNormal() } })
    let options = TrainingOptions(hiddenSize: hidden, learningRate: 1.0, batchSize: 10, iterations: 100, seed: 1)
    let fused = try train(trainImages: x, trainLabels: labels, testImages: x, testLabels: labels, options: options,
                          configuration: fusedConfiguration(fastestKernels), compact: true, progress: nil)
    let generic = try train(trainImages: x, trainLabels: labels, testImages: x, testLabels: labels, options: options,
                            configuration: genericConfiguration(.blas), compact: true, progress: nil)
    for (a, b) in zip(fused.losses, generic.losses) { #expect(abs(a - b) <= 1e-9 * abs(b)) }
    #expect(fused.trainAccuracy == generic.trainAccuracy)
    #expect(zip(fused.network.w1.values, generic.network.w1.values).allSatisfy { abs($0 - $1) < 1e-12 })
}

private struct Cancelled: Error {}

@Test(arguments: [true, false])
func throwingProgressStopsTraining(fused: Bool) throws {
    let configuration = fused && hasAVX2 ? fusedConfiguration(fastestKernels) : genericConfiguration(.blas)
    var g = SeededGenerator(seed: 3)
    let labels = (0..<40).map { $0 % 2 }
    let x = Matrix(rows: 40, columns: 4, values: labels.flatMap { l in (0..<4).map { _ in Double(l) + 0.1 * g.nextStandardNormal() } })
    let options = TrainingOptions(hiddenSize: 5, learningRate: 1.0, batchSize: 10, iterations: 100, seed: 1)
    var seen: [Int] = []
    #expect(throws: Cancelled.self) {
        _ = try train(trainImages: x, trainLabels: labels, testImages: x, testLabels: labels,
                      options: options, configuration: configuration, compact: true) { p in
            seen.append(p.iteration)
            if p.iteration == 7 { throw Cancelled() }
        }
    }
    #expect(seen == Array(1...7))
    // The public entry point rethrows too.
    var calls = 0
    #expect(throws: Cancelled.self) {
        _ = try train(trainImages: x, trainLabels: labels, testImages: x, testLabels: labels, options: options) { _ in
            calls += 1
            throw Cancelled()
        }
    }
    #expect(calls == 1)
}

@Test(.enabled(if: hasAVX2, "the CPU has no AVX2/FMA"))
func compactImagesHoldTheExactValues() throws {
    // Zeros (both signs) are dropped; every other value comes back bit for bit.
    let values: [Double] = [0, 1.0 / 255, -0.0, 3, .pi, 0, 1e-300, -2.5, 0, 0, 7, 1.0 / 255]
    let x = Matrix(rows: 3, columns: 4, values: values)
    let compact = try #require(CompactImages(x))
    let c = compact.pointer.pointee
    var rebuilt = [Double](repeating: 0, count: 12)
    for r in 0..<3 {
        for e in c.rowStart[r]..<c.rowStart[r + 1] {
            let code = Int(c.codes[e])
            let palette = withUnsafeBytes(of: c.palette) { Array($0.bindMemory(to: Double.self)) }
            rebuilt[r * 4 + Int(c.cols[e])] = palette[code]
        }
    }
    #expect(c.rowStart[3] == 7)
    #expect(rebuilt.map(\.bitPattern) == values.map { $0 == 0 ? 0 : $0.bitPattern })
}

@Test(.enabled(if: hasAVX2, "the CPU has no AVX2/FMA"))
func compactImagesTakeAtMost256DistinctValues() {
    let fits = Matrix(rows: 16, columns: 16, values: (1...256).map { Double($0) / 256 })
    #expect(CompactImages(fits) != nil)
    let tooMany = Matrix(rows: 17, columns: 16, values: (1...272).map { Double($0) / 256 })
    #expect(CompactImages(tooMany) == nil)
}

/// The fused training of the same images twice: with their compact copy (the step
/// reads the batch's rows in place) and from the matrix (each batch gathered into a CSR).
private func inPlaceAndCSRRuns(_ train: Matrix, _ trainLabels: [Int], _ test: Matrix, _ testLabels: [Int],
                               options: TrainingOptions, kernels: KernelSet) throws -> (compact: TrainingHistory, dense: TrainingHistory) {
    func run(compact: Bool) throws -> TrainingHistory {
        try DeepLearning.train(trainImages: train, trainLabels: trainLabels, testImages: test, testLabels: testLabels,
                               options: options, configuration: fusedConfiguration(kernels), compact: compact, progress: nil)
    }
    return (try run(compact: true), try run(compact: false))
}

/// The compact copy changes where the pixels are read from, not the arithmetic:
/// the same losses and accuracies to the bit as reading the matrix. With the
/// compact copy the step's kernels read the batch's rows in place (no CSR), with
/// the matrix they gather each batch into a CSR first; on every kernel set.
@Test(.enabled(if: hasAVX2, "the CPU has no AVX2/FMA"), arguments: CPUFeatures.current.kernelSets)
func compactAndDenseFusedTrainingAreIdentical(kernels: KernelSet) throws {
    let d = try sample()
    let (compact, dense) = try inPlaceAndCSRRuns(d.trainImages, d.trainLabels, d.testImages, d.testLabels,
                                                 options: TrainingOptions(iterations: 250, seed: 4), kernels: kernels)
    #expect(compact.losses == dense.losses)
    #expect(compact.trainAccuracy == dense.trainAccuracy)
    #expect(compact.testAccuracy == dense.testAccuracy)
    #expect(compact.network == dense.network)
}

/// Images 65 536 pixels wide, the compact copy's limit: the in-place reading of
/// its 16-bit columns finds the ends of the last W1 blocks (which end past
/// 65 535) as the CSR's 32-bit columns do: the same bits on every kernel set.
@Test(.enabled(if: hasAVX2, "the CPU has no AVX2/FMA"), arguments: CPUFeatures.current.kernelSets)
func compactRowsAtTheWidestColumnsGiveTheCSRsBits(kernels: KernelSet) throws {
    let columns = 65_536
    var g = SeededGenerator(seed: 29)
    func images(_ rows: Int) -> Matrix {
        // Sparse rows with pixels near both ends, the last one (65 535) always set.
        var values = [Double](repeating: 0, count: rows * columns)
        for r in 0..<rows {
            for _ in 0..<40 { values[r * columns + Int(g.nextDouble() * Double(columns))] = Double(1 + Int(g.nextDouble() * 255)) / 255 }
            for p in [0, 1, columns - 49, columns - 48, columns - 2, columns - 1] where g.nextDouble() < 0.7 || p == columns - 1 {
                values[r * columns + p] = Double(1 + r % 200) / 255
            }
        }
        return Matrix(rows: rows, columns: columns, values: values)
    }
    let (trainImages, testImages) = (images(12), images(4))
    let trainLabels = (0..<12).map { $0 % 3 }, testLabels = (0..<4).map { $0 % 3 }
    let options = TrainingOptions(hiddenSize: 6, learningRate: 0.3, batchSize: 4, iterations: 8, seed: 2)
    let (compact, dense) = try inPlaceAndCSRRuns(trainImages, trainLabels, testImages, testLabels, options: options, kernels: kernels)
    #expect(compact.losses.count == 8)
    #expect(compact.losses.map(\.bitPattern) == dense.losses.map(\.bitPattern))
    let sameNetwork = compact.network == dense.network
    #expect(sameNetwork)
    // Counted, not listed: W1 has 393 216 entries.
    let differing = zip(compact.network.w1.values, dense.network.w1.values).filter { $0.bitPattern != $1.bitPattern }.count
    #expect(differing == 0)
}

/// A compact copy with all 256 palette values: the AVX-512 dense backward then spreads
/// the in-place rows as doubles (its byte codes need a free code for zero), with
/// ≤ 255 values as codes; both give the CSR path's bits, on every kernel set.
@Test(.enabled(if: hasAVX2, "the CPU has no AVX2/FMA"), arguments: CPUFeatures.current.kernelSets, [256, 255])
func compactRowsWithAFullPaletteGiveTheCSRsBits(kernels: KernelSet, distinct: Int) throws {
    var g = SeededGenerator(seed: 41)
    func images(_ rows: Int) -> Matrix {
        var values = [Double](repeating: 0, count: rows * 64)
        for e in values.indices where g.nextDouble() < 0.6 { values[e] = Double(1 + e % distinct) / 256 }
        return Matrix(rows: rows, columns: 64, values: values)
    }
    let (trainImages, testImages) = (images(60), images(20))
    #expect(Set(trainImages.values.filter { $0 != 0 }).count == distinct)
    #expect(CompactImages(trainImages) != nil)
    let trainLabels = (0..<60).map { $0 % 4 }, testLabels = (0..<20).map { $0 % 4 }
    let options = TrainingOptions(hiddenSize: 12, learningRate: 0.4, batchSize: 10, iterations: 30, seed: 5)
    let (compact, dense) = try inPlaceAndCSRRuns(trainImages, trainLabels, testImages, testLabels, options: options, kernels: kernels)
    #expect(compact.losses.count == 30)
    #expect(compact.losses.map(\.bitPattern) == dense.losses.map(\.bitPattern))
    #expect(compact.network.w1.values.map(\.bitPattern) == dense.network.w1.values.map(\.bitPattern))
    #expect(compact.network == dense.network)
}

/// The kernels' vector exp (used for σ) gives exp()'s bits: over the whole
/// range, near the fast path's edges (2⁻⁵⁴, 512), and for the special values.
@Test(.enabled(if: hasAVX2, "the CPU has no AVX2/FMA"))
func vectorExpHasTheCLibrarysBits() {
    var g = SeededGenerator(seed: 11)
    var x: [Double] = [0, -0.0, 1, -1, 0x1p-54, -0x1p-54, 0x1p-55, 0x1.fffffffffffffp-55, 511.99, 512, -512, 709.78, 710,
                       -745.2, -746, -708.5, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
    for _ in 0..<200_000 { x.append((g.nextDouble() - 0.5) * 1500) }        // [-750, 750)
    for _ in 0..<200_000 { x.append((g.nextDouble() - 0.5) * 60) }          // σ's usual range
    for _ in 0..<50_000 { x.append((g.nextDouble() - 0.5) * 0x1p-40) }       // near 0
    while x.count % 4 != 3 { x.append(g.nextDouble()) }                      // a scalar tail too
    var out = [Double](repeating: 0, count: x.count)
    ck_exp_array(x, x.count, &out)
    let mismatches = zip(x, out).filter { input, fast in
        let reference = Foundation.exp(input)
        return !(reference.bitPattern == fast.bitPattern || (reference.isNaN && fast.isNaN))
    }
    let mismatchCount = mismatches.count
    #expect(mismatchCount == 0, "first: \(mismatches.prefix(3))")
}

/// `steps` fused SGD steps (batch 100, lr 0.1) on the sample's compact training
/// images from a network drawn with `seed`; every step's loss and the trainer.
func trainFused(_ d: DataSet, compact: CompactImages, seed: UInt64, hidden: Int = 50,
                configuration: ComputeConfiguration, steps: Int,
                beforeStep: (Int, FusedTrainer) -> Void = { _, _ in }) -> (losses: [Double], trainer: FusedTrainer) {
    var g = SeededGenerator(seed: seed)
    let start = TwoLayerNet(inputSize: 784, hiddenSize: hidden, outputSize: 10, weightInitStd: 0.01, using: &g)
    let trainer = FusedTrainer(network: start, batchSize: 100, configuration: configuration)
    trainer.source = compact
    var losses: [Double] = []
    d.trainImages.values.withUnsafeBufferPointer { images in
        for step in 0..<steps {
            beforeStep(step, trainer)
            let batch = g.choice(upperBound: d.trainImages.rows, count: 100)
            let labels = batch.map { d.trainLabels[$0] }
            let (loss, finite) = trainer.step(images: images.baseAddress!, batch: batch, labels: labels, learningRate: 0.1)
            #expect(finite)
            losses.append(loss)
        }
    }
    return (losses, trainer)
}

/// Splitting the step over threads (one; two with the helper thread and its
/// moving split; three through Dispatch) changes where rows are computed,
/// never the bits — with every kernel set the CPU has.
@Test(.enabled(if: hasAVX2, "the CPU has no AVX2/FMA"), arguments: CPUFeatures.current.kernelSets)
func fusedStepGivesTheSameBitsOnAnyNumberOfThreads(kernels: KernelSet) throws {
    let d = try sample()
    let compact = try #require(CompactImages(d.trainImages))
    let one = trainFused(d, compact: compact, seed: 8, configuration: fusedConfiguration(kernels, threads: 1), steps: 150)
    for parts in [2, 3] {
        let other = trainFused(d, compact: compact, seed: 8, configuration: fusedConfiguration(kernels, threads: parts), steps: 150)
        #expect(other.trainer.parts == parts)
        #expect(other.losses == one.losses, "\(parts) threads")
        #expect(other.trainer.network == one.trainer.network, "\(parts) threads")
    }
}

/// The two-thread step may run both its parts on the calling thread (on a busy
/// machine): switching back and forth changes nothing in the bits.
@Test(.enabled(if: hasAVX2, "the CPU has no AVX2/FMA"), arguments: CPUFeatures.current.kernelSets)
func theTwoThreadStepGivesTheSameBitsWhenItRunsOnOneThread(kernels: KernelSet) throws {
    let d = try sample()
    let compact = try #require(CompactImages(d.trainImages))
    let configuration = fusedConfiguration(kernels, threads: 2)
    let two = trainFused(d, compact: compact, seed: 8, configuration: configuration, steps: 120) { _, t in t.pinStepMode(oneThread: false) }
    let mixed = trainFused(d, compact: compact, seed: 8, configuration: configuration, steps: 120) { step, t in
        t.pinStepMode(oneThread: step / 7 % 2 == 1)
    }
    #expect(mixed.trainer.parts == 2)
    #expect(mixed.losses == two.losses)
    #expect(mixed.trainer.network == two.trainer.network)
}

/// The choice itself, on made-up step times (ticks): parts that overlap keep
/// two threads; steps whose wall time is nearly the parts' sum (the helper
/// waited for a core) start a probe of 16 one-thread steps, the faster way is
/// kept for 512 steps, and then two threads are tried again.
@Test func theStepMovesToOneThreadOnlyWhenItsPartsDoNotOverlap() {
    var mode = ck_step_mode()
    for _ in 0..<1000 { ck_step_mode_after(&mode, 550, 1000) }
    #expect(mode.serial == 0 && mode.switches == 0, "a quiet machine: the parts overlap")
    for _ in 0..<7 { ck_step_mode_after(&mode, 2000, 2100) }
    #expect(mode.serial == 0, "seven poor steps are not enough")
    ck_step_mode_after(&mode, 550, 1000)
    for _ in 0..<7 { ck_step_mode_after(&mode, 2000, 2100) }
    #expect(mode.serial == 0, "a good step starts the count again")
    ck_step_mode_after(&mode, 2000, 2100)
    #expect(mode.serial == 1 && mode.probing == 1 && mode.switches == 1)
    for _ in 0..<16 { ck_step_mode_after(&mode, 1200, 0) }
    #expect(mode.serial == 1 && mode.probing == 0 && mode.left == 512, "one thread was faster: kept")
    for _ in 0..<512 { ck_step_mode_after(&mode, 1200, 0) }
    #expect(mode.serial == 0, "then two threads again")
    // A probe that finds one thread slower goes back to two and does not probe for 512 steps.
    for _ in 0..<8 { ck_step_mode_after(&mode, 1000, 1100) }
    #expect(mode.serial == 1 && mode.switches == 2)
    for _ in 0..<16 { ck_step_mode_after(&mode, 5000, 0) }
    #expect(mode.serial == 0)
    for _ in 0..<500 { ck_step_mode_after(&mode, 1000, 1100) }
    #expect(mode.serial == 0 && mode.switches == 2, "no probe during the cool-down")
    for _ in 0..<20 { ck_step_mode_after(&mode, 1000, 1100) }
    #expect(mode.switches == 3, "poor steps after it probe again")
}

@Test(.enabled(if: hasAVX512, "the CPU has no AVX-512"))
func avx512KernelsGiveTheSameBitsAsAVX2() throws {
    let d = try sample()
    let compact = try #require(CompactImages(d.trainImages))
    let compactTest = try #require(CompactImages(d.testImages))
    // Hidden sizes 50 (rows of 56 doubles with AVX-512, seven 8-wide registers; 52 with AVX2), 12 and 5.
    func run(hidden: Int, avx512: Bool) -> (losses: [Double], network: TwoLayerNet, labels: [Int], compactLabels: [Int]) {
        let configuration = fusedConfiguration(avx512 ? .avx512 : .avx2)
        let (losses, trainer) = trainFused(d, compact: compact, seed: 9, hidden: hidden, configuration: configuration, steps: 100)
        #expect(trainer.hiddenStride == ck_padded(hidden, avx512 ? 1 : 0), "the kernel set asked for is the one used")
        return (losses, trainer.network, trainer.network.predictedLabels(d.testImages, configuration: configuration),
                trainer.predictedLabels(compact: compactTest))
    }
    for hidden in [50, 12, 5] {
        let wide = run(hidden: hidden, avx512: true), narrow = run(hidden: hidden, avx512: false)
        #expect(wide.losses == narrow.losses, "hidden \(hidden)")
        #expect(wide.network == narrow.network, "hidden \(hidden)")
        #expect(wide.labels == narrow.labels, "hidden \(hidden)")
        // Evaluation from the compact copy (with AVX-512: three rows at a time over the union of their pixels).
        #expect(wide.compactLabels == narrow.compactLabels, "hidden \(hidden)")
        #expect(wide.compactLabels == wide.labels, "hidden \(hidden)")
        #expect(Set(wide.labels).count > 1, "the predictions vary, hidden \(hidden)")
    }
}

/// The AVX-512 backward adds the zero terms of a dense product, which is exact
/// only while da1 is finite; with a NaN in one batch row (a NaN pixel) it must
/// fall back to the listed backward (no zero terms), or the W1 rows of pixels
/// that row lacks would become NaN too. Both kernel sets must give the same
/// bits here as well.
@Test(.enabled(if: hasAVX512, "the CPU has no AVX-512"))
func avx512BackwardKeepsNaNWhereTheScatterPutsIt() {
    var images = [Double](repeating: 0, count: 4 * 784)
    for p in 100..<300 { images[p] = Double(p % 7) / 7 }          // row 0
    images[150] = .nan
    for p in 350..<600 { images[784 + p] = Double(p % 5) / 5 }    // row 1: pixels row 0 lacks
    for p in 200..<500 { images[2 * 784 + p] = 0.5; images[3 * 784 + p] = 0.25 }
    func run(avx512: Bool) -> (finite: Bool, w1: [UInt64]) {
        var g = SeededGenerator(seed: 3)
        let start = TwoLayerNet(inputSize: 784, hiddenSize: 50, outputSize: 10, weightInitStd: 0.01, using: &g)
        let trainer = FusedTrainer(network: start, batchSize: 4, configuration: fusedConfiguration(avx512 ? .avx512 : .avx2, threads: 1))
        let (_, finite) = images.withUnsafeBufferPointer { trainer.step(images: $0.baseAddress!, batch: [0, 1, 2, 3], labels: [1, 2, 3, 4], learningRate: 0.1) }
        return (finite, trainer.network.w1.values.map(\.bitPattern))
    }
    let wide = run(avx512: true), narrow = run(avx512: false)
    #expect(!wide.finite && !narrow.finite)
    #expect(wide.w1 == narrow.w1)
    // Row 1's own pixels stay finite (only row 0 carries the NaN).
    #expect(Double(bitPattern: wide.w1[450 * 50]).isFinite)
}

/// The AVX-512 evaluation adds zero terms x·w over the union of three rows'
/// pixels, exact only while W1 is finite: with an infinite weight it must read
/// the rows sparsely, as the AVX2 kernels do (0·∞ would be NaN).
@Test(.enabled(if: hasAVX512, "the CPU has no AVX-512"))
func avx512EvaluationWithAnInfiniteWeightMatchesAVX2() throws {
    let d = try sample()
    let compact = try #require(CompactImages(d.testImages))
    var g = SeededGenerator(seed: 4)
    var network = TwoLayerNet(inputSize: 784, hiddenSize: 50, outputSize: 10, weightInitStd: 0.01, using: &g)
    // Pixel 400 (image centre) of hidden unit 3: rows with that pixel get +∞ there, the others must not get NaN.
    network.w1.values[400 * 50 + 3] = .infinity
    // Class 7 wins where σ = 1 (rows with pixel 400), not where σ ≈ ½: the labels tell the two kinds of rows apart.
    network.w2.values[3 * 10 + 7] = 1
    network.b2[7] = -0.75
    func labels(avx512: Bool) -> [Int] {
        FusedTrainer(network: network, batchSize: 100, configuration: fusedConfiguration(avx512 ? .avx512 : .avx2, threads: 1))
            .predictedLabels(compact: compact)
    }
    let wide = labels(avx512: true), narrow = labels(avx512: false)
    #expect(wide == narrow)
    #expect(Set(narrow).count > 1)
}
