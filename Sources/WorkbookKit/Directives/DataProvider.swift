import DeepLearning
import Foundation

/// Finds and loads MNIST-format data sets once per build and shares them
/// between cells (loading 70 000 images takes a moment; cells run in parallel).
///
/// A cell names its data with `dataset:` — `auto` (the lookup order of the
/// README: `--data`/`workbook.yml`, `dataset/`, Debian's Fashion-MNIST, the
/// shipped sample), `mnist`, `fashion-mnist`, `sample`, or a directory.
/// The page always says which one was used.
public final class DataProvider: @unchecked Sendable {
    /// A directory from `--data` or `workbook.yml`, tried first by `auto`.
    public let configured: String?
    /// The workbook folder, where `dataset/` (real MNIST) is looked for.
    public let workbookRoot: String
    /// Where the shipped sample is looked for when the workbook folder has none (the tool's own checkout).
    public let toolRoot: String
    private let lock = NSLock()
    private var loaded: [String: Result<DataSet, CellFailure>] = [:]

    public init(configured: String?, workbookRoot: String, toolRoot: String = ToolLocation.rootOrWorkingDirectory) {
        self.configured = configured
        self.workbookRoot = workbookRoot
        self.toolRoot = toolRoot
    }

    /// The names a `dataset:` parameter accepts besides a directory.
    public static let names = ["auto", "mnist", "fashion-mnist", "sample"]

    /// Where `name` resolves to, or a failure that lists every place tried and how to get data.
    public struct Found: Sendable, Equatable {
        public var directory: String
        public var name: String
        public var classNames: [String]
    }

    public func locate(_ name: String, parameter: String = "dataset") -> Result<Found, CellFailure> {
        let roots = workbookRoot == toolRoot ? [workbookRoot] : [workbookRoot, toolRoot]
        var tried: [String] = []
        for (i, root) in roots.enumerated() {
            let locator = DataSetLocator(root: root, configuredDirectory: i == 0 ? configured : nil)
            do {
                switch name {
                case "auto": return .success(Found(try locator.locate()))
                case "mnist": return .success(Found(try locator.locate(.mnist)))
                case "fashion-mnist": return .success(Found(try locator.locate(.fashionMNIST)))
                case "sample": return .success(Found(try locator.locate(.sample)))
                default:
                    let directory = name.hasPrefix("/") ? name : (root as NSString).appendingPathComponent(name)
                    if DataSet.filesExist(in: directory) {
                        let fashion = directory.lowercased().contains("fashion")
                        return .success(Found(directory: directory, name: (directory as NSString).lastPathComponent,
                                              classNames: fashion ? ClassNames.fashionMNIST : ClassNames.digits))
                    }
                    tried.append(directory)
                }
            } catch let notFound as DataSetLocator.NotFound {
                tried += notFound.tried
            } catch {
                tried.append("\(error)")
            }
        }
        var seen: Set<String> = []
        tried = tried.filter { seen.insert($0).inserted }
        return .failure(CellFailure(
            "no MNIST-format data set found for \(parameter) '\(name)'; tried: \(tried.joined(separator: ", "))",
            parameter: parameter,
            hint: "install Debian's Fashion-MNIST with 'apt-get install dataset-fashion-mnist', put MNIST's four files in dataset/, or pass --data DIR"))
    }

    /// The data set `name`, loaded once per build.
    public func load(_ name: String, parameter: String = "dataset") throws -> DataSet {
        lock.lock()
        defer { lock.unlock() }
        if let result = loaded[name] { return try result.get() }
        let result: Result<DataSet, CellFailure> = locate(name, parameter: parameter).flatMap { found in
            do {
                var data = try DataSet.load(from: found.directory, name: found.name, classNames: found.classNames)
                data.directory = Self.displayPath(found.directory, root: workbookRoot)
                return .success(data)
            } catch {
                return .failure(CellFailure("cannot read data set '\(found.name)' in \(found.directory): \(error)", parameter: parameter))
            }
        }
        loaded[name] = result
        return try result.get()
    }

    /// Names the data a cell reads for the cache key: the directory and each
    /// file's size and modification time, so replacing the files reruns the cell.
    public func identity(for arguments: CellArguments, parameter: String = "dataset") -> String {
        guard case .text(let name)? = arguments.values[parameter] else { return "" }
        guard case .success(let found) = locate(name) else { return "missing:\(name)" }
        var parts = [found.directory]
        for file in DataSet.fileNames {
            guard let path = DataSet.existingPath(of: file, in: found.directory),
                  let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { continue }
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            parts.append("\(path)|\(size)|\(modified)")
        }
        return parts.joined(separator: "\n")
    }

    /// `directory` relative to the workbook folder when it lies inside it, so
    /// that a page does not depend on where the workbook is checked out (two
    /// clones build the same bytes); otherwise (a system data set, `--data`
    /// elsewhere) as given.
    static func displayPath(_ directory: String, root: String) -> String {
        let path = (directory as NSString).standardizingPath, base = (root as NSString).standardizingPath
        if path == base { return "." }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : directory
    }

    /// One line for the page: which data set, from where, and its sizes.
    public static func describe(_ data: DataSet) -> String {
        "Data set: \(data.name) from \(data.directory) — \(data.trainCount) training and \(data.testCount) test images of \(data.imageRows)×\(data.imageColumns) pixels, \(data.classNames.count) classes."
    }
}

extension DataProvider.Found {
    init(_ located: DataSetLocator.Located) {
        self.init(directory: located.directory, name: located.name, classNames: located.classNames)
    }
}
