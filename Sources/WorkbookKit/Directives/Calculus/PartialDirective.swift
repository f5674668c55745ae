import DeepLearning

extension Directive {
    /// Section 4.3.3: the partial derivatives (偏微分) of a function of x0 and x1 at
    /// one point, each taken as the book does — a one-variable function with the
    /// other variable fixed, differentiated by the central difference.
    public static let partial = Directive(
        name: "partial",
        summary: "partial derivatives (偏微分) ∂f/∂x0 and ∂f/∂x1 of a function of two variables at a point",
        parameters: [
            CalculusParameters.functionOfTwo,
            ParameterSpec("at", .point(dimension: 2), doc: "the point [x0, x1]"),
            CalculusParameters.centralStep,
        ],
        example: """
            f: x0^2 + x1^2
            at: [3, 4]
            caption: The partial derivatives of x0² + x1² at (3, 4)
            """,
        run: { arguments, _ in
            let f = arguments.expression("f")
            let p = arguments.points("at")[0]
            let h = arguments.number("h")
            // The book's function_tmp1 (x1 fixed) and function_tmp2 (x0 fixed).
            let d0 = numericalDerivative(of: { f.evaluate([$0, p[1]]) }, at: p[0], h: h)
            let d1 = numericalDerivative(of: { f.evaluate([p[0], $0]) }, at: p[1], h: h)
            let at = CalculusText.point(p)
            var outputs: [CellOutput] = [
                .value(name: "∂f/∂x0 at \(at)", value: d0),
                .value(name: "∂f/∂x1 at \(at)", value: d1),
            ]
            for (name, d) in [("∂f/∂x0", d0), ("∂f/∂x1", d1)] where !d.isFinite {
                outputs.append(.note("\(name) at \(at) is \(formatNumber(d)): f is not finite near this point."))
            }
            return outputs
        }
    )
}
