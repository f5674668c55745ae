import Foundation
import Testing
@testable import DeepLearning

/// Writes a tiny data set (4 train, 2 test images of 3×3) into a new directory.
private func tinyDataSet(gzip: Bool) throws -> String {
    let dir = NSTemporaryDirectory() + "dataset-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    func put(_ bytes: [UInt8], _ name: String) throws {
        if gzip {
            #expect(gzopenWrite(dir + "/" + name + ".gz")!(bytes))
        } else {
            try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name))
        }
    }
    try put(IDXReader.encode(IDXImages(count: 4, rows: 3, columns: 3, pixels: (0..<36).map { UInt8($0 * 7) })), DataSet.trainImagesFile)
    try put(IDXReader.encode(labels: [0, 1, 2, 1]), DataSet.trainLabelsFile)
    try put(IDXReader.encode(IDXImages(count: 2, rows: 3, columns: 3, pixels: (0..<18).map { UInt8($0) })), DataSet.testImagesFile)
    try put(IDXReader.encode(labels: [2, 0]), DataSet.testLabelsFile)
    return dir
}

@Test func loadsADataSetDirectory() throws {
    for gzip in [false, true] {
        let dir = try tinyDataSet(gzip: gzip)
        let d = try DataSet.load(from: dir, name: "tiny")
        #expect(d.trainImages.shape == [4, 9] && d.testImages.shape == [2, 9])
        #expect(d.trainLabels == [0, 1, 2, 1] && d.testLabels == [2, 0])
        #expect(d.imageRows == 3 && d.imageColumns == 3 && d.directory == dir)
        #expect(d.trainImages.values.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(d.testLabelsOneHot == Matrix([[0, 0, 1], [1, 0, 0]]))
    }
}

@Test func locatorPrefersTheConfiguredDirectoryAndReportsWhatItTried() throws {
    let dir = try tinyDataSet(gzip: true)
    let root = NSTemporaryDirectory() + "root-" + UUID().uuidString
    let found = try DataSetLocator(root: root, configuredDirectory: dir).locate()
    #expect(found.directory == dir && found.tried == [dir])

    // A configured directory without the files is an error naming it, never a fallback to another data set.
    let missing = root + "/nowhere"
    #expect(throws: DataSetLocator.NotFound(tried: [missing])) {
        try DataSetLocator(root: root, configuredDirectory: missing).locate()
    }
    #expect(DataSetLocator(root: root).place(of: .sample).directory == root + "/data/fashion-mnist-sample")
    #expect(DataSetSource(rawValue: "fashion-mnist") == .fashionMNIST)
}

@Test func locatorFindsTheShippedSample() throws {
    // The repository root is three levels above this file.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    let locator = DataSetLocator(root: root)
    let found = try locator.locate(.sample)
    #expect(found.name == "fashion-mnist-sample")
    let d = try locator.load(.sample)
    #expect(d.trainImages.columns == 784 && d.trainLabels.count == d.trainImages.rows)
    #expect(d.classNames == ClassNames.fashionMNIST && d.classNames[9] == "Ankle boot")
}

@Test func notFoundListsEveryPlace() {
    let error = DataSetLocator.NotFound(tried: ["/a", "/b"])
    #expect("\(error)".contains("/a; /b"))
}

@Test func scalingOnSeveralThreadsGivesTheBitsOfDividingBy255() {
    // Every byte value, and an image set past the size (2^20 pixels) that is split between threads.
    let pixels = (0..<(3 << 19)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
    let images = IDXImages(count: 3 << 10, rows: 16, columns: 32, pixels: pixels)
    for threads in [1, 2, 3] {
        let m = images.scaledMatrix(threads: threads)
        #expect(m.shape == [3 << 10, 512])
        // Exact: the same Double bits as Double(byte) / 255 (tolerance 0).
        #expect(zip(m.values, pixels).allSatisfy { $0.bitPattern == (Double($1) / 255).bitPattern })
    }
}
