import DeepLearning
import Foundation

/// Section 4.3.1: the numerical derivative (数値微分) of a function of x at one
/// or more points, by central or forward difference, in double or single precision.
enum DerivativeDirective: DirectiveDefinition {
    static let name = "derivative"
    static let summary = "numerical derivative (数値微分) of a function of x at one or more points"
    static let example = """
        f: 0.01*x^2 + 0.1*x
        at: [5, 10]
        h: 1e-4
        method: central
        caption: The slope of 0.01x² + 0.1x at 5 and 10 (exactly 0.2 and 0.3)
        """

    struct Parameters: DirectiveParameters {
        @Parameter(.expression(variables: ["x"]), doc: "the function of x to differentiate, e.g. 0.01*x^2 + 0.1*x")
        var f: Expression
        @Parameter(.numbers(.any), limits: .atMost(CalculusLimits.maximumPoints), doc: "where to take the derivative: a number or a list of numbers")
        var at: [Double]
        @Parameter(.number(.positive), default: "1e-4", doc: "the step of the difference quotient (the book uses 1e-4)")
        var h: Double
        @Parameter(.choice(Method.allNames), default: "central",
                   doc: "central (f(x+h) − f(x−h)) / 2h (中心差分) or forward (f(x+h) − f(x)) / h (前方差分)")
        var method: Method
        @Parameter(.choice(Precision.allNames), default: "double",
                   doc: "compute in double (float64) or float (float32, to show rounding error 丸め誤差)")
        var precision: Precision
    }

    enum Method: String, ChoiceParameter {
        case central, forward
    }

    enum Precision: String, ChoiceParameter {
        case double, float
    }

    static func estimate(_ p: Parameters, common: CommonParameters) -> Double {
        Double(p.at.count) * CalculusLimits.secondsPerEvaluation * 3
    }

    static func run(_ p: Parameters, context: RunContext) throws -> [CellOutput] {
        let f = p.f
        let h = p.h
        let method: DifferenceMethod = p.method == .forward ? .forward : .central
        let single = p.precision == .float
        var outputs: [CellOutput] = []
        var rows: [[TableCell]] = []
        var notes: [String] = []
        for (i, x) in p.at.enumerated() {
            let name = "f'(\(CalculusText.label(x)))"
            let key = "at[\(i)].derivative"
            if single {
                let hf = Float(h), xf = Float(x)
                let d = numericalDerivativeFloat(of: { f.evaluateFloat([$0]) }, at: xf, h: hf, method: method)
                outputs.append(.value(key: key, name: name, value: Double(d), text: CalculusText.float(d)))
                rows.append([.text(CalculusText.float(xf)), .text(CalculusText.float(f.evaluateFloat([xf]))), .text(CalculusText.float(d))])
                if hf == 0 {
                    notes.append("h = \(formatNumber(h)) is 0 in float32 (the smallest positive float32 is about 1.4e-45), so the difference quotient at x = \(CalculusText.label(x)) is 0/0 = \(CalculusText.float(d)). This is the rounding error (丸め誤差) the book warns about: np.float32(1e-50) prints 0.0.")
                } else if xf + hf == xf && xf - hf == xf {
                    notes.append("At x = \(CalculusText.label(x)), x ± h rounds back to x in float32 (h = \(CalculusText.float(hf)) is too small), so the difference is 0 and the derivative comes out as \(CalculusText.float(d)) — rounding error (丸め誤差), not the slope.")
                }
            } else {
                let d = numericalDerivative(of: { f.evaluate(x: $0) }, at: x, h: h, method: method)
                outputs.append(.value(key: key, name: name, value: d))
                rows.append([.number(x), .number(f.evaluate(x: x)), .number(d)])
                if x + h == x && x - h == x {
                    notes.append("At x = \(CalculusText.label(x)), x ± h rounds back to x in double precision (h = \(formatNumber(h)) is too small), so the difference is 0 and the derivative comes out as \(formatNumber(d)) — rounding error (丸め誤差), not the slope.")
                }
            }
        }
        let label = (method == .central ? "central difference" : "forward difference") + (single ? ", float32" : "")
        outputs.append(.table(OutputTable(name: "derivatives", columns: ["x", "f(x)", "f'(x) (\(label), h = \(formatNumber(h)))"], rows: rows)))
        return outputs + notes.map(CellOutput.note)
    }
}

/// How the calculus directives spell numbers in names, notes and axis labels.
enum CalculusText {
    /// A float32 value as its shortest round-trip text (0.2, not 0.20000000298023224).
    static func float(_ value: Float) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return "\(value)"
    }

    /// Two significant digits for a note: 2.6e13, 0.0081, 25.
    static func approx(_ value: Double) -> String {
        if !value.isFinite { return formatNumber(value) }
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude >= 1e5 || magnitude < 1e-3) {
            var text = String(format: "%.2g", value)  // 2.6e+13
            text = text.replacingOccurrences(of: "e+", with: "e")
            text = text.replacingOccurrences(of: "e0", with: "e").replacingOccurrences(of: "e-0", with: "e-")
            return text
        }
        let decimals = magnitude == 0 ? 0 : max(0, 1 - Int(log10(magnitude).rounded(.down)))
        return String(format: "%.*f", decimals, value)
    }

    /// A number as the reader wrote it in a name: full precision, but 5 rather than 5.0
    /// (the rule parameter bounds already use).
    static func label(_ value: Double) -> String {
        NumberBounds.text(value)
    }

    /// A point as (a, b) with full precision: (3, 4), (-3, 0.5).
    static func point(_ p: [Double]) -> String {
        "(" + p.map(label).joined(separator: ", ") + ")"
    }
}
