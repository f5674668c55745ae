import Foundation

/// The last step, and the only code of the build that writes under the
/// output folder: the rendered files (atomically, unchanged ones left
/// alone), stale figures removed, and the cache files the run step returned.
/// Every path is checked by `OutputWriter` (inside the folder, no symbolic
/// link on the way).
struct CommitStep {
    var output: URL
    /// The cache folder (`output/.cache`, shared by every edition); nil when there is no cache.
    var cacheDirectory: URL?

    func commit(_ rendered: RenderedBuild, cacheWrites: [CacheWrite], log: BuildLog) throws {
        let writer = OutputWriter(directory: output)
        try writer.prepare()
        // Cache files first: a page is never newer than the results it shows.
        if let cacheDirectory { CommitStep.writeCache(cacheWrites, to: cacheDirectory) }
        for file in rendered.files {
            try writer.write(file.contents, to: file.path)
            log.emit(.pageWritten(path: file.path, output: output.path))
        }
        for folder in rendered.figureFolders {
            let kept = Set(rendered.files.map(\.path).filter { $0.hasPrefix(folder + "/") })
            try writer.removeStale(in: folder, keeping: kept)
        }
    }

    /// A cache write that fails (a full disk, a `.cache` that is a link) is
    /// skipped: the cell simply runs again next time.
    static func writeCache(_ writes: [CacheWrite], to cacheDirectory: URL) {
        guard !writes.isEmpty else { return }
        try? FileManager.default.createDirectory(at: cacheDirectory, withIntermediateDirectories: true)
        guard OutputWriter.isRealDirectory(cacheDirectory.path) else { return }
        let writer = OutputWriter(directory: cacheDirectory)
        for write in writes { try? writer.write(write.data, to: write.file) }
    }
}
