import Foundation
/// What went wrong reading an IDX (MNIST-format) file. Every case names the file.
public enum IDXError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case corruptGzip(path: String, reason: String)
    case wrongMagic(path: String, expected: UInt32, found: UInt32)
    case sizeMismatch(path: String, header: String, expectedBytes: Int, actualBytes: Int)
    case tooShort(path: String, bytes: Int)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): \(reason)"
        case .corruptGzip(let path, let reason):
            return "\(path): truncated or corrupt gzip stream (\(reason))"
        case .wrongMagic(let path, let expected, let found):
            return "\(path): wrong magic number \(found) (expected \(expected): 2051 = images, 2049 = labels)"
        case .sizeMismatch(let path, let header, let expected, let actual):
            return "\(path): header says \(header), which needs \(expected) bytes, but the file has \(actual)"
        case .tooShort(let path, let bytes):
            return "\(path): only \(bytes) bytes, too short for an IDX header"
        }
    }
}

/// Images of an IDX3 file: `count` images of `rows` × `columns` bytes.
public struct IDXImages: Sendable, Equatable {
    public var count: Int
    public var rows: Int
    public var columns: Int
    /// Pixel bytes, image after image, row-major within each image.
    public var pixels: [UInt8]

    /// `Double(b) / 255` for every byte value b: the pixel values of ``scaledMatrix(threads:)``
    /// and of the compact copy made from the bytes.
    static let quotients: [Double] = (0..<256).map { Double($0) / 255 }

    /// The images as an N × (rows·columns) matrix, pixels scaled by 1/255
    /// to [0, 1] (the book's `normalize=True`).
    ///
    /// `threads` share the work (writing 8 bytes per pixel, most of it first
    /// touches of new memory); each value is `Double(byte) / 255` from a table
    /// of the 256 quotients, the same bits as dividing.
    public func scaledMatrix(threads: Int = 1) -> Matrix {
        let n = pixels.count
        let quotients = IDXImages.quotients
        let parts = n < 1 << 20 ? 1 : max(1, threads)
        let values = [Double](unsafeUninitializedCapacity: n) { out, initialized in
            let base = UncheckedSendable(out.baseAddress)
            pixels.withUnsafeBufferPointer { bytes in
                let input = UncheckedSendable(bytes.baseAddress)
                quotients.withUnsafeBufferPointer { table in
                    let q = UncheckedSendable(table.baseAddress)
                    DispatchQueue.concurrentPerform(iterations: parts) { k in
                        guard let out = base.value, let bytes = input.value, let table = q.value else { return }
                        for i in n * k / parts ..< n * (k + 1) / parts { (out + i).initialize(to: table[Int(bytes[i])]) }
                    }
                }
            }
            initialized = n
        }
        return Matrix(rows: count, columns: rows * columns, values: values)
    }
}

/// Reader for the IDX format of MNIST (http://yann.lecun.com/exdb/mnist/):
/// a big-endian header — magic number (2051 for images, 2049 for labels),
/// the item count, and for images rows and columns — followed by one
/// unsigned byte per pixel or label. Files may be gzip-compressed.
public enum IDXReader {
    /// Largest IDX file read, in bytes after inflating (header included): 128 MiB,
    /// 2.7 times MNIST's training images (47 MB; as a matrix of Doubles 8 times that).
    /// A header announcing more is an error before anything is inflated.
    public static let maximumBytes = 128 << 20

    /// Magic number of an image file (`idx3-ubyte`): type 0x08 (ubyte), 3 dimensions.
    public static let imageMagic: UInt32 = 2051
    /// Magic number of a label file (`idx1-ubyte`): type 0x08 (ubyte), 1 dimension.
    public static let labelMagic: UInt32 = 2049

    /// Reads an image file (plain or gzip). O(file size); inflates no more
    /// than its header announces, and at most `maximumBytes`.
    public static func readImages(atPath path: String) throws -> IDXImages {
        let bytes = try IDXFile.read(atPath: path, headerBytes: 16) { header in
            let (count, rows, columns) = try imageHeader(header, path: path)
            return (try bodyLength([count, rows, columns], header: "\(count) images of \(rows)×\(columns)", path: path),
                    "\(count) images of \(rows)×\(columns)")
        }
        return try parseImages(bytes, path: path)
    }

    /// Reads a label file (plain or gzip), like `readImages(atPath:)`.
    public static func readLabels(atPath path: String) throws -> [Int] {
        let bytes = try IDXFile.read(atPath: path, headerBytes: 8) { header in
            let count = try labelHeader(header, path: path)
            return (try bodyLength([count], header: "\(count) labels", path: path), "\(count) labels")
        }
        return try parseLabels(bytes, path: path)
    }

    /// Magic and sizes of an image header (the first 16 bytes).
    private static func imageHeader(_ bytes: [UInt8], path: String) throws -> (Int, Int, Int) {
        guard bytes.count >= 4 else { throw IDXError.tooShort(path: path, bytes: bytes.count) }
        let magic = bigEndian(bytes, 0)
        guard magic == imageMagic else { throw IDXError.wrongMagic(path: path, expected: imageMagic, found: magic) }
        guard bytes.count >= 16 else { throw IDXError.tooShort(path: path, bytes: bytes.count) }
        return (Int(bigEndian(bytes, 4)), Int(bigEndian(bytes, 8)), Int(bigEndian(bytes, 12)))
    }

    /// Magic and count of a label header (the first 8 bytes).
    private static func labelHeader(_ bytes: [UInt8], path: String) throws -> Int {
        guard bytes.count >= 4 else { throw IDXError.tooShort(path: path, bytes: bytes.count) }
        let magic = bigEndian(bytes, 0)
        guard magic == labelMagic else { throw IDXError.wrongMagic(path: path, expected: labelMagic, found: magic) }
        guard bytes.count >= 8 else { throw IDXError.tooShort(path: path, bytes: bytes.count) }
        return Int(bigEndian(bytes, 4))
    }

    /// The product of `sizes` (the body length), checked for overflow and against `maximumBytes`.
    private static func bodyLength(_ sizes: [Int], header: String, path: String) throws -> Int {
        var length = 1
        for size in sizes {
            let (product, overflow) = length.multipliedReportingOverflow(by: size)
            guard !overflow, product <= maximumBytes else {
                throw IDXError.unreadable(path: path, reason: "header says \(header), more than the limit of \(maximumBytes) bytes")
            }
            length = product
        }
        return length
    }

    /// Parses the bytes of an image file; `path` is only used in errors.
    public static func parseImages(_ bytes: [UInt8], path: String) throws -> IDXImages {
        let (count, rows, columns) = try imageHeader(bytes, path: path)
        let expected = 16 + (try bodyLength([count, rows, columns], header: "\(count) images of \(rows)×\(columns)", path: path))
        guard bytes.count == expected else {
            throw IDXError.sizeMismatch(path: path, header: "\(count) images of \(rows)×\(columns)",
                                        expectedBytes: expected, actualBytes: bytes.count)
        }
        return IDXImages(count: count, rows: rows, columns: columns, pixels: Array(bytes[16...]))
    }

    /// Parses the bytes of a label file; `path` is only used in errors.
    public static func parseLabels(_ bytes: [UInt8], path: String) throws -> [Int] {
        let count = try labelHeader(bytes, path: path)
        _ = try bodyLength([count], header: "\(count) labels", path: path)
        guard bytes.count == 8 + count else {
            throw IDXError.sizeMismatch(path: path, header: "\(count) labels", expectedBytes: 8 + count, actualBytes: bytes.count)
        }
        return bytes[8...].map { Int($0) }
    }

    /// The bytes of an image file holding `images` (for writing test fixtures and samples).
    public static func encode(_ images: IDXImages) -> [UInt8] {
        header([imageMagic, UInt32(images.count), UInt32(images.rows), UInt32(images.columns)]) + images.pixels
    }

    /// The bytes of a label file holding `labels` (each 0...255).
    public static func encode(labels: [Int]) -> [UInt8] {
        header([labelMagic, UInt32(labels.count)]) + labels.map { UInt8($0) }
    }

    private static func header(_ words: [UInt32]) -> [UInt8] {
        words.flatMap { w in [24, 16, 8, 0].map { UInt8((w >> $0) & 0xFF) } }
    }

    private static func bigEndian(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3])
    }
}

/// A pointer handed to the threads of `concurrentPerform`, each writing its own range.
private struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
