import CZlib

/// Opens `path` for gzip writing (fixed header: gzopen writes mtime 0) and
/// returns a function writing all bytes and closing the file.
func gzopenWrite(_ path: String) -> (([UInt8]) -> Bool)? {
    guard let file = gzopen(path, "wb") else { return nil }
    return { bytes in
        let written = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
        return gzclose(file) == Z_OK && Int(written) == bytes.count
    }
}
