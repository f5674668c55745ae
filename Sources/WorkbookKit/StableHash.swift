/// A 128-bit FNV-1a hash (two 64-bit lanes with different offsets), printed
/// as 32 hex digits. Stable across runs and platforms, unlike `Hasher`, which
/// is seeded per process. Used for cache keys, not for security.
struct StableHash {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte) }
        add(0xff)  // a separator, so ("ab","c") and ("a","bc") differ
    }

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { add(byte) }
    }

    private mutating func add(_ byte: UInt8) {
        a = (a ^ UInt64(byte)) &* StableHash.prime
        b = (b ^ UInt64(byte ^ 0x5a)) &* StableHash.prime
    }

    var hex: String {
        let ha = String(a, radix: 16), hb = String(b, radix: 16)
        return String(repeating: "0", count: 16 - ha.count) + ha + String(repeating: "0", count: 16 - hb.count) + hb
    }

    static func of(_ parts: [String]) -> String {
        var h = StableHash()
        for p in parts { h.add(p) }
        return h.hex
    }
}
