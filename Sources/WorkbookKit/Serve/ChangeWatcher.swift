import Foundation

/// Notices changes to files by comparing modification times and sizes
/// between polls: portable (no inotify/FSEvents), and cheap for a folder of
/// chapters. Directories are walked recursively; names starting with a dot or
/// ending in `~` (editor swap and backup files) are ignored. A path that does
/// not exist is simply absent from the snapshot, so creating or deleting it
/// counts as a change.
public struct ChangeWatcher: Sendable {
    public struct Stamp: Equatable, Sendable {
        public var modified: Double
        public var size: UInt64
    }

    public var paths: [String]
    public private(set) var snapshot: [String: Stamp]

    /// What `workbook serve` watches for a build: the chapters folder (with its
    /// `workbook.yml` and the editions' folders), the data folder if one was given, and
    /// the library folder `source` cells read — the workbook folder's own
    /// `Sources/DeepLearning`, else the tool checkout's (``LibrarySources``). The
    /// library's text is part of those cells' cache key, so an edit there reruns just them.
    public static func paths(for build: BuildOptions) -> [String] {
        let library = LibrarySources.folder(chapters: build.chapters, sourceRoot: build.sourceRoot)
        return [build.chapters] + (build.data.map { [$0] } ?? [])
            + (FileManager.default.fileExists(atPath: library) ? [library] : [])
    }

    public init(paths: [String]) {
        self.paths = paths
        self.snapshot = Self.scan(paths)
    }

    /// Scans again; true when anything was added, removed or modified since
    /// the last scan.
    public mutating func poll() -> Bool {
        let now = Self.scan(paths)
        defer { snapshot = now }
        return now != snapshot
    }

    public static func scan(_ paths: [String]) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        let fileManager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                if let stamp = stamp(path) { result[path] = stamp }
                continue
            }
            guard let enumerator = fileManager.enumerator(atPath: path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") || name.hasSuffix("~") {
                    enumerator.skipDescendants()
                    continue
                }
                let full = (path as NSString).appendingPathComponent(relative)
                if let stamp = stamp(full) { result[full] = stamp }
            }
        }
        return result
    }

    private static func stamp(_ path: String) -> Stamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        if let type = attributes[.type] as? FileAttributeType, type == .typeDirectory {
            // A directory's own time changes when entries come and go; the
            // entries themselves are in the snapshot, so that is enough.
            return nil
        }
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSinceReferenceDate ?? 0
        let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
        return Stamp(modified: modified, size: size)
    }
}
