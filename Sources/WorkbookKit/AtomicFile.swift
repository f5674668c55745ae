import Foundation

/// Writes files by writing a temporary sibling and renaming it over the
/// target, so a reader (or `workbook serve`) never sees a half-written page.
///
/// The temporary file is created with `O_EXCL | O_NOFOLLOW` (a link planted
/// under its name is removed first, never followed), and `rename` replaces a
/// target that is a symbolic link by the file itself, so no write lands where
/// a link points.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Unique per write, not per process: two threads writing the same cache
        // entry must not share (and rename away) one temporary file.
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp")
        unlink(temporary.path)
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(url, errno) }
        var written = 0
        let ok = data.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return true
        }
        let code = errno
        close(fd)
        guard ok || data.isEmpty else {
            unlink(temporary.path)
            throw failure(url, code)
        }
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            unlink(temporary.path)
            throw failure(url, code)
        }
    }

    static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    private static func failure(_ url: URL, _ code: Int32) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path,
                                                 NSLocalizedDescriptionKey: String(cString: strerror(code))])
    }
}
