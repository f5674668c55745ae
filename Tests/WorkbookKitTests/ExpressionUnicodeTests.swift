import Testing
import WorkbookKit

/// Legends and axis labels write an expression as plain-text mathematics.
@Test(arguments: [
    ("0.01*x^2 + 0.1*x", "0.01x² + 0.1x"),
    ("x0^2 + x1^2", "x₀² + x₁²"),
    ("-log(y)", "−log y"),
    ("-log(x + 1)", "−log(x + 1)"),
    ("sigmoid(x)", "sigmoid(x)"),
    ("-x^2", "−x²"),
    ("(-x)^2", "(−x)²"),
    ("(x + 1)^2", "(x + 1)²"),
    ("x^-1", "x⁻¹"),
    ("x^0.5", "x^(0.5)"),
    ("1e3^2", "(10³)²"),  // not 10³², which reads as 10 to the 32
    ("x - (x - 1)", "x − (x − 1)"),
    ("x - -1", "x − (−1)"),
    ("2 * 3", "2 · 3"),
    ("2 * log(x)", "2 log x"),
    ("x / 2", "x/2"),
    ("x / (1 + x)", "x/(1 + x)"),
    ("1e-4", "10⁻⁴"),
    ("2.5e3", "2.5·10³"),
    (".5 * pi", "0.5π"),
    ("sqrt(x) + abs(x)", "√x + |x|"),
    ("exp(x)^2", "(exp x)²"),
])
func unicodeRendering(text: String, unicode: String) throws {
    let variables = text.contains("x0") ? ["x0", "x1"] : text.contains("y") ? ["y"] : ["x"]
    #expect(try WorkbookKit.Expression.parse(text, variables: variables).unicode == unicode)
}
