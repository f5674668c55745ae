import Foundation

/// How the commit step writes (it is the only user). Every path is relative
/// to the folder and checked to stay inside it; every file is written atomically.
///
/// No write or deletion goes through a symbolic link below the output folder:
/// each folder on the way is checked with `lstat` (a link such as
/// `output/01-x -> /somewhere` is refused), a file that is a link is replaced
/// by the new file (the link's target is never written), and stale figures
/// are removed only from real folders.
struct OutputWriter {
    var directory: URL

    func prepare() throws {
        if let reason = OutputFolderCheck.refusal(output: directory.path, chapters: "/nonexistent-chapters-folder", home: nil) {
            throw BuildError(reason)
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ data: Data, to relativePath: String) throws {
        let url = try resolve(relativePath)
        // Unchanged files are not rewritten, so their modification time stays
        // (a watcher or a browser cache sees only what changed). Only a regular
        // file is read back: never a FIFO or a link someone put there.
        if OutputWriter.isRegularFile(url.path), let existing = try? Data(contentsOf: url), existing == data { return }
        try AtomicFile.write(data, to: url)
    }

    func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }

    /// Deletes figure files of `folder` that this build did not write (a cell
    /// removed or relabelled), so the output matches the chapters.
    func removeStale(in folder: String, keeping written: Set<String>) throws {
        let url = try resolve(folder + "/_")  // checks `folder` itself like a folder on the way
            .deletingLastPathComponent()
        guard OutputWriter.isRealDirectory(url.path),
              let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
        for name in names where name.hasSuffix(".svg") && !written.contains("\(folder)/\(name)") {
            // unlink removes a link itself, never what it points to.
            unlink(url.appendingPathComponent(name).path)
        }
    }

    /// The URL of `relativePath`, after checking it stays in the folder and
    /// that no existing folder on the way is a symbolic link (or not a folder).
    private func resolve(_ relativePath: String) throws -> URL {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard !relativePath.hasPrefix("/"), !components.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw BuildError("refusing to write '\(relativePath)' outside the output folder")
        }
        var folder = directory
        for component in components.dropLast() {
            folder.appendPathComponent(String(component))
            var info = stat()
            guard lstat(folder.path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFLNK {
                throw BuildError("refusing to write through the symbolic link '\(folder.path)' in the output folder; remove it and build again")
            }
            if info.st_mode & S_IFMT != S_IFDIR {
                throw BuildError("cannot write '\(relativePath)': '\(folder.path)' is not a folder")
            }
        }
        return directory.appendingPathComponent(relativePath)
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    static func isRealDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
