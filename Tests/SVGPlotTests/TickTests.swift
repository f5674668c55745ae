import Foundation
import Testing
@testable import SVGPlot

@Suite struct TickTests {
    static func isNiceStep(_ step: Double) -> Bool {
        let e = floor(log10(step))
        let m = step / pow(10, e)
        return [1, 2, 2.5, 5, 10].contains { abs(m - $0) < 1e-6 }
    }

    static func check(_ lo: Double, _ hi: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        let t = Ticks.linear(lo, hi)
        #expect((4...10).contains(t.values.count), "\(lo)…\(hi): \(t.values.count) ticks \(t.labels)", sourceLocation: sourceLocation)
        #expect(isNiceStep(t.step), "\(lo)…\(hi): step \(t.step)", sourceLocation: sourceLocation)
        let a = min(lo, hi), b = max(lo, hi)
        // The ticks cover the range: no gap of a whole step at either end...
        #expect(t.values.first! <= a + t.step * (1 + 1e-9), "\(lo)…\(hi): first \(t.values.first!)", sourceLocation: sourceLocation)
        #expect(t.values.last! >= b - t.step * (1 + 1e-9), "\(lo)…\(hi): last \(t.values.last!)", sourceLocation: sourceLocation)
        // ...evenly spaced, ascending, with distinct labels free of float noise.
        for i in 1..<t.values.count {
            let gap = t.values[i] - t.values[i - 1]
            #expect(abs(gap - t.step) <= t.step * 1e-6, sourceLocation: sourceLocation)
        }
        #expect(Set(t.labels).count == t.labels.count, "\(t.labels)", sourceLocation: sourceLocation)
        for label in t.labels {
            #expect(!label.contains("0000000") && !label.contains("9999999") || label.count < 9,
                    "noisy label \(label)", sourceLocation: sourceLocation)
            #expect(label.count <= 18, "long label \(label)", sourceLocation: sourceLocation)
        }
    }

    @Test func knownRanges() {
        #expect(Ticks.linear(0, 1).labels == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        #expect(Ticks.linear(0, 0.3).labels == ["0", "0.05", "0.1", "0.15", "0.2", "0.25", "0.3"])
        #expect(Ticks.linear(-2, 2).labels == ["−2", "−1", "0", "1", "2"])
        #expect(Ticks.linear(0, 1e13).labels.last == "1e13")
        #expect(Ticks.linear(0.1, 0.7).values.contains(0.3))
        #expect(!Ticks.linear(0.1, 0.7).labels.contains { $0.contains("0000") })
        #expect(Ticks.logarithmic(1e-3, 1e3).labels == ["0.001", "0.01", "0.1", "1", "10", "100", "1000"])
    }

    @Test func degenerateRanges() {
        Self.check(5, 5)
        Self.check(0, 0)
        Self.check(-3, -3)
        Self.check(1e13, 1e13)
        #expect(Ticks.linear(.nan, 1).values == Ticks.linear(0, 1).values)
        Self.check(1, 1 + 1e-13)
    }

    @Test func randomRanges() {
        var random = SeededRandom(seed: 2024)
        for _ in 0..<2000 {
            let kind = Int(random.next() * 5)
            let centre: Double, span: Double
            switch kind {
            case 0: centre = (random.next() - 0.5) * 200; span = pow(10, random.next() * 8 - 4)
            case 1: centre = (random.next() - 0.5) * 1e-11; span = 1e-12 * (0.5 + random.next())
            case 2: centre = (random.next() - 0.5) * 2e13; span = 1e13 * (0.2 + random.next())
            case 3: centre = -random.next() * 1000; span = random.next() * 50
            default: centre = (random.next() - 0.5) * 1e6; span = 0
            }
            Self.check(centre - span / 2, centre + span / 2)
        }
    }

    @Test func logTicksAreDecades() {
        let t = Ticks.logarithmic(1e-12, 1e13)
        #expect((2...10).contains(t.values.count))
        for v in t.values { #expect(abs(log10(v) - log10(v).rounded()) < 1e-9) }
    }
}
