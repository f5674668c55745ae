import Foundation

/// A labelled image data set in MNIST layout, loaded and scaled.
public struct DataSet: Sendable, Equatable {
    /// `"mnist"`, `"fashion-mnist"` or `"fashion-mnist-sample"` (or the directory name).
    public var name: String
    /// The directory the four files came from.
    public var directory: String
    /// Training images, N × (imageRows·imageColumns), pixels in [0, 1].
    public var trainImages: Matrix
    public var trainLabels: [Int]
    /// Test images, M × (imageRows·imageColumns), pixels in [0, 1].
    public var testImages: Matrix
    public var testLabels: [Int]
    public var imageRows: Int
    public var imageColumns: Int
    /// Human-readable name of every class index.
    public var classNames: [String]

    public init(name: String, directory: String, trainImages: Matrix, trainLabels: [Int],
                testImages: Matrix, testLabels: [Int], imageRows: Int, imageColumns: Int, classNames: [String]) {
        self.name = name; self.directory = directory
        self.trainImages = trainImages; self.trainLabels = trainLabels
        self.testImages = testImages; self.testLabels = testLabels
        self.imageRows = imageRows; self.imageColumns = imageColumns; self.classNames = classNames
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

    /// Loads the four standard files from `directory`, scaling pixels to
    /// [0, 1]. Throws ``IDXError`` naming the offending file, or
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
        return DataSet(name: name, directory: directory,
                       trainImages: trainImages.scaledMatrix(threads: 2), trainLabels: trainLabels,
                       testImages: testImages.scaledMatrix(threads: 2), testLabels: testLabels,
                       imageRows: trainImages.rows, imageColumns: trainImages.columns,
                       classNames: classNames ?? (0..<classes).map { String($0) })
    }

    /// Training labels as one-hot rows.
    public var trainLabelsOneHot: Matrix { oneHot(trainLabels, classes: classNames.count) }
    /// Test labels as one-hot rows.
    public var testLabelsOneHot: Matrix { oneHot(testLabels, classes: classNames.count) }
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
