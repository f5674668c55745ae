import Foundation

/// Where a data set can come from.
public enum DataSetSource: String, Sendable, Equatable, CaseIterable {
    /// Real MNIST in `dataset/` under the workbook root.
    case mnist
    /// Fashion-MNIST from the Debian package `dataset-fashion-mnist`.
    case fashionMNIST = "fashion-mnist"
    /// The small Fashion-MNIST cut shipped in `data/fashion-mnist-sample/`.
    case sample
}

/// Finds the four MNIST-format files, in this order:
///
/// 1. an explicitly configured directory (``configuredDirectory``) — when one
///    is configured it is the only place tried: a mistyped `--data` or
///    `data:` is an error, never a silent switch to another data set;
/// 2. real MNIST in `dataset/` relative to the workbook root;
/// 3. Fashion-MNIST at ``systemFashionMNISTDirectory``;
/// 4. the sample shipped in the repository, `data/fashion-mnist-sample/`.
///
/// The first place holding all four files (plain or `.gz`) wins; every
/// place looked at is reported in ``Located/tried`` or in the error.
public struct DataSetLocator: Sendable, Equatable {
    /// Where the Debian package `dataset-fashion-mnist` installs the files.
    public static let systemFashionMNISTDirectory = "/usr/share/datasets/fashion-mnist"
    /// The real-MNIST directory, relative to the workbook root (the book's `dataset/`).
    public static let mnistRelativeDirectory = "dataset"
    /// The shipped sample, relative to the workbook root.
    public static let sampleRelativeDirectory = "data/fashion-mnist-sample"

    /// The workbook root that relative places are resolved against.
    public var root: String
    /// An explicitly configured directory, tried first.
    public var configuredDirectory: String?

    public init(root: String, configuredDirectory: String? = nil) {
        self.root = root
        self.configuredDirectory = configuredDirectory
    }

    /// A directory found, and what was tried before and including it.
    public struct Located: Sendable, Equatable {
        public var directory: String
        /// Data-set name: "mnist", "fashion-mnist", "fashion-mnist-sample", or the configured directory's name.
        public var name: String
        public var classNames: [String]
        /// Every directory looked at, in order, the last one being `directory`.
        public var tried: [String]
    }

    /// Nothing found; `tried` lists every directory looked at.
    public struct NotFound: Error, Equatable, CustomStringConvertible {
        public var tried: [String]
        public var description: String {
            "no MNIST-format data set found (need \(DataSet.fileNames.joined(separator: ", ")), optionally .gz); tried: "
                + tried.joined(separator: "; ")
        }
    }

    /// The directory and naming of a named source (not checked for existence).
    public func place(of source: DataSetSource) -> (directory: String, name: String, classNames: [String]) {
        switch source {
        case .mnist:
            return (resolve(Self.mnistRelativeDirectory), "mnist", ClassNames.digits)
        case .fashionMNIST:
            return (Self.systemFashionMNISTDirectory, "fashion-mnist", ClassNames.fashionMNIST)
        case .sample:
            return (resolve(Self.sampleRelativeDirectory), "fashion-mnist-sample", ClassNames.fashionMNIST)
        }
    }

    /// The first place, in the documented order, holding all four files.
    public func locate() throws -> Located {
        var tried: [String] = []
        var candidates: [(String, String, [String])] = []
        if let configuredDirectory {
            let dir = resolve(configuredDirectory)
            let isFashion = dir.lowercased().contains("fashion")
            candidates.append((dir, (dir as NSString).lastPathComponent,
                               isFashion ? ClassNames.fashionMNIST : ClassNames.digits))
        }
        for source in [DataSetSource.mnist, .fashionMNIST, .sample] where configuredDirectory == nil {
            let p = place(of: source)
            candidates.append((p.directory, p.name, p.classNames))
        }
        for (dir, name, classes) in candidates {
            tried.append(dir)
            if DataSet.filesExist(in: dir) {
                return Located(directory: dir, name: name, classNames: classes, tried: tried)
            }
        }
        throw NotFound(tried: tried)
    }

    /// A named source, or ``NotFound`` naming its directory.
    public func locate(_ source: DataSetSource) throws -> Located {
        let p = place(of: source)
        guard DataSet.filesExist(in: p.directory) else { throw NotFound(tried: [p.directory]) }
        return Located(directory: p.directory, name: p.name, classNames: p.classNames, tried: [p.directory])
    }

    /// Locates (in order, or the named source) and loads the data set.
    public func load(_ source: DataSetSource? = nil) throws -> DataSet {
        let found = try source.map { try locate($0) } ?? locate()
        return try DataSet.load(from: found.directory, name: found.name, classNames: found.classNames)
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (root as NSString).appendingPathComponent(path)
    }
}
