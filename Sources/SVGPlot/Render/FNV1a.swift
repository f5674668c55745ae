/// The 64-bit FNV-1a hash: stable across runs and platforms (unlike
/// `Hasher`, which is seeded per process), so a figure's id is the same in
/// every build. The one hash of the project: WorkbookKit's `StableHash` (cache
/// keys) is two of these lanes. Not for security.
public struct FNV1a: Sendable {
    public static let standardOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3
    public private(set) var value: UInt64

    public init(offset: UInt64 = FNV1a.standardOffset) {
        value = offset
    }

    public mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* FNV1a.prime
    }

    /// `value` as 16 hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
