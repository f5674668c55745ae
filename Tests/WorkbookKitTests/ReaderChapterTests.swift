import Foundation
import Testing
@testable import WorkbookKit

/// A chapter a reader might write from the README and `workbook directives`
/// alone — other functions and other numbers than the shipped workbook —
/// built through the whole pipeline; every value is checked against an
/// independent computation (calculus done by hand), with a stated tolerance.
private let readerChapter = """
---
title: My own experiments
summary: Functions the book does not use.
---

# Derivatives of other functions

The slope of $\\sin x$ at 0 is $\\cos 0 = 1$, and of $e^{x}$ at 1 it is $e$.

```run derivative
f: sin(x)
at: [0, 1.5]
label: d-sin
```

```run derivative
f: exp(x)
at: 1
method: forward
h: 1e-6
label: d-exp
```

```run partial
f: x0*x1 + 3*x1^2
at: [2.0, -1.0]
label: p-mixed
```

```run descent
f: (x0 - 1)^2 + 2*(x1 + 2)^2
start: [4, 4]
lr: 0.1
steps: 200
label: walk
```

```run loss
y: [0.7, 0.2, 0.1]
t: 0
label: three-classes
```

```run tangent
f: x^3
at: [1]
x: [-2, 2]
label: cubic
```
"""

/// The cell's values by their machine keys (`at[0].derivative`).
private func values(in record: [String: Any], label: String) throws -> [String: Double] {
    let cells = try #require(record["cells"] as? [[String: Any]])
    let cell = try #require(cells.first { $0["label"] as? String == label })
    #expect(cell["status"] as? String == "ran", "cell \(label) did not run: \(cell["error"] ?? "")")
    let values = try #require(cell["values"] as? [String: [String: Any]])
    return values.compactMapValues { $0["value"] as? Double }
}

@Test func aReadersOwnChapterGivesCorrectResults() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let chapters = root.appendingPathComponent("chapters")
    try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
    try readerChapter.write(to: chapters.appendingPathComponent("01-mine.md"), atomically: true, encoding: .utf8)
    var options = BuildOptions()
    options.chapters = chapters.path
    options.output = root.appendingPathComponent("output").path
    let report = try WorkbookBuilder(options: options, log: .silent).build()
    #expect(report.succeeded)
    #expect(report.ran == 6)

    let data = try Data(contentsOf: root.appendingPathComponent("output/01-mine.json"))
    let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])

    // Central difference error is O(h²) = 1e-8 times f''' — tolerance 1e-7.
    let sin = try values(in: record, label: "d-sin")
    #expect(abs(sin["at[0].derivative"]! - 1) < 1e-7)
    #expect(abs(sin["at[1].derivative"]! - cos(1.5)) < 1e-7)
    // Forward difference error is O(h) = 1e-6 times e/2 — tolerance 1e-5.
    let exp = try values(in: record, label: "d-exp")
    #expect(abs(exp["at[0].derivative"]! - M_E) < 1e-5)
    // ∂/∂x0 (x0 x1 + 3 x1²) = x1 = -1; ∂/∂x1 = x0 + 6 x1 = -4. Polynomials of degree 2: exact up to rounding, 1e-6.
    let partial = try values(in: record, label: "p-mixed")
    let d0 = try #require(partial["df_dx0"])
    let d1 = try #require(partial["df_dx1"])
    #expect(abs(d0 - -1) < 1e-6)
    #expect(abs(d1 - -4) < 1e-6)
    // Gradient descent converges to the minimum (1, -2): each step shrinks the distance by 0.8 and 0.6; 1e-6.
    let walk = try values(in: record, label: "walk")
    #expect(abs(walk["lr[0].end_x0"]! - 1) < 1e-6)
    #expect(abs(walk["lr[0].end_x1"]! - -2) < 1e-6)
    // Losses by hand: ½((0.7−1)² + 0.2² + 0.1²) = 0.07; −log(0.7 + 1e-7). Tolerance 1e-12.
    let loss = try values(in: record, label: "three-classes")
    #expect(abs(loss["y[0].sum_of_squares"]! - 0.07) < 1e-12)
    #expect(abs(loss["y[0].cross_entropy"]! - -Foundation.log(0.7 + 1e-7)) < 1e-12)
    // Tangent of x³ at 1: slope 3, intercept 1 − 3 = −2; central difference error h² = 1e-8.
    let cubic = try values(in: record, label: "cubic")
    #expect(abs(cubic["at[0].slope"]! - 3) < 1e-7)
    #expect(abs(cubic["at[0].intercept"]! - -2) < 1e-7)

    // The page has the reader's math, figures and no error.
    let page = try String(contentsOf: root.appendingPathComponent("output/01-mine.html"), encoding: .utf8)
    #expect(page.contains("<math"))
    #expect(page.contains("<svg"))
    #expect(!page.contains("cell-error"))
}
