/// For the `idx` fuzz target: whether the compact copy made from `images`'
/// bytes (`ck_compact_create_bytes`) holds exactly what the one made from
/// `images.scaledMatrix()` holds — the same rows, columns and value bits of
/// every entry — or neither can be made. Only for sets of at most
/// `maximumPixels` pixels (the matrix is 8 bytes a pixel); larger ones pass.
public func compactCopiesAgree(_ images: IDXImages, maximumPixels: Int = 1 << 20) -> Bool {
    let pixels = images.count * images.rows * images.columns
    guard pixels <= maximumPixels, images.pixels.count == pixels else { return true }
    let fromBytes = CompactImages(images), fromMatrix = CompactImages(images.scaledMatrix())
    guard let a = fromBytes?.pointer.pointee, let b = fromMatrix?.pointer.pointee else {
        return (fromBytes == nil) == (fromMatrix == nil)
    }
    guard a.rows == b.rows, a.columns == b.columns else { return false }
    for r in 0...a.rows where a.rowStart[r] != b.rowStart[r] { return false }
    var paletteA = a.palette, paletteB = b.palette
    return withUnsafeBytes(of: &paletteA) { pa in
        withUnsafeBytes(of: &paletteB) { pb in
            let va = pa.bindMemory(to: Double.self), vb = pb.bindMemory(to: Double.self)
            for e in 0..<a.rowStart[a.rows] {
                if a.cols[e] != b.cols[e] { return false }
                if va[Int(a.codes[e])].bitPattern != vb[Int(b.codes[e])].bitPattern { return false }
            }
            return true
        }
    }
}
