import CDeflate
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
        if let whole = inflatedAtOnce(path: path, bytes: headerBytes + length), whole.prefix(headerBytes).elementsEqual(bytes) {
            return whole
        }
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

/// The whole of a gzip file of one member inflated by libdeflate, when it inflates to
/// exactly `bytes` bytes (the header's length), checksum and size checked; nil for
/// anything else (a plain file, several members, a damaged or longer stream, a file
/// too large to be that), which the streaming zlib read then reads or reports as
/// before. The compressed file is read into memory only when it is at most
/// `bytes` + 1/8 + 64 KiB (deflate's stored blocks grow data by 5 bytes in 65 535).
private func inflatedAtOnce(path: String, bytes: Int) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    let size = Int(info.st_size)
    guard size >= 18, size <= bytes + bytes / 8 + (64 << 10) else { return nil }
    var compressed = [UInt8](repeating: 0, count: size)
    var filled = 0
    while filled < size {
        let n = compressed.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + filled, size - filled) }
        if n <= 0 { return nil }
        filled += n
    }
    guard compressed[0] == 0x1F, compressed[1] == 0x8B, let decompressor = libdeflate_alloc_decompressor() else { return nil }
    defer { libdeflate_free_decompressor(decompressor) }
    var inflated = [UInt8](repeating: 0, count: bytes)
    var used = 0, produced = 0
    let result = compressed.withUnsafeBytes { input in
        inflated.withUnsafeMutableBytes { output in
            libdeflate_gzip_decompress_ex(decompressor, input.baseAddress, size, output.baseAddress, bytes, &used, &produced)
        }
    }
    guard result == LIBDEFLATE_SUCCESS, used == size, produced == bytes else { return nil }
    return inflated
}

private func zlibError(_ file: gzFile) -> String {
    var code: Int32 = 0
    guard let message = gzerror(file, &code) else { return "zlib error \(code)" }
    return String(cString: message)
}
