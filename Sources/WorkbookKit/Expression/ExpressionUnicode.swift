/// An expression written as plain-text mathematics for figure legends and
/// axis labels, where TeX cannot be typeset: `0.01*x^2 + 0.1*x` → `0.01x² + 0.1x`,
/// `-log(x)` → `−log x`, `x0^2 + x1^2` → `x₀² + x₁²`. Superscript and subscript
/// digits, the minus sign U+2212 and `·` between two numbers; an exponent with
/// no superscript form is written `^(…)`.
extension Expression {
    public var unicode: String { ExpressionUnicode.render(root) }
}

enum ExpressionUnicode {
    private typealias Level = ExpressionPrecedence

    private static func level(_ node: ExpressionNode) -> Level { Level(of: node) }

    static func render(_ node: ExpressionNode) -> String {
        switch node {
        case .number(_, let text): return number(text)
        case .constant(.pi): return "π"
        case .constant(.e): return "e"
        case .variable(_, let name): return variable(name)
        case .negate(let a):
            return "−" + wrap(a, unless: level(a) >= .product && !a.isNegation)
        case .call(let f, let a):
            return call(f, a)
        case .sum(let first, let rest):
            var text = render(first)
            for link in rest {
                let bare = link.op == .add ? !link.node.isNegation : level(link.node) > .sum && !link.node.isNegation
                text += (link.op == .add ? " + " : " − ") + wrap(link.node, unless: bare)
            }
            return text
        case .product(let first, let rest):
            var text = wrap(first, unless: level(first) >= .product)
            for link in rest {
                let right = wrap(link.node, unless: level(link.node) > .product && !link.node.isNegation)
                if link.op == .divide {
                    text += "/" + (level(link.node) == .atom && !link.node.isCall ? right : "(" + render(link.node) + ")")
                } else {
                    // Juxtapose like a textbook (0.01x², 2 log x), except where two numbers would merge.
                    text += (startsWithDigit(right) ? " · " : link.node.isCall ? " " : "") + right
                }
            }
            return text
        case .power(let a, let b):
            // `1e3^2` is (10³)², not 10³².
            let base = wrap(a, unless: level(a) == .atom && !a.isCall && !a.isScientificNumber)
            let exponent = render(b)
            if let raised = superscript(exponent) { return base + raised }
            return base + "^(" + exponent + ")"
        }
    }

    private static func wrap(_ node: ExpressionNode, unless bare: Bool) -> String {
        bare ? render(node) : "(" + render(node) + ")"
    }


    private static func startsWithDigit(_ s: String) -> Bool {
        s.first.map { $0.isNumber || $0 == "." } ?? false
    }

    /// `1e-4` → `1·10⁻⁴`; `.5` → `0.5`.
    private static func number(_ text: String) -> String {
        let text = text.hasPrefix(".") ? "0" + text : text
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        let mantissa = String(text[..<e])
        var exponent = String(text[text.index(after: e)...])
        if exponent.hasPrefix("+") { exponent.removeFirst() }
        let power = "10" + (superscript(exponent.replacingOccurrences(of: "-", with: "−")) ?? "^" + exponent)
        return mantissa == "1" ? power : mantissa + "·" + power
    }

    /// `x0` → `x₀`, `w12` → `w₁₂`; other names as they are.
    private static func variable(_ name: String) -> String {
        let letters = name.prefix { !$0.isNumber && $0 != "_" }
        var rest = Substring(name.dropFirst(letters.count))
        if rest.hasPrefix("_") { rest = rest.dropFirst() }
        guard !rest.isEmpty, let lowered = subscriptDigits(String(rest)) else { return name }
        return letters + lowered
    }

    /// `log x` for a bare argument, `log(x + 1)` otherwise; `√x`, `|x|`.
    private static func call(_ f: ExpressionFunction, _ argument: ExpressionNode) -> String {
        let inner = render(argument)
        let bare = level(argument) == .atom && !argument.isCall
        switch f {
        case .sqrt: return "√" + (bare ? inner : "(" + inner + ")")
        case .abs: return "|" + inner + "|"
        case .exp, .log, .sin, .cos, .tan, .tanh:
            return f.rawValue + (bare ? " " + inner : "(" + inner + ")")
        case .sigmoid: return "sigmoid(" + inner + ")"
        case .relu: return "ReLU(" + inner + ")"
        case .step: return "step(" + inner + ")"
        }
    }

    private static let raised: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "−": "⁻", "-": "⁻", "+": "⁺", "n": "ⁿ", "i": "ⁱ",
    ]

    /// The text in superscript characters, nil when one has no superscript form.
    private static func superscript(_ text: String) -> String? {
        var out = ""
        for c in text {
            guard let r = raised[c] else { return nil }
            out.append(r)
        }
        return out.isEmpty ? nil : out
    }

    private static func subscriptDigits(_ text: String) -> String? {
        var out = ""
        for c in text {
            guard let d = c.wholeNumberValue, c.isASCII else { return nil }
            out.append(Character(Unicode.Scalar(0x2080 + UInt32(d))!))
        }
        return out
    }
}
