import Foundation

/// Reads a workbook source file (a chapter, `workbook.yml`) so that a hostile
/// or mistaken file is a located diagnostic, never an abort or a hang.
///
/// The file type is checked with `lstat` before anything is opened, so a
/// FIFO never blocks the build and `/dev/zero` is never read; a symlink is
/// followed only when it stays inside `root` (the workbook folder), so a
/// chapter cannot publish `/etc/passwd`. The text must be UTF-8; the first
/// bad byte is reported at its line and column. Line endings are left as
/// they are (see `LineEndings`).
enum SourceFileReader {
    /// Largest source file read, in bytes: a chapter is prose, not data.
    static let maximumBytes = 8 << 20

    enum Outcome: Equatable {
        case text(String)
        /// Not read; the diagnostic says why (an error, or a warning for a refused symlink).
        case refused(Diagnostic)
    }

    /// What `path` holds. `what` names the file in messages ("chapter").
    /// `root` nil means symlinks are followed wherever they point.
    static func read(_ path: String, what: String, root: String?) -> Outcome {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let name = (path as NSString).lastPathComponent
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return .refused(.error("cannot read \(what) '\(name)': \(String(cString: strerror(errno)))", at: start))
        }
        var target = path
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                return .refused(.error("\(what) '\(name)' is a symbolic link that points to nothing", at: start,
                                       hint: "remove the link or restore the file it points to"))
            }
            target = String(cString: resolved)
            free(resolved)
            if let root, !isInside(target, root) {
                return .refused(.warning("\(what) '\(name)' is a symbolic link to '\(target)', outside the workbook folder; it was not read",
                                         at: start, hint: "copy the file into the workbook folder instead of linking to it"))
            }
            guard stat(target, &info) == 0 else {
                return .refused(.error("cannot read \(what) '\(name)': \(String(cString: strerror(errno)))", at: start))
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .refused(.error("\(what) '\(name)' is a directory, not a file", at: start))
        default: return .refused(.error("\(what) '\(name)' is not a regular file (a pipe, socket or device)", at: start))
        }
        if Int(info.st_size) > maximumBytes {
            return .refused(.error("\(what) '\(name)' is \(info.st_size) bytes; the limit is \(maximumBytes) bytes", at: start))
        }
        // O_NONBLOCK: if the file was swapped for a FIFO since lstat, open does not wait for a writer.
        let fd = open(target, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            return .refused(.error("cannot read \(what) '\(name)': \(String(cString: strerror(errno)))", at: start))
        }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return .refused(.error("\(what) '\(name)' is not a regular file (a pipe, socket or device)", at: start))
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .refused(.error("cannot read \(what) '\(name)': \(String(cString: strerror(errno)))", at: start))
            }
            if n == 0 { break }
            bytes += buffer[0..<n]
            if bytes.count > maximumBytes {
                return .refused(.error("\(what) '\(name)' is larger than the limit of \(maximumBytes) bytes", at: start))
            }
        }
        return decode(bytes, file: path, what: what)
    }

    /// `bytes` as a String, or an error at the first byte that is not UTF-8.
    static func decode(_ bytes: [UInt8], file: String, what: String) -> Outcome {
        if let text = String(validating: bytes, as: UTF8.self) { return .text(text) }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0, line = 1, lineStart = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; lineStart = offset + 1 }
                offset += UTF8.width(scalar)
            case .emptyInput:
                break loop
            case .error:
                break loop
            }
        }
        return .refused(.error(
            "\(what) is not valid UTF-8 text (byte 0x\(String(bytes[min(offset, bytes.count - 1)], radix: 16, uppercase: true)))",
            at: SourceLocation(file: file, line: line, column: offset - lineStart + 1),
            hint: "save the file as UTF-8"))
    }

    /// Whether the resolved `path` lies in `root` (after resolving `root`'s own links).
    static func isInside(_ path: String, _ root: String) -> Bool {
        let base: String
        if let resolved = realpath(root, nil) {
            base = String(cString: resolved)
            free(resolved)
        } else {
            base = (root as NSString).standardizingPath
        }
        return path == base || path.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }
}
