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
        Self.assertSane(Figure(panels: [.images(ImageGrid(images: [[], [.nan, 2, -1]], labels: ["<a>"]))]), "odd images")
        Self.assertSane(Figure(panels: [.wireframe(Wireframe(Grid2D(x: [0, 1], y: [0, 1], values: [[0, 0], [0, 0]])))]), "flat surface")
        Self.assertSane(Figure(panels: [.wireframe(Wireframe(Grid2D(x: [0], y: [], values: [])))]), "empty surface")
    }
}
