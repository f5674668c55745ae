import Foundation
import Testing
@testable import DeepLearning

// Data files that are mistaken or hostile: a located IDXError, never a trap,
// an unbounded allocation or a read that never ends.

private func directory() throws -> String {
    let dir = NSTemporaryDirectory() + "hostile-data-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

private func header(_ words: [UInt32]) -> [UInt8] {
    words.flatMap { w in [24, 16, 8, 0].map { UInt8((w >> $0) & 0xFF) } }
}

@Test func headerSizesThatOverflowAreAnError() {
    // 2^32-1 images of (2^32-1)² pixels: the product overflows Int.
    let bytes = header([IDXReader.imageMagic, .max, .max, .max])
    #expect(throws: IDXError.self) { try IDXReader.parseImages(bytes, path: "x") }
    let big = header([IDXReader.imageMagic, 1 << 20, 1 << 16, 1 << 16])
    #expect(throws: IDXError.self) { try IDXReader.parseImages(big, path: "x") }
}

@Test func aGzipBombIsStoppedAtTheSizeItsHeaderAnnounces() throws {
    // The header says 1 image of 2×2 pixels, then 64 MiB of zeros follow (64 KiB compressed).
    let dir = try directory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/bomb.gz"
    let zeros = [UInt8](repeating: 0, count: 64 << 20)
    #expect(gzopenWrite(path)!(header([IDXReader.imageMagic, 1, 2, 2]) + zeros))
    #expect(throws: IDXError.unreadable(path: path, reason: "longer than its header says (1 images of 2×2 needs 20 bytes)")) {
        try IDXReader.readImages(atPath: path)
    }
    // A header announcing more than the limit is refused before anything is inflated.
    let huge = dir + "/huge.gz"
    #expect(gzopenWrite(huge)!(header([IDXReader.imageMagic, 1 << 20, 1 << 8, 1 << 8])))
    #expect(throws: IDXError.self) { try IDXReader.readImages(atPath: huge) }
}

@Test func nonRegularFilesAreRefusedWithoutReadingThem() throws {
    #expect(throws: IDXError.unreadable(path: "/dev/zero", reason: "not a regular file (a device, pipe or folder)")) {
        try IDXReader.readImages(atPath: "/dev/zero")
    }
    let dir = try directory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let fifo = dir + "/fifo"
    #expect(mkfifo(fifo, 0o644) == 0)
    #expect(throws: IDXError.self) { try IDXReader.readLabels(atPath: fifo) }  // would block if opened
    #expect(throws: IDXError.self) { try IDXReader.readLabels(atPath: dir) }
}

/// A data set folder with `train` and `test` images (of 2×2 pixels) and the given labels.
private func dataSet(train: Int, test: Int, trainLabels: [Int], testLabels: [Int]) throws -> String {
    let dir = try directory()
    func put(_ bytes: [UInt8], _ name: String) throws { try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name)) }
    try put(IDXReader.encode(IDXImages(count: train, rows: 2, columns: 2, pixels: [UInt8](repeating: 9, count: 4 * train))), DataSet.trainImagesFile)
    try put(IDXReader.encode(labels: trainLabels), DataSet.trainLabelsFile)
    try put(IDXReader.encode(IDXImages(count: test, rows: 2, columns: 2, pixels: [UInt8](repeating: 9, count: 4 * test))), DataSet.testImagesFile)
    try put(IDXReader.encode(labels: testLabels), DataSet.testLabelsFile)
    return dir
}

@Test func aLabelPastTheClassCountIsAnErrorNamingTheFile() throws {
    let dir = try dataSet(train: 2, test: 1, trainLabels: [3, 12], testLabels: [0])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(throws: IDXError.unreadable(path: dir + "/" + DataSet.trainLabelsFile,
                                        reason: "label 12 (item 2) is not one of the 10 classes 0…9")) {
        try DataSet.load(from: dir, classNames: ClassNames.digits)
    }
}

@Test func aDataSetWithoutImagesIsAnError() throws {
    let dir = try dataSet(train: 0, test: 1, trainLabels: [], testLabels: [0])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(throws: IDXError.unreadable(path: dir + "/" + DataSet.trainImagesFile, reason: "holds no images")) {
        try DataSet.load(from: dir)
    }
}

@Test func theFilesAreReadSideBySideButTheirErrorsComeInFileOrder() throws {
    // Broken training images (read on one thread) and broken test labels (on the other):
    // the error is the training images', as when the files are read one after the other.
    let dir = try dataSet(train: 2, test: 1, trainLabels: [0, 1], testLabels: [0])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Data([1, 2, 3]).write(to: URL(fileURLWithPath: dir + "/" + DataSet.trainImagesFile))
    try Data(header([IDXReader.labelMagic, 5])).write(to: URL(fileURLWithPath: dir + "/" + DataSet.testLabelsFile))
    #expect(throws: IDXError.tooShort(path: dir + "/" + DataSet.trainImagesFile, bytes: 3)) {
        try DataSet.load(from: dir)
    }
    // With the training images repaired, the test labels' own error.
    try Data(IDXReader.encode(IDXImages(count: 2, rows: 2, columns: 2, pixels: [UInt8](repeating: 9, count: 8))))
        .write(to: URL(fileURLWithPath: dir + "/" + DataSet.trainImagesFile))
    #expect(throws: IDXError.sizeMismatch(path: dir + "/" + DataSet.testLabelsFile, header: "5 labels", expectedBytes: 13, actualBytes: 8)) {
        try DataSet.load(from: dir)
    }
}

@Test func aGzipFileReadsTheSameAtOnceOrStreamedAndItsFaultsStayLocated() throws {
    let dir = try directory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let images = IDXImages(count: 300, rows: 28, columns: 28, pixels: (0..<(300 * 784)).map { UInt8(truncatingIfNeeded: $0 % 251) })
    let bytes = IDXReader.encode(images)
    let one = dir + "/one.gz", half = dir + "/half.gz", two = dir + "/two.gz", long = dir + "/long.gz", cut = dir + "/cut.gz"
    #expect(gzopenWrite(one)!(bytes))
    // One member, inflated at once by libdeflate.
    #expect(try IDXReader.readImages(atPath: one) == images)
    // Two members (gzip allows concatenation): libdeflate leaves it, the streaming read reads both.
    #expect(gzopenWrite(half)!(Array(bytes[..<100_000])))
    #expect(gzopenWrite(two + ".b")!(Array(bytes[100_000...])))
    try Data(try Data(contentsOf: URL(fileURLWithPath: half)) + Data(contentsOf: URL(fileURLWithPath: two + ".b")))
        .write(to: URL(fileURLWithPath: two))
    #expect(try IDXReader.readImages(atPath: two) == images)
    // A stream longer than its header says, and a cut one: the same located errors as ever.
    #expect(gzopenWrite(long)!(bytes + [7]))
    #expect(throws: IDXError.unreadable(path: long, reason: "longer than its header says (300 images of 28×28 needs \(bytes.count) bytes)")) {
        try IDXReader.readImages(atPath: long)
    }
    let whole = try Data(contentsOf: URL(fileURLWithPath: one))
    try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: cut))
    #expect {
        try IDXReader.readImages(atPath: cut)
    } throws: { error in
        guard case .corruptGzip(let path, _)? = error as? IDXError else { return false }
        return path == cut
    }
}
