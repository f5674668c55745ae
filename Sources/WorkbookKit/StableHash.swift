import SVGPlot

/// A 128-bit hash made of two FNV-1a lanes (`SVGPlot.FNV1a`, the project's
/// one hash, with different offsets), printed as 32 hex digits. Stable across
/// runs and platforms, unlike `Hasher`, which is seeded per process. Used for
/// cache keys, not for security.
struct StableHash {
    private var a = FNV1a()
    private var b = FNV1a(offset: 0x6c62_272e_07bb_0142)

    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte) }
        add(0xff)  // a separator, so ("ab","c") and ("a","bc") differ
    }

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { add(byte) }
    }

    private mutating func add(_ byte: UInt8) {
        a.add(byte)
        b.add(byte ^ 0x5a)
    }

    var hex: String { a.hex + b.hex }

    static func of(_ parts: [String]) -> String {
        var h = StableHash()
        for p in parts { h.add(p) }
        return h.hex
    }
}
