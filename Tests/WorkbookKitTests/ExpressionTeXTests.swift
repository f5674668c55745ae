import Testing
import WorkbookKit

@Test(arguments: [
    ("0.01*x^2 + 0.1*x", "0.01 x^{2} + 0.1 x"),
    ("x0^2 + x1^2", "x_{0}^{2} + x_{1}^{2}"),
    ("-log(y)", "-\\log\\left(y\\right)"),
    ("sigmoid(x)", "\\mathrm{sigmoid}\\left(x\\right)"),
    ("-x^2", "-x^{2}"),
    ("(-x)^2", "\\left(-x\\right)^{2}"),
    ("(x + 1)^2", "\\left(x + 1\\right)^{2}"),
    ("2^3^2", "2^{3^{2}}"),
    ("(2^3)^2", "\\left(2^{3}\\right)^{2}"),
    ("x - (x - 1)", "x - \\left(x - 1\\right)"),
    ("x - -1", "x - \\left(-1\\right)"),
    ("(x + 1) * (x - 1)", "\\left(x + 1\\right) \\left(x - 1\\right)"),
    ("2 * 3", "2 \\cdot 3"),
    ("x / 2", "\\frac{x}{2}"),
    ("1e-4", "10^{-4}"),
    ("2.5e3", "2.5 \\times 10^{3}"),
    // Found by the expression fuzzer: `10^{3}^{2}` is a double superscript and did not render.
    ("1e3^2", "\\left(10^{3}\\right)^{2}"),
    ("2e-1^x", "\\left(2 \\times 10^{-1}\\right)^{x}"),
    (".5 * pi", "0.5 \\pi"),
    ("sqrt(x) + abs(x)", "\\sqrt{x} + \\left|x\\right|"),
    ("exp(x)^2", "\\left(\\exp\\left(x\\right)\\right)^{2}"),
])
func texRendering(text: String, tex: String) throws {
    let variables = text.contains("x0") ? ["x0", "x1"] : text.contains("y") ? ["y"] : ["x"]
    #expect(try WorkbookKit.Expression.parse(text, variables: variables).tex == tex)
}

@Test func texOfEveryFunctionRendersAsMathML() throws {
    let texts = ["exp(x) + log(x) + sqrt(x) + sin(x) + cos(x) + tan(x) + tanh(x) + abs(x)",
                 "sigmoid(x) * relu(x) - step(x) / 2^-x", "-(1e-4 + .5)^2^x", "pi * e"]
    for text in texts {
        let tex = try WorkbookKit.Expression.parse(text, variables: ["x"]).tex
        let mathml = try MathML.render(tex, display: false)
        #expect(mathml.hasPrefix("<math"), "\(text)")
    }
}
