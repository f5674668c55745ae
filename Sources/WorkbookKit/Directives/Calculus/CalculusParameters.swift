/// The variable names of the two-variable functions of chapter 4.
enum CalculusVariables {
    static let two = ["x0", "x1"]
}

/// Parameters declared the same way by several calculus directives.
enum CalculusParameters {
    /// `f` of x0 and x1 (`partial`, `gradient`, `gradient-field`, `surface`).
    static let functionOfTwo = ParameterSpec("f", .expression(variables: CalculusVariables.two), doc: "the function of x0 and x1, e.g. x0^2 + x1^2")
    /// `h` of the central difference (`tangent`, `partial`, `gradient`, `gradient-field`).
    static let centralStep = ParameterSpec("h", .number(.positive), default: "1e-4", doc: "the step of the central difference (the book uses 1e-4)")
}
