import DeepLearning

extension Directive {
    /// Section 4.4: the gradient (勾配) of a function of x0 and x1 at one or more
    /// points, by the book's `numerical_gradient`.
    public static let gradient = Directive(
        name: "gradient",
        summary: "the gradient (勾配) ∇f = (∂f/∂x0, ∂f/∂x1) of a function of two variables at one or more points",
        parameters: [
            CalculusParameters.functionOfTwo,
            ParameterSpec("at", .points(dimension: 2), doc: "a point [x0, x1] or a list of points"),
            CalculusParameters.centralStep,
        ],
        example: """
            f: x0^2 + x1^2
            at: [[3, 4], [0, 2], [3, 0]]
            caption: The gradient of x0² + x1² at three points
            """,
        run: { arguments, _ in
            let f = arguments.expression("f")
            let h = arguments.number("h")
            var outputs: [CellOutput] = []
            var rows: [[TableCell]] = []
            var notes: [String] = []
            for p in arguments.points("at") {
                let g = numericalGradient(of: { f.evaluate($0) }, at: p, h: h)
                let at = CalculusText.point(p)
                outputs.append(.numbers(name: "∇f\(at)", values: g))
                rows.append([.text(at)] + g.map(TableCell.number))
                if !g.allSatisfy(\.isFinite) {
                    notes.append("The gradient at \(at) is not finite: f is not finite near this point.")
                }
            }
            outputs.append(.table(OutputTable(name: "gradients", columns: ["(x0, x1)", "∂f/∂x0", "∂f/∂x1"], rows: rows)))
            return outputs + notes.map(CellOutput.note)
        }
    )
}
