import CZlib

/// Reads a whole file through zlib's `gzopen`/`gzread`, which inflates
/// gzip files and passes other files through unchanged — so `.gz` and plain
/// IDX files are read the same way.
///
/// Throws ``IDXError/unreadable(path:reason:)`` if the file cannot be
/// opened and ``IDXError/corruptGzip(path:reason:)`` if the gzip stream is
/// truncated or damaged (zlib reports "unexpected end of file" or a data
/// error). O(file size).
func readPossiblyGzippedFile(atPath path: String) throws -> [UInt8] {
    guard let file = gzopen(path, "rb") else {
        throw IDXError.unreadable(path: path, reason: "cannot open the file")
    }
    defer { gzclose(file) }
    var bytes: [UInt8] = []
    let chunk = 1 << 20
    var buffer = [UInt8](repeating: 0, count: chunk)
    while true {
        let n = buffer.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32(chunk)) }
        if n < 0 {
            throw IDXError.corruptGzip(path: path, reason: zlibError(file))
        }
        if n == 0 { break }
        bytes.append(contentsOf: buffer[0..<Int(n)])
    }
    // A truncated stream makes gzread return what it had, then 0, with the
    // error only in gzerror.
    var code: Int32 = 0
    let message = gzerror(file, &code).map { String(cString: $0) } ?? ""
    if code != Z_OK && code != Z_STREAM_END {
        throw IDXError.corruptGzip(path: path, reason: message.isEmpty ? "zlib error \(code)" : message)
    }
    return bytes
}

private func zlibError(_ file: gzFile) -> String {
    var code: Int32 = 0
    guard let message = gzerror(file, &code) else { return "zlib error \(code)" }
    return String(cString: message)
}
