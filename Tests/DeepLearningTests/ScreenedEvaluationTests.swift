import Testing
@testable import DeepLearning

// Screened evaluations (ck_predict_labels_compact_screened): most rows' first
// layer in 16-bit integers with a bound on the error, the rest in Double.
// The labels must be those of the exact evaluation, bit for bit, always —
// with every kernel set this CPU has (the AVX2 integer product by vpmaddwd;
// the avx512 kernels' by vpdpwssd where the CPU has VNNI).

private let screening = CPUFeatures.current.avx2FMA

/// The configurations that screen, one per kernel set of this CPU, on one thread.
private let screenedConfigurations = CPUFeatures.current.kernelSets.map { fusedConfiguration($0, threads: 1, screening: true) }

/// The exact and the screened evaluation.
private func bothWays(_ trainer: FusedTrainer, _ compact: CompactImages)
    -> (exact: (labels: [Int], exactRows: Int), screened: (labels: [Int], exactRows: Int)) {
    (trainer.predictedLabels(compact: compact, screened: false), trainer.predictedLabels(compact: compact, screened: true))
}


/// A trainer whose network learnt 400 steps of the shipped sample, with the
/// layout of `configuration`'s kernel set.
private func trained(_ configuration: ComputeConfiguration) throws -> (data: DataSet, trainer: FusedTrainer) {
    let d = try sample()
    let compact = try #require(CompactImages(d.trainImages))
    return (d, trainFused(d, compact: compact, seed: 11, configuration: configuration, steps: 400).trainer)
}

@Test(.enabled(if: screening, "no AVX2/FMA"))
func screenedLabelsAreTheExactLabels() throws {
    var exactRows: [[Int]] = []
    for configuration in screenedConfigurations {
        let (d, trainer) = try trained(configuration)
        var counts: [Int] = []
        for images in [d.trainImages, d.testImages] {
            let compact = try #require(CompactImages(images))
            let (exact, screened) = bothWays(trainer, compact)
            #expect(screened.labels == exact.labels, "\(configuration)")
            // The bound settles most rows (1–3 % are left to Double on Fashion-MNIST).
            #expect(screened.exactRows < images.rows / 10, "\(screened.exactRows) of \(images.rows) rows computed exactly")
            counts.append(screened.exactRows)
        }
        exactRows.append(counts)
    }
    // The integers are the same with vpmaddwd and vpdpwssd, so the same rows are left open.
    #expect(Set(exactRows).count == 1, "rows computed exactly per kernel set: \(exactRows)")
}

/// Two classes whose outputs differ by about 1e-12 — far below the integer
/// product's error — and beat every other class: the bound cannot settle the
/// order between them, so nearly every row must be left to the exact
/// computation (without the bound none is), and the labels are the exact ones.
@Test(.enabled(if: screening, "no AVX2/FMA"), arguments: screenedConfigurations)
func nearTiesAreComputedExactly(configuration: ComputeConfiguration) throws {
    let (d, trainer) = try trained(configuration)
    var network = trainer.network
    for j in 0..<network.hiddenSize {
        let w = network.w2.values[j * 10 + 2]
        network.w2.values[j * 10 + 0] = w
        network.w2.values[j * 10 + 1] = w + (j % 2 == 0 ? 1e-12 : -1e-12)
    }
    network.b2[0] = 20
    network.b2[1] = 20
    let near = FusedTrainer(network: network, batchSize: 100, configuration: configuration)
    let compact = try #require(CompactImages(d.testImages))
    let (exact, screened) = bothWays(near, compact)
    #expect(Set(exact.labels) == [0, 1], "the two classes win, both of them")
    #expect(screened.labels == exact.labels)
    #expect(screened.exactRows > compact.rows * 9 / 10)
}

/// `images` with every non-zero pixel replaced by a value drawn from `palette`.
private func repainted(_ images: Matrix, with palette: [Double]) -> Matrix {
    var g = SeededGenerator(seed: 5)
    var values = images.values
    for i in values.indices where values[i] != 0 {
        values[i] = palette[Int(g.next() % UInt64(palette.count))]
    }
    return Matrix(rows: images.rows, columns: images.columns, values: values)
}

/// Pixel values that are not k/255 (negative, above 1, irregular): the
/// palette's integers then carry an error of their own, which the bound covers.
/// (Without the bound, some of these labels differ from the exact ones.)
@Test(.enabled(if: screening, "no AVX2/FMA"), arguments: screenedConfigurations)
func screeningWorksForAnyPalette(configuration: ComputeConfiguration) throws {
    let (d, trainer) = try trained(configuration)
    let images = repainted(d.testImages, with: [-0.31, 0.07, 0.5, 0.77, 1.3, 2.0, 1e-3, 0.333333])
    let compact = try #require(CompactImages(images))
    let (exact, screened) = bothWays(trainer, compact)
    #expect(screened.labels == exact.labels)
    #expect(screened.exactRows < images.rows, "some rows are settled by the bound")
    #expect(Set(exact.labels).count > 1)
}

/// A NaN or infinite pixel, or an infinite weight: no screening, the exact kernels decide.
@Test(.enabled(if: screening, "no AVX2/FMA"), arguments: screenedConfigurations)
func nonFiniteValuesAreLeftToTheExactKernels(configuration: ComputeConfiguration) throws {
    let (d, trainer) = try trained(configuration)
    for bad: [(row: Int, value: Double)] in [[(3, .nan)], [(7, .infinity)], [(3, .nan), (7, -.infinity)]] {
        var images = repainted(d.testImages, with: [0.25, 0.5, 1])
        for (row, value) in bad { images.values[row * 784 + 400] = value }
        let compact = try #require(CompactImages(images))
        let (exact, screened) = bothWays(trainer, compact)
        #expect(screened.labels == exact.labels, "\(bad)")
        #expect(screened.exactRows == compact.rows, "\(bad)")
    }
    var network = trainer.network
    network.w1.values[400 * 50 + 3] = .infinity
    let infinite = FusedTrainer(network: network, batchSize: 100, configuration: configuration)
    let plain = try #require(CompactImages(d.testImages))
    #expect(bothWays(infinite, plain).screened.exactRows == plain.rows)
}

/// Random networks from tiny to huge weights (σ = 0.001 … 10, biases too):
/// wherever the bound lands, the labels are the exact ones.
@Test(.enabled(if: screening, "no AVX2/FMA"), arguments: screenedConfigurations)
func screeningAgreesOnRandomNetworks(configuration: ComputeConfiguration) throws {
    let d = try sample()
    let compact = try #require(CompactImages(d.testImages))
    var g = SeededGenerator(seed: 21)
    for std in [0.001, 0.01, 0.1, 1, 10] {
        var network = TwoLayerNet(inputSize: 784, hiddenSize: 50, outputSize: 10, weightInitStd: std, using: &g)
        network.b1 = network.b1.map { _ in Double.random(in: -std...std, using: &g) }
        network.b2 = network.b2.map { _ in Double.random(in: -std...std, using: &g) }
        let trainer = FusedTrainer(network: network, batchSize: 100, configuration: configuration)
        let (exact, screened) = bothWays(trainer, compact)
        #expect(screened.labels == exact.labels, "σ = \(std)")
        #expect(screened.exactRows < compact.rows, "σ = \(std): the bound settles some rows")
    }
}

/// Rows at the edges of the decoding (where the CPU has AVX-512 VBMI2 the rows are
/// expanded 64 pixels at a time from their codes): empty rows, full rows, 130 pixels
/// (not a multiple of 64, and fewer than the 160 integers a row takes), a palette
/// of 200 values (codes past 127 use the table's upper half), one of them rounding
/// to the integer 0. The labels and the rows left open are the same with every kernel set.
@Test(.enabled(if: screening, "no AVX2/FMA"))
func screeningDecodesEdgeRows() throws {
    let columns = 130, rows = 600
    var g = SeededGenerator(seed: 31)
    let palette = (0..<200).map { Double($0 + 1) / 200 } + [1e-9]
    var values = [Double](repeating: 0, count: rows * columns)
    for r in 0..<rows {
        let density = r % 5 == 0 ? 0.0 : r % 5 == 1 ? 1.0 : Double(r % 97) / 97
        for c in 0..<columns where g.nextDouble() < density || (r % 7 == 3 && c == columns - 1) {
            values[r * columns + c] = palette[Int(g.next() % UInt64(palette.count))]
        }
    }
    let compact = try #require(CompactImages(Matrix(rows: rows, columns: columns, values: values)))
    var results: [(labels: [Int], exactRows: Int)] = []
    var ng = SeededGenerator(seed: 32)
    let network = TwoLayerNet(inputSize: columns, hiddenSize: 50, outputSize: 10, weightInitStd: 1, using: &ng)
    for configuration in screenedConfigurations {
        let trainer = FusedTrainer(network: network, batchSize: 100, configuration: configuration)
        let (exact, screened) = bothWays(trainer, compact)
        #expect(screened.labels == exact.labels, "\(configuration)")
        #expect(screened.exactRows < rows * 3 / 4, "\(screened.exactRows) of \(rows) rows computed exactly")
        #expect(Set(exact.labels).count > 2)
        results.append(screened)
    }
    #expect(Set(results.map(\.exactRows)).count == 1, "rows computed exactly per kernel set: \(results.map(\.exactRows))")
}
