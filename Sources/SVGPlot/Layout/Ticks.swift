import Foundation

/// Tick positions and their labels for one axis.
///
/// There is one tick algorithm for every chart: steps are `m × 10^k` with
/// `m ∈ {1, 2, 2.5, 5}`; of the steps giving 4…`maxCount` ticks inside the
/// range, the one closest to 6 ticks wins (2.5 only on a clear advantage).
/// Tick values are computed as `k·m / 10^e` so they carry no float noise, and
/// labels have exactly as many decimals as the step needs.
public struct Ticks: Sendable, Equatable {
    /// Tick positions, ascending, all inside the requested range.
    public var values: [Double]
    /// One label per value, e.g. `"0.3"`, `"−2"`, `"1.5e13"` (typographic minus,
    /// no trailing zeros, scientific notation from 1e6 up and below 1e-4).
    public var labels: [String]
    /// Distance between neighbouring ticks (in log10 units for log ticks).
    public var step: Double

    public init(values: [Double], labels: [String], step: Double) {
        self.values = values
        self.labels = labels
        self.step = step
    }

    /// Nice linear ticks covering `lower...upper` (order does not matter).
    /// A degenerate range (a single value, or a span below 1e-10 of the
    /// magnitude) is widened around its centre first; non-finite input gives 0…1.
    public static func linear(_ lower: Double, _ upper: Double, maxCount: Int = 10) -> Ticks {
        let (lo, hi) = widened(lower, upper)
        guard let choice = chooseStep(lo, hi, maxCount: maxCount, minimumStep: nil) else {
            return Ticks(values: [lo, hi], labels: [readableNumber(lo), readableNumber(hi)], step: hi - lo)
        }
        return choice.ticks(lo, hi)
    }

    /// Ticks for a log10 axis over `lower...upper` (both > 0): powers of ten
    /// (every n-th when there are many decades, with 2 and 5 in between when
    /// there are few); below one decade the linear ticks are used.
    public static func logarithmic(_ lower: Double, _ upper: Double, maxCount: Int = 10) -> Ticks {
        var lo = min(lower, upper), hi = max(lower, upper)
        if !(lo > 0) || !lo.isFinite { lo = 1e-3 }
        if !(hi > 0) || !hi.isFinite || hi <= lo { hi = lo * 10 }
        let llo = log10(lo), lhi = log10(hi)
        if lhi - llo < 1 { return linear(lo, hi, maxCount: maxCount) }
        guard let choice = chooseStep(llo, lhi, maxCount: maxCount, minimumStep: 1) else {
            return linear(lo, hi, maxCount: maxCount)
        }
        let exponents = choice.values(llo, lhi).map { Int($0.rounded()) }
        var values: [Double] = []
        for e in exponents { values.append(pow10Signed(e)) }
        if choice.step == 1 && !exponents.isEmpty && exponents.count <= 3 {
            // Few decades: add 2× and 5× ticks.
            var extended: [Double] = []
            for e in (exponents.first! - 1)...(exponents.last!) {
                for m in [1.0, 2.0, 5.0] {
                    let v = e >= 0 ? m * pow10(e) : m / pow10(-e)
                    if v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12) { extended.append(v) }
                }
            }
            if extended.count <= maxCount { values = extended }
        }
        return Ticks(values: values, labels: values.map(logLabel), step: choice.step)
    }

    // MARK: internals

    struct Choice {
        var mantissa: Double
        var exponent: Int
        var step: Double { exponent >= 0 ? mantissa * pow10(exponent) : mantissa / pow10(-exponent) }

        /// The first and last multiple of the step inside lo…hi; (1, 0) (empty)
        /// when the step is unusable (zero, or too small for the magnitudes).
        func range(_ lo: Double, _ hi: Double) -> (Int, Int) {
            let s = step
            let ra = (lo / s - 1e-9).rounded(.up), rb = (hi / s + 1e-9).rounded(.down)
            guard s > 0, s.isFinite, abs(ra) < 1e15, abs(rb) < 1e15 else { return (1, 0) }
            return (Int(ra), Int(rb))
        }

        func value(_ k: Int) -> Double {
            let v = exponent >= 0
                ? Double(k) * mantissa * pow10(exponent)
                : (Double(k) * mantissa) / pow10(-exponent)
            return v == 0 ? 0 : v
        }

        func values(_ lo: Double, _ hi: Double) -> [Double] {
            let (a, b) = range(lo, hi)
            guard a <= b else { return [] }
            return (a...b).map(value)
        }

        func ticks(_ lo: Double, _ hi: Double) -> Ticks {
            let values = values(lo, hi)
            let magnitude = values.map(abs).max() ?? 0
            let extra = mantissa == 2.5 ? 1 : 0
            let scientific = magnitude >= 1e6 || (magnitude > 0 && magnitude < 1e-4)
            let labels = values.map { v -> String in
                if v == 0 { return "0" }
                if scientific {
                    var e = Int(log10(abs(v)).rounded(.down))
                    if pow10Signed(e) > abs(v) { e -= 1 }
                    if pow10Signed(e + 1) <= abs(v) { e += 1 }
                    let digits = min(15, max(0, e - exponent + extra))
                    return minus(tidyScientific(String(format: "%.\(digits)e", v)))
                }
                let decimals = min(17, max(0, -exponent + extra))
                return minus(trimmingFractionZeros(String(format: "%.\(decimals)f", v)))
            }
            return Ticks(values: values, labels: labels, step: step)
        }
    }

    static func widened(_ a: Double, _ b: Double) -> (Double, Double) {
        var lo = min(a, b), hi = max(a, b)
        if !lo.isFinite || !hi.isFinite { return (0, 1) }
        let magnitude = max(abs(lo), abs(hi))
        if hi - lo <= magnitude * 1e-10 || hi - lo < 1e-290 {
            let centre = (lo + hi) / 2
            let pad = magnitude < 1e-280 ? 1 : magnitude * 0.1
            lo = centre - pad
            hi = centre + pad
        }
        return (lo, hi)
    }

    static func chooseStep(_ lo: Double, _ hi: Double, maxCount: Int, minimumStep: Double?) -> Choice? {
        let span = hi - lo
        guard span > 0, span.isFinite else { return nil }
        let e0 = Int(log10(span).rounded(.down))
        let minCount = min(4, max(2, maxCount))
        let target = Double(min(6, maxCount))
        var best: (score: Double, choice: Choice)?
        var fallback: (count: Int, choice: Choice)?
        for e in (e0 - 2)...(e0 + 1) {
            for m in [1.0, 2.0, 2.5, 5.0] {
                let choice = Choice(mantissa: m, exponent: e)
                if let minimumStep, choice.step < minimumStep - 1e-12 { continue }
                if let minimumStep, minimumStep >= 1, m == 2.5 { continue }
                let (a, b) = choice.range(lo, hi)
                let count = b - a + 1
                if count >= minCount && count <= maxCount {
                    let score = abs(Double(count) - target) + (m == 2.5 ? 1.5 : 0)
                    if best == nil || score < best!.score { best = (score, choice) }
                } else if count >= 2 && count <= maxCount {
                    if fallback == nil || count > fallback!.count { fallback = (count, choice) }
                }
            }
        }
        if let best { return best.choice }
        if let fallback { return fallback.choice }
        if let minimumStep, minimumStep >= 1 {
            // Many decades: the smallest power-of-ten multiple giving ≤ maxCount ticks.
            var step = 1
            while step < 10_000 {
                let c = Choice(mantissa: Double(step), exponent: 0)
                let (a, b) = c.range(lo, hi)
                if b - a + 1 <= maxCount { return c }
                step += 1
            }
        }
        return nil
    }
}

func pow10(_ e: Int) -> Double {
    var r = 1.0
    for _ in 0..<max(0, e) { r *= 10 }
    return r
}

func pow10Signed(_ e: Int) -> Double {
    e >= 0 ? pow10(e) : 1 / pow10(-e)
}

/// Typographic minus sign.
func minus(_ text: String) -> String {
    text.replacingOccurrences(of: "-", with: "−")
}

func logLabel(_ value: Double) -> String {
    let e = Int(log10(value).rounded())
    if abs(value - pow10Signed(e)) <= value * 1e-9 {
        if e >= 0 && e <= 5 { return String(format: "%.0f", value) }
        if e < 0 && e >= -3 { return String(format: "%.\(-e)f", value) }
        return minus("1e\(e)")
    }
    return readableNumber(value)
}
