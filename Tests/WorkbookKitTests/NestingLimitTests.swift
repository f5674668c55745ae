import Foundation
import Testing
@testable import WorkbookKit

// Nesting is a declared limit of the expression and TeX languages
// (docs/languages.md): past it a located error, never a stack overflow; long
// flat input (a sum of many terms) costs no stack at all.

private func expressionError(_ text: String) -> LanguageError? {
    do {
        _ = try WorkbookKit.Expression.parse(text, variables: ["x"])
        return nil
    } catch {
        return error
    }
}

private func texError(_ tex: String) -> LanguageError? {
    do {
        _ = try MathML.render(tex, display: true)
        return nil
    } catch {
        return error
    }
}

/// Runs `body` on a thread with a quarter of the usual 8 MiB stack, so a
/// recursion per term, or levels that need more than that (debug frames of
/// the TeX parser take about 17 KiB a level), fail here.
func onSmallStack(_ body: @escaping @Sendable () -> Void) {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        body()
        done.signal()
    }
    thread.stackSize = 2 << 20
    thread.start()
    done.wait()
}

@Test func expressionNestingUpToTheLimitParses() throws {
    let n = ExpressionParser.maximumNesting
    let nested = String(repeating: "(", count: n) + "x" + String(repeating: ")", count: n)
    let e = try WorkbookKit.Expression.parse(nested, variables: ["x"])
    #expect(e.evaluate(x: 3) == 3)
    #expect(try WorkbookKit.Expression.parse(String(repeating: "-", count: n) + "x", variables: ["x"]).evaluate(x: 2) == 2)
}

@Test func expressionNestingPastTheLimitIsAnErrorAtTheOpeningToken() {
    let n = ExpressionParser.maximumNesting
    for opener in ["(", "-", "+", "sqrt(", "exp(-"] {
        let text = String(repeating: opener, count: 9_100) + "x"
        let e = expressionError(text)
        #expect(e?.message == "expression nests more than \(n) levels deep", "\(opener)")
    }
    let parens = expressionError(String(repeating: "(", count: 9_100) + "x")
    #expect(parens?.column == n + 1)
    #expect(expressionError(String(repeating: "-", count: 52_000) + "x")?.column == n + 1)
    #expect(expressionError("2" + String(repeating: "^2", count: 5_000))?.column == 2 + 2 * n)
}

@Test func longFlatSumsAndProductsDoNotRecurse() {
    onSmallStack {
        let terms = 100_000
        let sum = Array(repeating: "x", count: terms).joined(separator: "+")
        let product = Array(repeating: "x", count: terms).joined(separator: "*")
        let mixed = Array(repeating: "x/2", count: terms).joined(separator: "-")
        let s = try? WorkbookKit.Expression.parse(sum, variables: ["x"])
        #expect(s?.evaluate(x: 1) == Double(terms))
        #expect(s?.tex.count ?? 0 > terms)
        #expect((try? WorkbookKit.Expression.parse(product, variables: ["x"]))?.evaluate(x: 1) == 1)
        #expect((try? WorkbookKit.Expression.parse(mixed, variables: ["x"]))?.evaluate(x: 2) == 1 - Double(terms - 1))
    }
}

@Test func expressionTeXAtTheNestingLimitStaysWithinTeXsLimit() throws {
    let n = ExpressionParser.maximumNesting
    // (opening text, closing text, nesting levels each repetition takes)
    let shapes: [(String, String, Int)] = [
        ("(", ")", 1), ("-(", ")", 2), ("sqrt(", ")", 1), ("abs(", ")", 1), ("exp(", ")", 1), ("2^(", ")", 2),
        ("(x+1)*(", ")", 1), ("1/(", ")", 1), ("-sqrt(-", ")", 3), ("x^-", "", 2), ("(-x)^(", ")", 2),
    ]
    for (open, close, levels) in shapes {
        let count = n / levels
        let text = String(repeating: open, count: count) + "x" + String(repeating: close, count: count)
        let e = try WorkbookKit.Expression.parse(text, variables: ["x"])
        #expect(throws: Never.self, "\(open)") { try MathML.render(e.tex, display: true) }
    }
}

@Test func texNestingPastTheLimitIsAnErrorAtTheOpeningConstruct() {
    let n = TeXParser.maximumNesting
    #expect(texError(String(repeating: "{", count: n - 1) + "x" + String(repeating: "}", count: n - 1)) == nil)
    onSmallStack {
        for (opener, count) in [("{", 8_450), ("\\sqrt{", 3_600), ("\\left(", 4_600), ("x^{", 5_000),
                                ("\\frac", 5_000), ("\\displaystyle", 5_000), ("\\begin{matrix}", 3_000), ("\\sqrt[", 3_000)] {
            let e = texError(String(repeating: opener, count: count) + "x")
            #expect(e?.message == "TeX nests more than \(n) levels deep", "\(opener)")
        }
    }
    let braces = texError(String(repeating: "{", count: 8_450) + "x")
    #expect(braces?.column == n)  // the first '{' is level 2 (the whole formula is level 1)
}
