import CKernels
import Foundation
import Testing
@testable import DeepLearning

// A data set loaded from files keeps its images as bytes: the matrices of
// Doubles are made only when asked for, and the fused training's compact
// copies are made from the bytes. Everything here is exact (tolerance 0).

/// A compact copy as plain values: row starts, columns, and every entry's
/// palette VALUE (bit patterns), so that copies whose codes are numbered
/// differently still compare equal when they hold the same entries.
private struct Entries: Equatable {
    var rowStart: [Int], columns: [UInt16], valueBits: [UInt64], paletteSize: Int

    init(_ compact: UnsafePointer<ck_compact>) {
        let c = compact.pointee
        let n = c.rowStart[c.rows]
        let palette = withUnsafeBytes(of: c.palette) { Array($0.bindMemory(to: Double.self)) }
        rowStart = (0...c.rows).map { c.rowStart[$0] }
        columns = (0..<n).map { c.cols[$0] }
        valueBits = (0..<n).map { palette[Int(c.codes[$0])].bitPattern }
        paletteSize = c.paletteSize
    }
}

/// Images of `count` × (rows × columns) bytes from `byte(image, pixel)`.
private func images(_ count: Int, _ rows: Int, _ columns: Int, _ byte: (Int, Int) -> UInt8) -> IDXImages {
    let n = rows * columns
    return IDXImages(count: count, rows: rows, columns: columns,
                     pixels: (0..<count * n).map { byte($0 / n, $0 % n) })
}

/// The byte-built and the double-built copy of `x`, as entries.
private func bothCopies(_ x: IDXImages) throws -> (bytes: Entries, doubles: Entries) {
    let fromBytes = try #require(CompactImages(x))
    let fromDoubles = try #require(CompactImages(x.scaledMatrix()))
    return (Entries(fromBytes.pointer), Entries(fromDoubles.pointer))
}

@Test(.enabled(if: hasAVX2, "the CPU has no AVX2/FMA"))
func compactCopyFromBytesEqualsTheOneFromDoubles() throws {
    var g = SeededGenerator(seed: 5)
    // 28×28 (784 = 24·32 + 16: whole 32-byte blocks and a tail), about half the pixels 0,
    // every fifth image all 0 (a row without entries), the first one full of 255.
    let mnistLike = images(40, 28, 28) { image, _ in
        if image == 0 { return 255 }
        if image % 5 == 0 { return 0 }
        return g.nextDouble() < 0.5 ? 0 : UInt8(1 + Int(g.nextDouble() * 255) % 255)
    }
    // All 255 non-zero levels (and 0), in an order that is not the levels' order.
    let allLevels = images(64, 4, 4) { image, pixel in UInt8(truncatingIfNeeded: (image * 16 + pixel) &* 37) }
    // Narrow rows (under one block), a single column, and no images at all.
    let narrow = images(30, 1, 7) { image, pixel in UInt8((image * 7 + pixel) % 3 * 100) }
    let oneColumn = images(9, 1, 1) { image, _ in UInt8(image % 2 * 200) }
    let empty = IDXImages(count: 0, rows: 28, columns: 28, pixels: [])
    for (name, x) in [("mnist-like", mnistLike), ("all levels", allLevels), ("narrow", narrow),
                      ("one column", oneColumn), ("empty", empty)] {
        let (bytes, doubles) = try bothCopies(x)
        #expect(bytes == doubles, "\(name)")
        #expect(bytes.rowStart.last == x.pixels.filter { $0 != 0 }.count, "\(name): every non-zero pixel is an entry")
    }
    #expect(try bothCopies(allLevels).bytes.paletteSize == 255)
    let rowStart = try bothCopies(mnistLike).bytes.rowStart
    #expect(rowStart[6] == rowStart[5], "image 5 has no entries")
    // Wider than 65 536 pixels: no compact copy, as from the doubles.
    let wide = IDXImages(count: 1, rows: 1, columns: 65_537, pixels: [UInt8](repeating: 1, count: 65_537))
    #expect(CompactImages(wide) == nil && CompactImages(wide.scaledMatrix()) == nil)
}

/// Any table of 256 values: a zero value is dropped like a zero double, equal
/// values share a code, and byte 0 with a non-zero value is an entry.
@Test(.enabled(if: hasAVX2, "the CPU has no AVX2/FMA"))
func compactCopyFromBytesTakesAnyTable() throws {
    var table = (0..<256).map { Double($0) * 0.5 + 1 }       // byte 0 → 1: zeros are entries too
    table[7] = 0; table[9] = -0.0; table[20] = table[21]      // dropped, dropped, shared
    let pixels = (0..<(50 * 40)).map { UInt8(truncatingIfNeeded: $0 &* 13 >> 2) }
    let matrix = pixels.map { table[Int($0)] }
    let fromBytes = try #require(pixels.withUnsafeBufferPointer { p in
        ck_compact_create_bytes(p.baseAddress, 50, 40, table)
    })
    let fromDoubles = try #require(ck_compact_create(matrix, 50, 40))
    defer { ck_compact_destroy(fromBytes); ck_compact_destroy(fromDoubles) }
    #expect(Entries(fromBytes) == Entries(fromDoubles))
    #expect(Entries(fromBytes).rowStart.last == matrix.filter { $0 != 0 }.count)
}

/// Writes a data set of `train` and `test` images of 5×6 pixels into a new directory.
private func byteDataSet(train: IDXImages, trainLabels: [Int], test: IDXImages, testLabels: [Int]) throws -> String {
    let dir = NSTemporaryDirectory() + "bytes-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for (bytes, name) in [(IDXReader.encode(train), DataSet.trainImagesFile), (IDXReader.encode(labels: trainLabels), DataSet.trainLabelsFile),
                          (IDXReader.encode(test), DataSet.testImagesFile), (IDXReader.encode(labels: testLabels), DataSet.testLabelsFile)] {
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name))
    }
    return dir
}

@Test func aLoadedSetMakesItsMatricesOnlyWhenAskedAndExactly() throws {
    let train = images(12, 5, 6) { image, pixel in UInt8(truncatingIfNeeded: image * 31 + pixel * 17) }
    let test = images(4, 5, 6) { image, pixel in UInt8(truncatingIfNeeded: image * 7 + pixel * 255) }
    let dir = try byteDataSet(train: train, trainLabels: (0..<12).map { $0 % 3 }, test: test, testLabels: [0, 1, 2, 0])
    let d = try DataSet.load(from: dir)
    #expect(d.trainImageBytes == train && d.testImageBytes == test)
    #expect(d.trainCount == 12 && d.testCount == 4 && d.imageRows == 5 && d.imageColumns == 6)
    #expect(!d.trainStore.hasMatrix && !d.testStore.hasMatrix, "loading makes no matrix")
    // Asked for from several threads at once: one matrix, the bits of scaledMatrix (tolerance 0).
    let seen = Seen()
    DispatchQueue.concurrentPerform(iterations: 4) { _ in seen.add(d.trainImages) }
    let expected = train.scaledMatrix()
    #expect(seen.all.count == 4)
    #expect(seen.all.allSatisfy { $0.shape == expected.shape && $0.values.map(\.bitPattern) == expected.values.map(\.bitPattern) })
    #expect(d.trainStore.hasMatrix && !d.testStore.hasMatrix)
    #expect(d.testImages.values.map(\.bitPattern) == test.scaledMatrix().values.map(\.bitPattern))
}

/// Matrices handed in from several threads.
private final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var matrices: [Matrix] = []
    func add(_ m: Matrix) { lock.withLock { matrices.append(m) } }
    var all: [Matrix] { lock.withLock { matrices } }
}

@Test func aSetBuiltFromMatricesStillWorks() throws {
    let train = images(6, 2, 3) { image, pixel in UInt8(image * 40 + pixel) }
    let test = images(2, 2, 3) { image, pixel in UInt8(255 - image * 9 - pixel) }
    let dir = try byteDataSet(train: train, trainLabels: [0, 1, 0, 1, 0, 1], test: test, testLabels: [1, 0])
    let loaded = try DataSet.load(from: dir, name: "six")
    var built = DataSet(name: "six", directory: dir, trainImages: train.scaledMatrix(), trainLabels: [0, 1, 0, 1, 0, 1],
                        testImages: test.scaledMatrix(), testLabels: [1, 0], imageRows: 2, imageColumns: 3,
                        classNames: ["0", "1"])
    #expect(built.trainImageBytes == nil && built.testImageBytes == nil)
    #expect(built.trainCount == 6 && built.testCount == 2 && built.trainImages == train.scaledMatrix())
    // The same images as bytes and as matrices are the same data set; a changed pixel is not.
    #expect(built == loaded)
    built.trainImages.values[4] = 0.5
    #expect(built != loaded && built.trainImages.values[4] == 0.5)
    // Setting a loaded set's images replaces its bytes.
    var replaced = loaded
    replaced.testImages = Matrix(rows: 2, columns: 6, values: [Double](repeating: 0, count: 12))
    #expect(replaced.testImageBytes == nil && replaced.testCount == 2 && loaded.testImageBytes == test)
    #expect(replaced != loaded)
}

/// The sample as loaded (bytes) and the same images given as matrices.
private func sampleBothWays() throws -> (bytes: DataSet, matrices: DataSet) {
    let bytes = try sample(), m = try sample()
    let matrices = DataSet(name: m.name, directory: m.directory, trainImages: m.trainImages, trainLabels: m.trainLabels,
                           testImages: m.testImages, testLabels: m.testLabels, imageRows: m.imageRows,
                           imageColumns: m.imageColumns, classNames: m.classNames)
    return (bytes, matrices)
}

/// The fused training on the bytes' compact copies gives the bits of training
/// on the matrices, on every kernel set of this CPU, and never makes the matrices.
@Test(.enabled(if: hasAVX2, "the CPU has no AVX2/FMA"), arguments: CPUFeatures.current.kernelSets)
func trainingFromBytesGivesTheBitsOfTrainingFromMatrices(kernels: KernelSet) throws {
    let (bytes, matrices) = try sampleBothWays()
    #expect(bytes.trainImageBytes != nil && matrices.trainImageBytes == nil)
    let options = TrainingOptions(iterations: 120, seed: 6)
    for threads in [1, 2] {
        for screening in [false, true] {
            let c = fusedConfiguration(kernels, threads: threads, screening: screening)
            let a = try train(on: bytes, options: options, configuration: c)
            let b = try train(on: matrices, options: options, configuration: c)
            #expect(a.losses.map(\.bitPattern) == b.losses.map(\.bitPattern), "\(c)")
            #expect(a.trainAccuracy == b.trainAccuracy && a.testAccuracy == b.testAccuracy, "\(c)")
            #expect(a.network == b.network, "\(c)")
            #expect(a.trainAccuracy.count == 6, "evaluations after iterations 0, 20, …, 100")
        }
    }
    // Several seeds share compact copies (made from the bytes once).
    let c = fusedConfiguration(kernels, threads: 2)
    let a = try train(on: bytes, options: options, seeds: [3, 4], configuration: c)
    let b = try train(on: matrices, options: options, seeds: [3, 4], configuration: c)
    #expect(a == b)
    #expect(!bytes.trainStore.hasMatrix && !bytes.testStore.hasMatrix, "the fused training made no matrix")
}

/// The generic loop (no fused step) asks for the matrices and gives the same bits.
@Test func theGenericLoopOnABytesSetMakesTheMatrices() throws {
    let (bytes, matrices) = try sampleBothWays()
    let options = TrainingOptions(iterations: 30, seed: 2)
    let a = try train(on: bytes, options: options, configuration: genericConfiguration(.swift))
    let b = try train(on: matrices, options: options, configuration: genericConfiguration(.swift))
    #expect(a == b)
    #expect(bytes.trainStore.hasMatrix && bytes.testStore.hasMatrix)
}

/// The fuzz target's check (`compactCopiesAgree`): true on sets whose two copies
/// agree, including sets neither way can store; sets past its size limit are not checked.
@Test(.enabled(if: hasAVX2, "the CPU has no AVX2/FMA"))
func theFuzzTargetsCompactCheckAgreesOnGoodSets() {
    #expect(compactCopiesAgree(images(7, 28, 28) { i, p in UInt8((i * 31 + p * 7) % 256) }))
    #expect(compactCopiesAgree(images(3, 5, 3) { _, _ in 0 }))
    #expect(compactCopiesAgree(IDXImages(count: 1, rows: 1, columns: 65_537, pixels: [UInt8](repeating: 1, count: 65_537))))
    #expect(compactCopiesAgree(images(4, 16, 16) { _, p in UInt8(p) }, maximumPixels: 100), "past the limit: not checked")
}
