/// The variable names of the two-variable functions of chapter 4.
enum CalculusVariables {
    static let two = ["x0", "x1"]
}

/// Parameters declared the same way by several calculus directives.
enum CalculusParameters {
    /// `f` of x0 and x1 (`partial`, `gradient`, `gradient-field`, `surface`).
    static let functionOfTwo = Parameter<Expression>(.expression(variables: CalculusVariables.two), doc: "the function of x0 and x1, e.g. x0^2 + x1^2")
    /// `h` of the central difference (`tangent`, `partial`, `gradient`, `gradient-field`).
    static let centralStep = Parameter<Double>(.number(.positive), default: "1e-4", doc: "the step of the central difference (the book uses 1e-4)")
}

/// The limits and costs shared by the calculus directives.
enum CalculusLimits {
    /// Points one cell may evaluate at (`at:` lists): each becomes a line of the table.
    static let maximumPoints = 100
    /// One evaluation of an expression by the debug build's evaluator, rounded up
    /// for the shared machine (measured: about 3e-7 s for x0^2 + x1^2).
    static let secondsPerEvaluation = 1e-6
}
