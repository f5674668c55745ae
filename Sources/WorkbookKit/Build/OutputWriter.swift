import Foundation

/// The only writer of the build. Every path is relative to the output folder
/// and checked to stay inside it; every file is written atomically.
struct OutputWriter {
    var directory: URL

    func prepare() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ text: String, to relativePath: String) throws {
        let url = try resolve(relativePath)
        // Unchanged files are not rewritten, so their modification time stays
        // (a watcher or a browser cache sees only what changed).
        if let existing = try? Data(contentsOf: url), existing == Data(text.utf8) { return }
        try AtomicFile.write(text, to: url)
    }

    /// Deletes figure files of `folder` that this build did not write (a cell
    /// removed or relabelled), so the output matches the chapters.
    func removeStale(in folder: String, keeping written: Set<String>) throws {
        let url = try resolve(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
        for name in names where name.hasSuffix(".svg") && !written.contains("\(folder)/\(name)") {
            try? FileManager.default.removeItem(at: url.appendingPathComponent(name))
        }
    }

    private func resolve(_ relativePath: String) throws -> URL {
        let components = relativePath.split(separator: "/")
        guard !relativePath.hasPrefix("/"), !components.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw BuildError("refusing to write '\(relativePath)' outside the output folder")
        }
        return directory.appendingPathComponent(relativePath)
    }
}
