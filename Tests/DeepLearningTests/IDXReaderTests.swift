import Foundation
import Testing
@testable import DeepLearning

/// A fresh temporary directory for one test.
private func temporaryDirectory() throws -> String {
    let dir = NSTemporaryDirectory() + "idx-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

private func write(_ bytes: [UInt8], to path: String, gzip: Bool) throws {
    if gzip {
        let file = try #require(gzopenWrite(path))
        _ = file(bytes)
    } else {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}

private let images = IDXImages(count: 3, rows: 2, columns: 2, pixels: [0, 255, 51, 102, 1, 2, 3, 4, 5, 6, 7, 8])
private let labels = [7, 0, 9]

@Test(arguments: [false, true])
func idxRoundTrip(gzip: Bool) throws {
    let dir = try temporaryDirectory()
    let suffix = gzip ? ".gz" : ""
    try write(IDXReader.encode(images), to: dir + "/images" + suffix, gzip: gzip)
    try write(IDXReader.encode(labels: labels), to: dir + "/labels" + suffix, gzip: gzip)
    let read = try IDXReader.readImages(atPath: dir + "/images" + suffix)
    #expect(read == images)
    #expect(try IDXReader.readLabels(atPath: dir + "/labels" + suffix) == labels)
    let m = read.scaledMatrix()
    #expect(m.shape == [3, 4] && m[0, 1] == 1 && m[0, 2] == 0.2)
}

@Test func wrongMagicNamesTheFile() throws {
    let dir = try temporaryDirectory()
    let path = dir + "/labels-as-images"
    try write(IDXReader.encode(labels: labels), to: path, gzip: false)
    #expect(throws: IDXError.wrongMagic(path: path, expected: 2051, found: 2049)) {
        try IDXReader.readImages(atPath: path)
    }
    let message = "\(IDXError.wrongMagic(path: path, expected: 2051, found: 2049))"
    #expect(message.contains(path) && message.contains("magic"))
}

@Test func wrongLengthNamesTheFile() throws {
    let dir = try temporaryDirectory()
    let path = dir + "/short-images"
    try write(Array(IDXReader.encode(images).dropLast()), to: path, gzip: false)
    #expect(throws: IDXError.sizeMismatch(path: path, header: "3 images of 2×2", expectedBytes: 28, actualBytes: 27)) {
        try IDXReader.readImages(atPath: path)
    }
}

@Test func truncatedGzipNamesTheFile() throws {
    let dir = try temporaryDirectory()
    let full = dir + "/full.gz", cut = dir + "/cut.gz"
    try write(IDXReader.encode(IDXImages(count: 50, rows: 28, columns: 28,
                                         pixels: (0..<(50 * 784)).map { UInt8(($0 * 7919) % 251) })),
              to: full, gzip: true)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: full))
    try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: cut))
    do {
        _ = try IDXReader.readImages(atPath: cut)
        Issue.record("a truncated gzip stream was accepted")
    } catch let error as IDXError {
        guard case .corruptGzip(let path, _) = error else {
            Issue.record("unexpected error \(error)"); return
        }
        #expect(path == cut)
        #expect("\(error)".contains("truncated"))
    }
}

@Test func missingFileIsReported() {
    #expect(throws: IDXError.self) { try IDXReader.readLabels(atPath: "/nonexistent/labels") }
}
