import Testing
@testable import WorkbookKit

// Code spans close at the next run of exactly as many backticks (CommonMark);
// math inside a code span is text, outside it is math.

@Test(arguments: [
    ("`$x$` and $y$", ["y"]),
    ("`` `$x$` `` and $y$", ["y"]),
    ("``$x$` and $y$", ["x", "y"]),          // `` never closes: both are math
    ("` `` $x$ `` ` and $y$", ["y"]),        // the inner `` is text of the span
    ("`a` $x$ `b`", ["x"]),
])
func mathOutsideCodeSpansOnly(prose: String, tex: [String]) {
    #expect(MathProtector.protect(prose, file: "c.md").math.map(\.tex) == tex, "\(prose)")
}

/// Runs 1, 2, …, 800 backticks long, none closed: each opener used to search the
/// rest of the paragraph (n^1.5 in its length; 320 KB took 31 s). The math after
/// them is still found, and every backtick is kept.
@Test func manyUnmatchedBacktickRunsLeaveTheMathAfterThem() {
    let runs = (1...800).map { String(repeating: "`", count: $0) }.joined(separator: " ")
    let result = MathProtector.protect(runs + " $z$", file: "c.md")
    #expect(result.math.map(\.tex) == ["z"])
    #expect(result.text.filter { $0 == "`" }.count == 800 * 801 / 2)
}
