import Foundation

/// A labelled image data set in MNIST layout, loaded and scaled.
///
/// A set loaded from files keeps its images as bytes (1 byte a pixel) and
/// makes ``trainImages`` / ``testImages`` (8 bytes a pixel, `Double(b) / 255`)
/// only when first asked for, once; the fused training reads the bytes
/// (``trainImageBytes``) and never needs those matrices.
public struct DataSet: Sendable, Equatable {
    /// `"mnist"`, `"fashion-mnist"` or `"fashion-mnist-sample"` (or the directory name).
    public var name: String
    /// The directory the four files came from.
    public var directory: String
    /// The training and test images, as bytes or as matrices.
    var trainStore: ImageStore
    var testStore: ImageStore
    /// Training images, N × (imageRows·imageColumns), pixels in [0, 1]
    /// (made from the bytes on first use when the set was loaded from files).
    public var trainImages: Matrix {
        get { trainStore.matrix }
        set { trainStore = ImageStore(newValue) }
    }
    public var trainLabels: [Int]
    /// Test images, M × (imageRows·imageColumns), pixels in [0, 1] (like ``trainImages``).
    public var testImages: Matrix {
        get { testStore.matrix }
        set { testStore = ImageStore(newValue) }
    }
    public var testLabels: [Int]
    public var imageRows: Int
    public var imageColumns: Int
    /// Human-readable name of every class index.
    public var classNames: [String]

    /// The training images as read from the file (nil when the set was made from matrices).
    public var trainImageBytes: IDXImages? { trainStore.bytes }
    /// The test images as read from the file (nil when the set was made from matrices).
    public var testImageBytes: IDXImages? { testStore.bytes }
    /// Number of training images (without making ``trainImages``).
    public var trainCount: Int { trainStore.rows }
    /// Number of test images (without making ``testImages``).
    public var testCount: Int { testStore.rows }

    public init(name: String, directory: String, trainImages: Matrix, trainLabels: [Int],
                testImages: Matrix, testLabels: [Int], imageRows: Int, imageColumns: Int, classNames: [String]) {
        self.init(name: name, directory: directory, trainStore: ImageStore(trainImages), trainLabels: trainLabels,
                  testStore: ImageStore(testImages), testLabels: testLabels, imageRows: imageRows,
                  imageColumns: imageColumns, classNames: classNames)
    }

    /// A set whose images are bytes, as read from IDX files; the matrices are made when first asked for.
    public init(name: String, directory: String, trainImages: IDXImages, trainLabels: [Int],
                testImages: IDXImages, testLabels: [Int], classNames: [String]) {
        self.init(name: name, directory: directory, trainStore: ImageStore(trainImages), trainLabels: trainLabels,
                  testStore: ImageStore(testImages), testLabels: testLabels, imageRows: trainImages.rows,
                  imageColumns: trainImages.columns, classNames: classNames)
    }

    init(name: String, directory: String, trainStore: ImageStore, trainLabels: [Int], testStore: ImageStore,
         testLabels: [Int], imageRows: Int, imageColumns: Int, classNames: [String]) {
        self.name = name; self.directory = directory
        self.trainStore = trainStore; self.trainLabels = trainLabels
        self.testStore = testStore; self.testLabels = testLabels
        self.imageRows = imageRows; self.imageColumns = imageColumns; self.classNames = classNames
    }

    /// Equal names, labels, sizes and images (bytes compared as bytes; a set
    /// of bytes and one of matrices by their matrices).
    public static func == (a: DataSet, b: DataSet) -> Bool {
        a.name == b.name && a.directory == b.directory && a.trainLabels == b.trainLabels && a.testLabels == b.testLabels
            && a.imageRows == b.imageRows && a.imageColumns == b.imageColumns && a.classNames == b.classNames
            && a.trainStore.holdsTheSameImages(as: b.trainStore) && a.testStore.holdsTheSameImages(as: b.testStore)
    }

    /// The standard file names; each may also carry a `.gz` suffix.
    public static let trainImagesFile = "train-images-idx3-ubyte"
    public static let trainLabelsFile = "train-labels-idx1-ubyte"
    public static let testImagesFile = "t10k-images-idx3-ubyte"
    public static let testLabelsFile = "t10k-labels-idx1-ubyte"
    public static let fileNames = [trainImagesFile, trainLabelsFile, testImagesFile, testLabelsFile]

    /// Path of `file` in `directory`, preferring the `.gz` version; nil if neither exists.
    public static func existingPath(of file: String, in directory: String) -> String? {
        let fm = FileManager.default
        for candidate in [file + ".gz", file] {
            let path = (directory as NSString).appendingPathComponent(candidate)
            if fm.fileExists(atPath: path) { return path }
        }
        return nil
    }

    /// Whether all four files exist (plain or gzip) in `directory`.
    public static func filesExist(in directory: String) -> Bool {
        fileNames.allSatisfy { existingPath(of: $0, in: directory) != nil }
    }

    /// Loads the four standard files from `directory` (pixels scaled to [0, 1]
    /// when the matrices are asked for). Throws ``IDXError`` naming the offending file, or
    /// ``IDXError/unreadable(path:reason:)`` if a file is missing or the
    /// images and labels disagree in count or size.
    public static func load(from directory: String, name: String? = nil, classNames: [String]? = nil) throws -> DataSet {
        func path(_ file: String) throws -> String {
            guard let p = existingPath(of: file, in: directory) else {
                throw IDXError.unreadable(path: (directory as NSString).appendingPathComponent(file),
                                          reason: "missing (neither \(file) nor \(file).gz exists)")
            }
            return p
        }
        let trainImagesPath = try path(trainImagesFile), testImagesPath = try path(testImagesFile)
        let trainLabelsPath = try path(trainLabelsFile), testLabelsPath = try path(testLabelsFile)
        // The training images (86 % of the bytes) are inflated on one thread while the
        // other three files are read on another; the errors are thrown in the order of
        // a reading one after the other (training images, their labels, test images, labels).
        let files = ParallelRead(trainImagesPath, trainLabelsPath, testImagesPath, testLabelsPath)
        let trainImages = try files.trainImages.get(), trainLabels = try files.trainLabels.get()
        let testImages = try files.testImages.get(), testLabels = try files.testLabels.get()
        guard trainImages.count == trainLabels.count else {
            throw IDXError.unreadable(path: trainLabelsPath, reason: "\(trainLabels.count) labels for \(trainImages.count) images")
        }
        guard testImages.count == testLabels.count else {
            throw IDXError.unreadable(path: testLabelsPath, reason: "\(testLabels.count) labels for \(testImages.count) images")
        }
        guard testImages.rows == trainImages.rows, testImages.columns == trainImages.columns else {
            throw IDXError.unreadable(path: testImagesPath, reason: "images are \(testImages.rows)×\(testImages.columns), training images \(trainImages.rows)×\(trainImages.columns)")
        }
        // Every random draw (minibatches, samples) is from 0..<trainImages.count: an empty
        // set would be an empty range and a trap, so it is refused here, by file name.
        guard trainImages.count > 0 else { throw IDXError.unreadable(path: trainImagesPath, reason: "holds no images") }
        guard testImages.count > 0 else { throw IDXError.unreadable(path: testImagesPath, reason: "holds no images") }
        guard trainImages.rows > 0, trainImages.columns > 0 else {
            throw IDXError.unreadable(path: trainImagesPath, reason: "images of \(trainImages.rows)×\(trainImages.columns) pixels hold nothing")
        }
        if let classNames {
            // One-hot encoding needs label < class count; a label past it would trap there.
            for (file, labels) in [(trainLabelsPath, trainLabels), (testLabelsPath, testLabels)] {
                if let k = labels.firstIndex(where: { $0 >= classNames.count }) {
                    throw IDXError.unreadable(path: file, reason: "label \(labels[k]) (item \(k + 1)) is not one of the \(classNames.count) classes 0…\(classNames.count - 1)")
                }
            }
        }
        let name = name ?? (directory as NSString).lastPathComponent
        let classes = (trainLabels + testLabels).max().map { $0 + 1 } ?? 0
        return DataSet(name: name, directory: directory, trainImages: trainImages, trainLabels: trainLabels,
                       testImages: testImages, testLabels: testLabels,
                       classNames: classNames ?? (0..<classes).map { String($0) })
    }

    /// Training labels as one-hot rows.
    public var trainLabelsOneHot: Matrix { oneHot(trainLabels, classes: classNames.count) }
    /// Test labels as one-hot rows.
    public var testLabelsOneHot: Matrix { oneHot(testLabels, classes: classNames.count) }
}

/// Images held as bytes, their matrix (`Double(b) / 255`) made once, by the
/// first thread that asks (the others wait for it), or held as a matrix.
final class ImageStore: @unchecked Sendable {
    /// The bytes (nil for a store made from a matrix).
    let bytes: IDXImages?
    /// Images, and pixels per image.
    let rows: Int, columns: Int
    private let lock = NSLock()
    private var made: Matrix?

    init(_ matrix: Matrix) { (bytes, made, rows, columns) = (nil, matrix, matrix.rows, matrix.columns) }
    init(_ bytes: IDXImages) { (self.bytes, rows, columns) = (bytes, bytes.count, bytes.rows * bytes.columns) }

    /// The images as a matrix (made on first use from the bytes).
    var matrix: Matrix {
        lock.withLock {
            if let made { return made }
            let matrix = bytes!.scaledMatrix(threads: 2)
            made = matrix
            return matrix
        }
    }

    /// Whether the matrix has been made (or was given).
    var hasMatrix: Bool { lock.withLock { made != nil } }

    /// The same images: the same bytes, or (when either is a matrix) the same matrix.
    func holdsTheSameImages(as other: ImageStore) -> Bool {
        if self === other { return true }
        if let a = bytes, let b = other.bytes { return a == b }
        return rows == other.rows && columns == other.columns && matrix == other.matrix
    }
}

/// Names of the classes of the known data sets.
public enum ClassNames {
    /// MNIST: the digits "0" … "9".
    public static let digits = (0...9).map { String($0) }
    /// Fashion-MNIST, in label order 0…9 (Xiao, Rasul & Vollgraf, 2017).
    public static let fashionMNIST = [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ]
}

/// The four files of a data set, read two at a time: the training images on one
/// thread, the other three on another (each result as the sequential read gives it).
private struct ParallelRead {
    var trainImages: Result<IDXImages, Error> = .failure(CancellationError())
    var trainLabels: Result<[Int], Error> = .failure(CancellationError())
    var testImages: Result<IDXImages, Error> = .failure(CancellationError())
    var testLabels: Result<[Int], Error> = .failure(CancellationError())

    init(_ trainImagesPath: String, _ trainLabelsPath: String, _ testImagesPath: String, _ testLabelsPath: String) {
        let results = ReadResults()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            if k == 0 {
                results.set { $0.trainImages = Result { try IDXReader.readImages(atPath: trainImagesPath) } }
            } else {
                let labels = Result { try IDXReader.readLabels(atPath: trainLabelsPath) }
                let images = Result { try IDXReader.readImages(atPath: testImagesPath) }
                let testLabels = Result { try IDXReader.readLabels(atPath: testLabelsPath) }
                results.set { ($0.trainLabels, $0.testImages, $0.testLabels) = (labels, images, testLabels) }
            }
        }
        self = results.value
    }

    private final class ReadResults: @unchecked Sendable {
        private let lock = NSLock()
        private var read = ParallelRead(empty: ())
        func set(_ change: (inout ParallelRead) -> Void) { lock.withLock { change(&read) } }
        var value: ParallelRead { lock.withLock { read } }
    }

    private init(empty: Void) {}
}
