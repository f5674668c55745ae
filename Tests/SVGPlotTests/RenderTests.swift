import Foundation
import Testing
@testable import SVGPlot

@Suite struct RenderTests {
    @Test func renderingIsDeterministic() {
        for (_, figure) in Gallery.all.prefix(6) {
            #expect(figure.render() == figure.render())
        }
    }

    @Test func escapingHandlesMarkupAndJapanese() {
        #expect(svgEscape("a < b & \"c\" 'd' > 日本語") == "a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; 日本語")
        #expect(svgEscape("bell\u{7}") == "bell")
        var axes = Axes(title: "<script>&", xLabel: "x", yLabel: "y")
        axes.add(.line(x: [0, 1], y: [0, 1], label: "勾配 < 0"))
        let svg = Figure(axes: [axes]).render()
        #expect(svg.contains("&lt;script&gt;&amp;"))
        #expect(svg.contains("勾配 &lt; 0"))
        #expect(!svg.contains("<script>"))
    }

    @Test func longLossCurveStaysSmall() {
        let svg = Gallery.lossCurve.render()
        #expect(svg.utf8.count < 150_000, "\(svg.utf8.count) bytes")
    }

    @Test func thinningKeepsTheEnvelope() {
        var random = SeededRandom(seed: 1)
        let run = (0..<5000).map { Point(x: Double($0) / 50, y: random.next() * 100) }
        let thin = thinPerPixelColumn(run)
        #expect(thin.count <= 4 * 100)
        #expect(thin.map(\.y).max() == run.map(\.y).max())
        #expect(thin.map(\.y).min() == run.map(\.y).min())
        #expect(thin.first == run.first && thin.last == run.last)
    }

    @Test func clippedPointsAreCountedAndNoted() {
        let svg = Gallery.clipping.render()
        #expect(svg.contains("points outside the plotted range are clipped"))
        #expect(Gallery.clipping.summary.contains("clipped"))
        #expect(!svg.contains("NaN"))
        #expect(!svg.contains("e+"))
    }

    @Test func summaryDescribesTheData() {
        let summary = Gallery.accuracy.summary
        #expect(summary.contains("train acc"))
        #expect(summary.contains("test acc"))
        #expect(summary.contains("y axis “accuracy” from 0 to 1"))
    }

    @Test func numbersHaveAtMostTwoDecimals() throws {
        var svg = Gallery.tangents.render()
        // The description may say "−0.995"; coordinates and tick labels may not.
        let desc = svg.range(of: "<desc")!.lowerBound..<svg.range(of: "</desc>")!.upperBound
        svg.removeSubrange(desc)
        let regex = try Regex("[0-9]+\\.[0-9]{3,}")
        // Tick labels and coordinates never carry more than two decimals here.
        #expect(svg.ranges(of: regex).isEmpty)
    }

    @Test func robustLimitsIgnoreOutliers() {
        let summary = Gallery.robustLimits.summary
        #expect(summary.contains("3 points outside the plotted range are clipped (1 not finite)"))
        #expect(summary.contains("1 point outside the plotted range is clipped (1 not finite)"))
    }

    @Test func contourChainsAreJoined() {
        let grid = Grid2D(x: linspace(-1, 1, 21), y: linspace(-1, 1, 21)) { $0 * $0 + $1 * $1 }
        let chains = chainContour(marchingSquares(grid, level: 0.5))
        #expect(chains.count == 1)
        #expect(chains[0].first == chains[0].last, "a circle closes")
        #expect(chains[0].count > 20)
    }

    @Test func crowdedCategoriesAreThinned() {
        var axes = Axes()
        let names = (0..<40).map { "category \($0)" }
        axes.add(.bars(categories: names, series: [BarSeries(label: "v", values: names.indices.map(Double.init))]))
        let svg = Figure(width: 400, height: 300, axes: [axes]).render()
        #expect(svg.contains(">category 0<"))
        #expect(!svg.contains(">category 1<"))
    }

    @Test func equalAspectHasEqualUnits() {
        var axes = Axes()
        axes.add(.line(x: [0, 1], y: [0, 4]))
        axes.aspect = .equal
        let summary = Figure(width: 600, height: 300, axes: [axes]).summary
        // y spans 0…4 (+margin) over ~240 px, so x must span far more than 0…1.
        #expect(!summary.contains("x axis from −0.05 to 1.05"))
    }

    @Test func coincidentMarkersAreDrawnOnce() {
        var axes = Axes()
        axes.add(.scatter(x: Array(repeating: 1, count: 500) + [2], y: Array(repeating: 1, count: 500) + [2]))
        let svg = Figure(axes: [axes]).render()
        // Once in the wide drawing and once in the narrow layout (a 640 px figure has one).
        let layouts = svg.components(separatedBy: "<svg class=\"wbp-narrow\"")
        #expect(layouts.count == 2)
        for layout in layouts { #expect(layout.components(separatedBy: "<circle").count - 1 == 2) }
    }

    @Test func pngEncoderChecksums() {
        #expect(PNGEncoder.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(PNGEncoder.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        let png = PNGEncoder.encode(width: 2, height: 2, channels: 1, pixels: [0, 255, 255, 0])
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(Array(png.suffix(12)) == [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
    }

    @Test func idsDifferBetweenFigures() {
        let a = Gallery.functionGraph.render(), b = Gallery.accuracy.render()
        func id(_ s: String) -> Substring { s.split(separator: "aria-labelledby=\"")[1].prefix(11) }
        #expect(id(a) != id(b))
    }
}

/// Auto colours of bar series continue the palette after earlier marks.
@Test func barColoursContinueThePalette() {
    var axes = Axes()
    axes.add(.line(x: [0, 1], y: [1, 2]))
    axes.add(.bars(categories: ["a"], series: [BarSeries(label: "p", values: [1]), BarSeries(label: "q", values: [2], color: .palette(5)),
                                               BarSeries(label: "r", values: [3])]))
    axes.add(.hline(1, style: LineStyle()))
    let svg = Figure(axes: [axes]).render()
    #expect(svg.contains("<path class=\"wbp-s0\""))
    #expect(svg.contains("<g class=\"wbp-f1\">"))
    #expect(svg.contains("<g class=\"wbp-f5\">"))
    #expect(svg.contains("<g class=\"wbp-f2\">"))
    #expect(svg.contains("<path class=\"wbp-s3\""))
}
