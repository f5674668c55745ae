import CZlib
import Foundation

/// Reads IDX files (plain or gzip) without trusting them: the file type is
/// checked before it is opened (a FIFO would block, `/dev/zero` never ends),
/// the header is read from the first inflated bytes and checked, and then
/// exactly as many bytes as the header announces are inflated — never more
/// than `IDXReader.maximumBytes` — so a 1 MB gzip bomb costs what its header
/// says, not a gigabyte.
struct IDXFile {
    let path: String
    private let file: gzFile

    /// Opens `path` for reading (plain or gzip). Throws if it is not a regular file.
    init(path: String) throws {
        self.path = path
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw IDXError.unreadable(path: path, reason: "cannot open the file (\(String(cString: strerror(errno))))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw IDXError.unreadable(path: path, reason: "not a regular file (a device, pipe or folder)")
        }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw IDXError.unreadable(path: path, reason: "cannot open the file") }
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            Foundation.close(fd)
            throw IDXError.unreadable(path: path, reason: "not a regular file (a device, pipe or folder)")
        }
        guard let file = gzdopen(fd, "rb") else {
            Foundation.close(fd)
            throw IDXError.unreadable(path: path, reason: "cannot open the file")
        }
        self.file = file
    }

    func close() { gzclose(file) }

    /// Up to `count` more bytes (fewer only at the end of the data).
    func read(_ count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let chunk = UInt32(min(count - filled, 1 << 24))
            let n = bytes.withUnsafeMutableBytes { gzread(file, $0.baseAddress! + filled, chunk) }
            if n < 0 { throw IDXError.corruptGzip(path: path, reason: zlibError(file)) }
            if n == 0 { break }
            filled += Int(n)
        }
        // A truncated stream makes gzread return what it had, then 0, with the error only in gzerror.
        var code: Int32 = 0
        let message = gzerror(file, &code).map { String(cString: $0) } ?? ""
        if code != Z_OK && code != Z_STREAM_END {
            throw IDXError.corruptGzip(path: path, reason: message.isEmpty ? "zlib error \(code)" : message)
        }
        bytes.removeLast(count - filled)
        return bytes
    }

    /// The header (`headerBytes` long) and exactly the body length it announces,
    /// checked to end there. `bodyLength` reads the length from the header
    /// (throwing if it is too large).
    static func read(atPath path: String, headerBytes: Int,
                     bodyLength: ([UInt8]) throws -> (length: Int, header: String)) throws -> [UInt8] {
        let file = try IDXFile(path: path)
        defer { file.close() }
        var bytes = try file.read(headerBytes)
        let (length, header) = try bodyLength(bytes)
        let body = try file.read(length)
        guard body.count == length else {
            throw IDXError.sizeMismatch(path: path, header: header, expectedBytes: headerBytes + length,
                                        actualBytes: headerBytes + body.count)
        }
        guard try file.read(1).isEmpty else {
            throw IDXError.unreadable(path: path, reason: "longer than its header says (\(header) needs \(headerBytes + length) bytes)")
        }
        bytes += body
        return bytes
    }
}

private func zlibError(_ file: gzFile) -> String {
    var code: Int32 = 0
    guard let message = gzerror(file, &code) else { return "zlib error \(code)" }
    return String(cString: message)
}
