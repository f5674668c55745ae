import Testing
@testable import SVGPlot

/// Text widths come from DejaVu Sans' advance widths (2048 units per em), read
/// from the font file by scripts/generate-font-metrics.
@Suite struct FontMetricsTests {
    @Test func advancesAreTheFontsOwn() {
        // DejaVu Sans: digits 1303 units, space 651, "M" 1767 (checked against the font's hmtx table).
        #expect(FontMetrics.dejaVuSans.advance("0") == 1303.0 / 2048)
        #expect(FontMetrics.dejaVuSans.advance(" ") == 651.0 / 2048)
        #expect(FontMetrics.dejaVuSans.advance("M") == 1767.0 / 2048)
        #expect(FontMetrics.dejaVuSans.advance("²") != nil)
        #expect(FontMetrics.dejaVuSans.advance("−") != nil)
    }

    @Test func widthsAddUpPerCharacter() {
        // Exact sums of table entries (tolerance: 1e-9 px for the float sums).
        let digit = 1303.0 / 2048 * 11
        #expect(abs(textWidth("10", size: 11) - 2 * digit) < 1e-9)
        #expect(abs(textWidth("日本", size: 10) - 20) < 1e-9)
        #expect(textWidth("", size: 11) == 0)
        #expect(textWidth("WWW", size: 11) > textWidth("iii", size: 11))
    }

    @Test func theSVGNamesTheMeasuredFont() {
        let svg = Figure(axes: [Axes(xLabel: "x")]).render()
        #expect(svg.contains("font-family:\"DejaVu Sans\""))
        #expect(svg.contains("\"Noto Sans CJK JP\""))
    }
}
