import Foundation

/// A deterministic, seedable random number generator: **xoshiro256\*\***
/// (Blackman & Vigna, 2018) whose 256-bit state is filled from the 64-bit
/// seed by **SplitMix64** (Steele, Lea & Flood, 2014), as the xoshiro
/// authors recommend.
///
/// Only integer arithmetic on `UInt64` with wrapping operators is used for
/// the raw stream, so the same seed gives the same bits on every platform
/// and every run. `nextDouble()` is exact too. Normal samples use `log` and
/// `sqrt` from the C library: `sqrt` is correctly rounded everywhere; `log`
/// may differ in the last bit between C libraries (glibc vs Apple), which
/// can change a sample by ~1 ulp on another OS — never on the same one.
///
/// Period 2²⁵⁶ − 1; not cryptographically secure.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    /// The second value of the last Marsaglia polar pair, returned by the
    /// next ``nextStandardNormal()`` call.
    private var spareNormal: Double?

    /// A generator whose state is expanded from `seed` by SplitMix64.
    public init(seed: UInt64) {
        var sm = seed
        func splitMix64() -> UInt64 {
            sm &+= 0x9E37_79B9_7F4A_7C15
            var z = sm
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix64(); s1 = splitMix64(); s2 = splitMix64(); s3 = splitMix64()
        spareNormal = nil
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    @inline(__always) private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    /// A uniform double in [0, 1): the top 53 bits of ``next()`` times 2⁻⁵³,
    /// so every multiple of 2⁻⁵³ in [0, 1) is equally likely.
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform integer in 0..<upperBound, unbiased (Lemire's
    /// multiply-and-reject method, 2019). Deterministic for a given state.
    ///
    /// - Precondition: `upperBound > 0`.
    public mutating func nextInt(upperBound: Int) -> Int {
        precondition(upperBound > 0, "upperBound must be positive")
        let bound = UInt64(upperBound)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return Int(product.high)
    }

    /// A standard normal sample N(0, 1) by the **Marsaglia polar method**:
    /// draw u, v uniform in (−1, 1) until 0 < s = u² + v² < 1, then
    /// u·√(−2 ln s / s) and v·√(−2 ln s / s) are two independent N(0, 1)
    /// samples; the second is kept for the next call.
    public mutating func nextStandardNormal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * nextDouble() - 1
            let v = 2 * nextDouble() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * Foundation.log(s) / s).squareRoot()
                spareNormal = v * factor
                return u * factor
            }
        }
    }

    /// `count` standard normal samples multiplied by `standardDeviation`
    /// (numpy's `std * np.random.randn(count)`).
    public mutating func normals(count: Int, standardDeviation: Double = 1) -> [Double] {
        (0..<count).map { _ in standardDeviation * nextStandardNormal() }
    }

    /// `count` indices drawn uniformly from 0..<upperBound **with
    /// replacement** (numpy's `np.random.choice(upperBound, count)`), so an
    /// index may appear more than once.
    public mutating func choice(upperBound: Int, count: Int) -> [Int] {
        (0..<count).map { _ in nextInt(upperBound: upperBound) }
    }
}

extension Matrix {
    /// A matrix of independent N(0, σ²) samples, σ = `standardDeviation`,
    /// filled in row-major order from `generator`.
    public static func randomNormal(
        rows: Int, columns: Int, standardDeviation: Double = 1,
        using generator: inout SeededGenerator
    ) -> Matrix {
        Matrix(rows: rows, columns: columns,
               values: generator.normals(count: rows * columns, standardDeviation: standardDeviation))
    }
}
