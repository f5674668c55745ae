import Foundation
import Testing
import WorkbookKit

/// Values are compared with a relative tolerance of 1e-12 (Double) unless
/// the test says otherwise; most results here are exact anyway.
private func value(_ text: String, _ variables: [String] = ["x"], _ values: [Double] = [0]) throws -> Double {
    try WorkbookKit.Expression.parse(text, variables: variables).evaluate(values)
}

private func close(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    a == b || abs(a - b) <= tolerance * max(1, abs(b))
}

@Test(arguments: [
    // Precedence table, loosest first: + -  <  * /  <  unary -  <  ^
    ("1 + 2 * 3", 7.0),
    ("1 - 2 - 3", -4.0),        // left-associative
    ("8 / 4 / 2", 1.0),         // left-associative
    ("2 * 3 / 4", 1.5),
    ("-2^2", -4.0),             // -(2^2)
    ("(-2)^2", 4.0),
    ("2^3^2", 512.0),           // right-associative: 2^(3^2)
    ("(2^3)^2", 64.0),
    ("2^-1", 0.5),
    ("2^-1^2", 0.5),            // 2^(-(1^2))
    ("-3 * -2", 6.0),
    ("--3", 3.0),
    ("+3", 3.0),
    ("2 * 3^2", 18.0),
    ("10 - 2^2 * 2", 2.0),
    ("1e-4", 1e-4),
    ("1E+2", 100.0),
    (".5", 0.5),
    ("10", 10.0),
    ("2.5e1", 25.0),
    ("pi", Double.pi),
    ("e", M_E),
    ("((((1))))", 1.0),
])
func precedenceAndAssociativity(text: String, expected: Double) throws {
    #expect(close(try value(text), expected), "\(text)")
}

@Test(arguments: [
    ("exp(1)", M_E),
    ("log(e)", 1.0),
    ("sqrt(16)", 4.0),
    ("sin(pi/2)", 1.0),
    ("cos(0)", 1.0),
    ("tan(pi/4)", 1.0),
    ("tanh(0.5)", tanh(0.5)),
    ("abs(-3)", 3.0),
    ("sigmoid(0)", 0.5),
    ("sigmoid(2)", 1 / (1 + exp(-2.0))),
    ("relu(-2)", 0.0),
    ("relu(2)", 2.0),
    ("step(0)", 0.0),           // step is x > 0 ? 1 : 0
    ("step(1e-9)", 1.0),
    ("step(-1)", 0.0),
])
func everyFunction(text: String, expected: Double) throws {
    #expect(close(try value(text), expected, tolerance: 1e-15), "\(text)")
}

@Test func bookFunctions() throws {
    let f1 = try WorkbookKit.Expression.parse("0.01*x^2 + 0.1*x", variables: ["x"])
    #expect(close(f1.evaluate(x: 5), 0.75))
    #expect(close(f1.evaluate(x: 10), 2.0))

    let f2 = try WorkbookKit.Expression.parse("x0^2 + x1^2", variables: ["x0", "x1"])
    #expect(f2.evaluate([3, 4]) == 25)
    #expect(f2.usedVariables == ["x0", "x1"])

    let entropy = try WorkbookKit.Expression.parse("-log(y)", variables: ["y"])
    #expect(close(entropy.evaluate([0.6]), 0.5108256237659907))
}

@Test func variablesAreEvaluatedInTheirDeclaredOrder() throws {
    let f = try WorkbookKit.Expression.parse("x1 - x0", variables: ["x0", "x1"])
    #expect(f.evaluate([1, 10]) == 9)
    #expect(f.variables == ["x0", "x1"])
}

@Test func usedVariablesIsTheSubsetThatOccurs() throws {
    let f = try WorkbookKit.Expression.parse("3*x1", variables: ["x0", "x1"])
    #expect(f.usedVariables == ["x1"])
    #expect(try WorkbookKit.Expression.parse("2", variables: ["x"]).usedVariables.isEmpty)
}

@Test func aVariableNamedLikeAConstantWins() throws {
    let f = try WorkbookKit.Expression.parse("e + 1", variables: ["e"])
    #expect(f.evaluate([10]) == 11)
}

@Test func textIsKeptVerbatim() throws {
    let f = try WorkbookKit.Expression.parse(" x^2 ", variables: ["x"])
    #expect(f.text == " x^2 ")
    #expect(f.description == " x^2 ")
}

@Test func equalityIsTextAndVariables() throws {
    let a = try WorkbookKit.Expression.parse("x^2", variables: ["x"])
    let b = try WorkbookKit.Expression.parse("x^2", variables: ["x"])
    let c = try WorkbookKit.Expression.parse("x^2", variables: ["x", "y"])
    #expect(a == b)
    #expect(a != c)
}

@Test func floatEvaluationRoundsLikeFloat32() throws {
    // The book: np.float32(1e-50) is 0.0, so the numeric derivative with a
    // tiny h fails in float32. The same expression must show that.
    let tiny = try WorkbookKit.Expression.parse("1e-50", variables: [])
    #expect(tiny.evaluateFloat([]) == 0)
    #expect(tiny.evaluate([]) == 1e-50)

    let f = try WorkbookKit.Expression.parse("0.01*x^2 + 0.1*x", variables: ["x"])
    let single = f.evaluateFloat([5])
    // Float has ~7 significant digits: tolerance 1e-6 relative.
    #expect(abs(Double(single) - 0.75) <= 1e-6)
    // (x + h) - x with h = 1e-4 in Float is not exactly 1e-4.
    let difference = try WorkbookKit.Expression.parse("(x + 1e-4) - x", variables: ["x"])
    #expect(difference.evaluateFloat([5]) != Float(1e-4))
    #expect(abs(difference.evaluateFloat([5]) - Float(1e-4)) < 1e-6)
}

@Test func floatEvaluationCoversFunctions() throws {
    let f = try WorkbookKit.Expression.parse("sigmoid(x) + exp(x) + log(x) + tanh(x) + sqrt(x) + sin(x) + cos(x) + tan(x) + abs(x) + relu(x) + step(x) + x^2",
                                             variables: ["x"])
    let x = 0.7
    let expected = 1 / (1 + exp(-x)) + exp(x) + log(x) + tanh(x) + sqrt(x) + sin(x) + cos(x) + tan(x) + x + x + 1 + x * x
    #expect(abs(Double(f.evaluateFloat([Float(x)])) - expected) <= 1e-5 * expected) // Float: 1e-5 relative
    #expect(close(f.evaluate(x: x), expected))
}

@Test func deepNestingEvaluates() throws {
    // As deep as the language allows (docs/languages.md: 32 levels).
    let text = String(repeating: "(1 + ", count: 32) + "x" + String(repeating: ")", count: 32)
    let f = try WorkbookKit.Expression.parse(text, variables: ["x"])
    #expect(f.evaluate(x: 1) == 33)
    let chain = Array(repeating: "x", count: 40).joined(separator: " * ")
    #expect(try WorkbookKit.Expression.parse(chain, variables: ["x"]).evaluate(x: 1.0) == 1)
}
