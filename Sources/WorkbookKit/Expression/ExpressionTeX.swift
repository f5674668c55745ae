/// TeX for an expression, so a chapter can show the formula it runs,
/// e.g. `0.01*x^2 + 0.1*x` → `0.01 x^{2} + 0.1 x`. The output only uses
/// commands that `MathML.render` supports.
extension Expression {
    public var tex: String { ExpressionTeX.render(root) }
}

enum ExpressionTeX {
    private typealias Level = ExpressionPrecedence

    /// As `ExpressionPrecedence`, except that a fraction is an atom: `\frac{}{}` is self-delimiting.
    private static func level(_ node: ExpressionNode) -> Level {
        isFraction(node) ? .atom : Level(of: node)
    }

    static func render(_ node: ExpressionNode) -> String {
        switch node {
        case .number(_, let text): return number(text)
        case .constant(.pi): return "\\pi"
        case .constant(.e): return "e"
        case .variable(_, let name): return variable(name)
        case .negate(let a):
            return "-" + wrap(a, unless: level(a) >= .unary && !a.isNegation)
        case .call(let f, let a):
            return call(f, render(a))
        case .sum(let first, let rest):
            var text = render(first)
            for link in rest {
                if link.op == .add {
                    text += " + " + wrap(link.node, unless: !link.node.isNegation)
                } else {
                    text += " - " + wrap(link.node, unless: level(link.node) > .sum && !link.node.isNegation)
                }
            }
            return text
        case .product(let first, let rest):
            // Left to right, as evaluated: `a/b*c` is (a/b)·c, `a*b/c` is (a·b)/c.
            var text = render(first)
            var left = level(first)
            for link in rest {
                if link.op == .divide {
                    text = "\\frac{" + text + "}{" + render(link.node) + "}"
                    left = .atom
                } else {
                    let right = wrap(link.node, unless: level(link.node) > .product && !link.node.isNegation)
                    if left < .product { text = "\\left(" + text + "\\right)" }
                    // Juxtapose like a textbook, except where two numbers would merge.
                    text += (startsWithDigit(right) ? " \\cdot " : " ") + right
                    left = .product
                }
            }
            return text
        case .power(let a, let b):
            // `1e3^2`: the base's TeX is itself a power (`10^{3}`), and two superscripts in a row do not render.
            let base = wrap(a, unless: level(a) == .atom && !a.isCall && !isFraction(a) && !a.isScientificNumber)
            return base + "^{" + render(b) + "}"
        }
    }

    private static func wrap(_ node: ExpressionNode, unless bare: Bool) -> String {
        bare ? render(node) : "\\left(" + render(node) + "\\right)"
    }


    private static func isFraction(_ node: ExpressionNode) -> Bool {
        if case .product(_, let rest) = node { return rest.last?.op == .divide }
        return false
    }

    private static func startsWithDigit(_ s: String) -> Bool {
        s.first.map { $0.isNumber || $0 == "." } ?? false
    }

    /// `1e-4` → `1 \times 10^{-4}`; `.5` → `0.5`.
    private static func number(_ text: String) -> String {
        var text = text.hasPrefix(".") ? "0" + text : text
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let mantissa = String(text[..<e])
            var exponent = String(text[text.index(after: e)...])
            if exponent.hasPrefix("+") { exponent.removeFirst() }
            text = (mantissa == "1" ? "" : mantissa + " \\times ") + "10^{" + exponent + "}"
        }
        return text
    }

    /// `x0` → `x_{0}`, `w12` → `w_{12}`; longer names are set upright.
    private static func variable(_ name: String) -> String {
        let letters = name.prefix { !$0.isNumber && $0 != "_" }
        var rest = name.dropFirst(letters.count)
        if rest.hasPrefix("_") { rest = rest.dropFirst() }
        let head = letters.count == 1 ? String(letters) : "\\mathrm{" + letters + "}"
        return rest.isEmpty ? head : head + "_{" + rest + "}"
    }

    private static func call(_ f: ExpressionFunction, _ argument: String) -> String {
        switch f {
        case .sqrt: return "\\sqrt{" + argument + "}"
        case .abs: return "\\left|" + argument + "\\right|"
        case .exp, .log, .sin, .cos, .tan, .tanh:
            return "\\" + f.rawValue + "\\left(" + argument + "\\right)"
        case .sigmoid: return "\\mathrm{sigmoid}\\left(" + argument + "\\right)"
        case .relu: return "\\mathrm{ReLU}\\left(" + argument + "\\right)"
        case .step: return "\\mathrm{step}\\left(" + argument + "\\right)"
        }
    }
}
