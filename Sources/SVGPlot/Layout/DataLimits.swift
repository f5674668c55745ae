import Foundation

/// The limits of both axes, from the axes' settings and the data its artists
/// cover, before `aspect` adjusts them (matplotlib's `dataLim` → `viewLim`).
struct DataLimits {
    var x: (Double, Double)
    var y: (Double, Double)
    /// Whether the panel may draw a clipping note (some point lies outside the
    /// limits, or equal aspect may narrow a range), so it needs room under the plot.
    var clipsPoints: Bool

    init(axes: Axes, artists: [any Artist]) {
        let startsAtZero = artists.contains { $0 is BarsArtist }
        x = Self.limits(axes.xLimits, scale: axes.xScale, vertical: false, artists: artists, startsAtZero: false)
        y = Self.limits(axes.yLimits, scale: axes.yScale, vertical: true, artists: artists, startsAtZero: startsAtZero)
        // Equal aspect with one range fixed may narrow the other one during layout and
        // clip points only then; keep the note's room for that case too.
        let fixed = { (l: Limits) -> Bool in if case .fixed = l { return true } else { return false } }
        let aspectMayClip = axes.aspect == .equal && fixed(axes.xLimits) != fixed(axes.yLimits)
        let transform = DataTransform(x: AxisMap(lo: x.0, hi: x.1, log: axes.xScale == .log, p0: 0, p1: 1),
                                      y: AxisMap(lo: y.0, hi: y.1, log: axes.yScale == .log, p0: 0, p1: 1))
        clipsPoints = aspectMayClip || Self.clipped(artists, transform).total > 0
    }

    /// Points of all artists that are not finite or outside `transform`'s limits.
    static func clipped(_ artists: [any Artist], _ transform: DataTransform) -> ClipCount {
        artists.reduce(ClipCount()) { $0 + $1.clipped(by: transform) }
    }

    /// Limits never exceed ±1e300 (1e-300…1e300 on log axes), so spans and
    /// margins stay finite; anything beyond is clipped.
    static func limits(_ limits: Limits, scale: Scale, vertical: Bool, artists: [any Artist], startsAtZero: Bool) -> (Double, Double) {
        let (lo, hi) = unclamped(limits, scale: scale, vertical: vertical, artists: artists, startsAtZero: startsAtZero)
        let bound = 1e300
        var a = scale == .log ? min(max(lo, 1 / bound), bound) : min(max(lo, -bound), bound)
        var b = scale == .log ? min(max(hi, 1 / bound), bound) : min(max(hi, -bound), bound)
        if !(a < b) {
            if scale == .log { (a, b) = (1 / bound, bound) } else { (a, b) = Ticks.widened(a, b) }
        }
        return (a, b)
    }

    static func unclamped(_ limits: Limits, scale: Scale, vertical: Bool, artists: [any Artist], startsAtZero: Bool) -> (Double, Double) {
        if case .fixed(let a, let b) = limits, a.isFinite, b.isFinite, a != b, scale == .linear || (a > 0 && b > 0) {
            return (min(a, b), max(a, b))
        }
        var extent = DataExtent(scale: scale)
        for artist in artists { artist.include(into: &extent, vertical: vertical) }
        guard !extent.isEmpty else { return scale == .log ? (1, 10) : (0, 1) }
        if limits == .robust, let (lo, hi) = robustRange(artists.flatMap { $0.robustValues(vertical: vertical) }, log: scale == .log) {
            extent.lo = max(extent.lo, lo)
            extent.hi = min(extent.hi, hi)
        }
        if scale == .log {
            var llo = log10(extent.lo), lhi = log10(extent.hi)
            if lhi - llo < 1e-9 { llo -= 0.5; lhi += 0.5 }
            let pad = extent.margin ? (lhi - llo) * 0.05 : 0
            return (pow(10, llo - pad), pow(10, lhi + pad))
        }
        var (lo, hi) = Ticks.widened(extent.lo, extent.hi)
        if extent.margin {
            let pad = (hi - lo) * 0.05
            // Bars standing on zero keep zero as the lower limit.
            lo = startsAtZero && extent.lo >= 0 ? lo : lo - pad
            hi += pad
        }
        return (lo, hi)
    }

    /// The 1st…99th percentile range of `values`, widened by half its width on
    /// each side (in the axis' transformed space); nil below 20 values.
    static func robustRange(_ values: [Double], log: Bool) -> (Double, Double)? {
        var values = values.compactMap { log ? ($0 > 0 ? log10($0) : nil) : $0 }
        guard values.count >= 20 else { return nil }
        values.sort()
        let p1 = values[Int(Double(values.count - 1) * 0.01)], p99 = values[Int(Double(values.count - 1) * 0.99)]
        let w = max(p99 - p1, 1e-12 * max(abs(p1), abs(p99), 1))
        let lo = p1 - 0.5 * w, hi = p99 + 0.5 * w
        return log ? (pow(10, lo), pow(10, hi)) : (lo, hi)
    }
}
