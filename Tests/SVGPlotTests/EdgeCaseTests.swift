import Foundation
import Testing
@testable import SVGPlot
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Awkward inputs must still give a well-formed SVG with finite, short numbers.
@Suite struct EdgeCaseTests {
    static func assertSane(_ figure: Figure, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let svg = figure.render()
        if let dir = ProcessInfo.processInfo.environment["SVGPLOT_DUMP_EDGE_CASES"] {
            // For looking at them: scripts/render-svg-goldens only covers the goldens.
            try? svg.write(toFile: dir + "/" + what.replacingOccurrences(of: " ", with: "-") + ".svg", atomically: true, encoding: .utf8)
        }
        let problem = WellFormedness.problem(in: svg)
        #expect(problem == nil, "\(what): \(problem ?? "")", sourceLocation: sourceLocation)
        var body = svg
        while let start = body.range(of: "href=\"data:") {
            let end = body[start.upperBound...].firstIndex(of: "\"")!
            body.removeSubrange(start.lowerBound...end)
        }
        #expect(!body.contains("nan") && !body.contains("NaN") && !body.contains("inf"), "\(what)", sourceLocation: sourceLocation)
        let longNumber = try! Regex("[0-9]{25,}")
        #expect(body.ranges(of: longNumber).isEmpty, "\(what): absurdly long number", sourceLocation: sourceLocation)
        #expect(figure.render() == svg, "\(what): not deterministic", sourceLocation: sourceLocation)
    }

    @Test func awkwardInputs() {
        let weird: [Double] = [.nan, .infinity, -.infinity, 1e308, -1e308, 0, -1, Double.leastNonzeroMagnitude * 1000]
        var cases: [(String, Axes)] = []
        var a = Axes(title: "empty")
        cases.append(("empty axes", a))
        a = Axes(); a.add(.line(x: [], y: [])); cases.append(("empty line", a))
        a = Axes(); a.add(.line(x: [1], y: [2])); cases.append(("single point", a))
        a = Axes(); a.add(.line(x: [1, 2, 3], y: [5])); cases.append(("mismatched lengths", a))
        a = Axes(); a.add(.line(x: weird, y: weird.reversed(), marker: .circle)); cases.append(("weird values", a))
        a = Axes(); a.add(.line(x: weird, y: weird, marker: .square)); a.yScale = .log; a.xScale = .log; cases.append(("weird on log", a))
        a = Axes(); a.add(.line(x: [0, 1], y: [1e308, -1e308])); cases.append(("extremes", a))
        a = Axes(); a.add(.line(x: [0, 1], y: [3, 3])); a.yLimits = .fixed(5, -5); cases.append(("reversed limits", a))
        a = Axes(); a.add(.line(x: [0, 1], y: [3, 3])); a.yLimits = .fixed(2, 2); cases.append(("empty limits", a))
        a = Axes(); a.add(.line(x: [0, 1], y: [0, 1e13])); a.xLimits = .fixed(0, 1e-12); a.yLimits = .fixed(0, 1e-12); cases.append(("tiny window", a))
        a = Axes(); a.add(.quiver(x: [0, 1], y: [0, 1], u: [.nan, 1e300], v: [0, 1e300])); cases.append(("wild arrows", a))
        a = Axes(); a.add(.quiver(x: [0], y: [0], u: [0], v: [0])); cases.append(("zero arrow", a))
        a = Axes(); a.add(.contour(Grid2D(x: [0, 1], y: [0, 1], values: [[.nan, .nan], [.nan, .nan]]))); cases.append(("nan grid", a))
        a = Axes(); a.add(.contour(Grid2D(x: [0, 1, 2], y: [0, 1], values: [[1, 1, 1], [1, 1]]))); cases.append(("ragged flat grid", a))
        a = Axes(); a.add(.bars(categories: [], series: [])); cases.append(("no bars", a))
        a = Axes(); a.add(.bars(categories: ["a", "b"], series: [BarSeries(label: "x", values: [.nan, -3, 4])])); cases.append(("odd bars", a))
        a = Axes(); a.add(.bars(categories: ["a"], series: [BarSeries(label: "x", values: [0.5])])); a.yScale = .log; cases.append(("log bars", a))
        a = Axes(); a.add(.text("outside", x: 1e300, y: .nan)); a.add(.hline(.nan)); a.add(.vline(1e300)); cases.append(("stray annotations", a))
        a = Axes(); a.add(.line(x: [0, 1], y: [0, 1])); a.aspect = .equal; a.xLimits = .fixed(0, 10); a.yLimits = .fixed(0, 1); cases.append(("equal fixed", a))
        a = Axes(); a.add(.line(x: [0, 1], y: [0, 1])); a.yLimits = .robust; cases.append(("robust few points", a))
        for (name, axes) in cases {
            Self.assertSane(Figure(width: 300, height: 200, axes: [axes]), name)
        }
        Self.assertSane(Figure(width: 10, height: 10, axes: [cases[4].1]), "tiny figure")
        Self.assertSane(Figure(panels: []), "no panels")
        Self.assertSane(Figure(width: .nan, height: -5, axes: [cases[4].1]), "invalid size")
        var zeroColumns = Figure(axes: [cases[4].1])
        zeroColumns.columns = 0
        Self.assertSane(zeroColumns, "zero columns")
        Self.assertSane(Figure(panels: [.images(ImageGrid(images: [[], [.nan, 2, -1]], labels: ["<a>"]))]), "odd images")
        Self.assertSane(Figure(panels: [.wireframe(Wireframe(Grid2D(x: [0, 1], y: [0, 1], values: [[0, 0], [0, 0]])))]), "flat surface")
        Self.assertSane(Figure(panels: [.wireframe(Wireframe(Grid2D(x: [0], y: [], values: [])))]), "empty surface")
        let hostile = Grid2D(x: [0, 1, 2], y: [0, 1e308], values: [[.nan, 1e308, -1e308], [0, .infinity, 1]])
        Self.assertSane(Figure(panels: [.wireframe(Wireframe(hostile)), .wireframe(Wireframe(hostile, filled: false))]), "hostile surface")
        var heat = Axes()
        heat.add(.contour(hostile))
        Self.assertSane(Figure(axes: [heat]), "hostile heat map")
    }
}

/// Seeded random figures: whatever the data, rendering must not trap and must stay well-formed.
@Suite struct FuzzTests {
    static func value(_ r: inout SeededRandom) -> Double {
        switch Int(r.next() * 10) {
        case 0: return [.nan, .infinity, -.infinity, 0, 1e308, -1e-308][Int(r.next() * 6)]
        case 1: return (r.next() - 0.5) * 1e13
        case 2: return (r.next() - 0.5) * 1e-12
        default: return (r.next() - 0.5) * 10
        }
    }

    @Test func randomFiguresRenderSanely() {
        var r = SeededRandom(seed: 7)
        for round in 0..<150 {
            var axes = Axes(title: round % 3 == 0 ? "t" : "", xLabel: round % 2 == 0 ? "x" : "", yLabel: "y")
            for _ in 0..<(1 + Int(r.next() * 3)) {
                let n = Int(r.next() * 40)
                let xs = (0..<n).map { _ in Self.value(&r) }, ys = (0..<n).map { _ in Self.value(&r) }
                switch Int(r.next() * 7) {
                case 0: axes.add(.line(x: xs, y: ys, label: "l", marker: [.none, .circle, .cross][Int(r.next() * 3)]))
                case 1: axes.add(.scatter(x: xs, y: ys, marker: .triangle, label: "s"))
                case 2: axes.add(.quiver(x: xs, y: ys, u: ys, v: xs))
                case 3:
                    let k = 2 + Int(r.next() * 5)
                    let grid = Grid2D(x: (0..<k).map(Double.init), y: (0..<k).map { Double($0) * 2 },
                                      values: (0..<k).map { _ in (0..<k).map { _ in Self.value(&r) } })
                    axes.add(.contour(grid, filled: r.next() < 0.5))
                case 4: axes.add(.bars(categories: (0..<min(n, 5)).map(String.init), series: [BarSeries(label: "b", values: ys)]))
                case 5: axes.add(.hline(Self.value(&r))); axes.add(.vline(Self.value(&r)))
                default: axes.add(.text("<&>", x: Self.value(&r), y: Self.value(&r)))
                }
            }
            if r.next() < 0.3 { axes.xScale = .log }
            if r.next() < 0.3 { axes.yScale = .log }
            if r.next() < 0.3 { axes.yLimits = .fixed(Self.value(&r), Self.value(&r)) }
            if r.next() < 0.2 { axes.xLimits = .robust }
            if r.next() < 0.2 { axes.aspect = .equal }
            axes.grid = r.next() < 0.5
            axes.legend = [.best, .upperLeft, .lowerRight, .hidden][Int(r.next() * 4)]
            EdgeCaseTests.assertSane(Figure(width: 200 + r.next() * 600, height: 150 + r.next() * 400, axes: [axes]), "fuzz \(round)")
        }
    }
}

/// Side-by-side panels keep plot areas of one height when only one of them
/// notes clipped points (the note's room is reserved in the whole row).
@Test func panelsInARowKeepEqualHeightsWhenOneClips() {
    var clipped = Axes(xLabel: "x", yLabel: "y", marks: [.line(x: [0, 1, 2], y: [0, 1, 1e13])])
    clipped.yLimits = .fixed(0, 2)
    let plain = Axes(xLabel: "x", yLabel: "y", marks: [.line(x: [0, 1, 2], y: [0, 1, 2])])
    let svg = Figure(width: 600, height: 300, axes: [clipped, plain]).render()
    // The wide drawing (its narrow layout stacks the panels, each in its own row).
    let wide = svg.components(separatedBy: "<svg class=\"wbp-narrow\"")[0]
    let heights = wide.components(separatedBy: "<clipPath").dropFirst().compactMap { part -> String? in
        guard let range = part.range(of: "height=\"") else { return nil }
        return String(part[range.upperBound...].prefix { $0 != "\"" })
    }
    #expect(heights.count == 2)
    #expect(Set(heights).count == 1)
    #expect(svg.contains("clipped"))
}

/// Equal aspect with fixed y limits narrows the automatic x range during layout;
/// the clipping note it causes must still fall inside the picture.
@Test func clipNoteFromEqualAspectStaysInsideThePicture() throws {
    var axes = Axes(marks: [.line(x: [0, 10], y: [0, 1])])
    axes.aspect = .equal
    axes.yLimits = .fixed(0, 1)
    let svg = Figure(width: 300, height: 300, axes: [axes]).render()
    let note = try #require(svg.components(separatedBy: "class=\"wbp-tm wbp-note\"").dropFirst().first)
    let y = try #require(note.range(of: "y=\"").map { Double(note[$0.upperBound...].prefix { $0 != "\"" }) ?? 0 })
    #expect(y > 0 && y < 300)
}

/// A figure wider than a phone's column carries a narrow layout: its panels in
/// one column 380 px wide, drawn anew (text stays 11 px), shown by a page's
/// stylesheet on a small screen; a narrow figure has none.
@Test func wideFiguresCarryANarrowLayoutOfStackedPanels() throws {
    let axes = (0..<3).map { i in Axes(title: "panel \(i)", marks: [.line(x: [0, 1], y: [0, Double(i)])]) }
    let svg = Figure(width: 990, height: 330, axes: axes).render()
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"990\" height=\"330\" role=\"img\""))
    #expect(svg.contains("class=\"wbp-root wbp-responsive\""))
    #expect(svg.contains("<svg class=\"wbp-wide\" width=\"100%\" height=\"100%\" viewBox=\"0 0 990 330\">"))
    // Three 330 × 330 cells become three 380 × 330 ones (no taller than they were), one under the other.
    #expect(svg.contains("<svg class=\"wbp-narrow\" width=\"100%\" height=\"100%\" viewBox=\"0 0 380 990\">"))
    #expect(svg.contains("--wbp-aspect:990/330;--wbp-narrow-aspect:380/990;--wbp-narrow-min-width:311px"))
    #expect(svg.contains(".wbp-responsive{aspect-ratio:var(--wbp-aspect)}svg.wbp-narrow{display:none}"))
    let narrow = try #require(svg.components(separatedBy: "<svg class=\"wbp-narrow\"").last)
    for i in 0..<3 { #expect(narrow.contains(">panel \(i)</text>")) }
    #expect(narrow.contains("wbp-tick"))   // the same 11 px tick class, not scaled text
    // Clip paths of the two layouts do not share ids.
    let ids = svg.components(separatedBy: "<clipPath id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
    #expect(ids.count == 6 && Set(ids).count == 6)

    let small = Figure(width: 400, height: 300, axes: [axes[0]]).render()
    #expect(!small.contains("wbp-narrow\""))
    #expect(small.contains("viewBox=\"0 0 400 300\""))
    #expect(small.contains("class=\"wbp-root\" "))
}

/// In the narrow layout an image grid keeps images at least 78 px and as wide as
/// their labels (fewer columns, more rows), and a title wider than the panel wraps.
@Test func imageGridsInTheNarrowLayoutKeepLabelsApart() throws {
    let images = Array(repeating: [Double](repeating: 0.5, count: 4), count: 8)
    let grid = ImageGrid(images: images, width: 2, height: 2, labels: images.indices.map { "\($0 * 11111): T-shirt/top" }, columns: 8,
                         title: "The first 8 training images of fashion-mnist-sample")
    let svg = Figure(width: 720, height: 200, panels: [.images(grid)]).render()
    let narrow = try #require(svg.components(separatedBy: "<svg class=\"wbp-narrow\"").last)
    #expect(narrow.contains(">The first 8 training images of</text>"))
    #expect(narrow.contains(">fashion-mnist-sample</text>"))
    #expect(svg.contains(">The first 8 training images of fashion-mnist-sample</text>"))   // the wide one fits on a line
    // "77777: T-shirt/top" is about 100 px at 11 px: three columns of 112 px fit in 380.
    let xs = Set(narrow.components(separatedBy: "<image x=\"").dropFirst().map { $0.prefix { $0 != "\"" } })
    #expect(xs.count == 3)
}
