import Testing
import WorkbookKit

private func error(_ text: String, _ variables: [String] = ["x"]) -> LanguageError? {
    do {
        _ = try WorkbookKit.Expression.parse(text, variables: variables)
        return nil
    } catch {
        return error
    }
}

@Test func unknownVariableNamesTheVariablesTheFunctionTakes() {
    let e = error("x0^2 + x2", ["x0", "x1"])
    #expect(e?.message == "unknown variable 'x2'; this function takes x0, x1")
    #expect(e?.column == 8)
    #expect(e?.length == 2)
}

@Test func unknownVariableWithoutVariables() {
    #expect(error("x", [])?.message == "unknown variable 'x'; this function takes no variables")
}

@Test func unknownFunctionSuggestsTheClosest() {
    let e = error("1 + sigmod(x)")
    #expect(e?.message == "unknown function 'sigmod'")
    #expect(e?.column == 5)
    #expect(e?.length == 6)
    #expect(e?.hint == "did you mean 'sigmoid'?")
    #expect(error("tahn(x)")?.hint == "did you mean 'tanh'?")
    #expect(error("Exp(x)")?.hint == "did you mean 'exp'?")
    #expect(error("lg(x)")?.hint == "did you mean 'log'?")
    #expect(error("softmax(x)")?.hint?.hasPrefix("known functions: exp, log") == true)
}

@Test func functionWithoutParentheses() {
    let e = error("2 * sin x")
    #expect(e?.message == "function 'sin' needs its argument in parentheses")
    #expect(e?.column == 5)
    #expect(e?.hint == "write sin(x)")
}

@Test func implicitMultiplicationIsRejected() {
    let e = error("2x")
    #expect(e?.message == "implicit multiplication is not allowed; expected an operator before 'x'")
    #expect(e?.column == 2)
    #expect(e?.hint == "write 2*x")
    #expect(error("0.5 x")?.column == 5)
    #expect(error("0.5 x")?.hint == "write 0.5*x")
    #expect(error("2(x + 1)")?.column == 2)
    #expect(error("2(x + 1)")?.hint == "write 2*x")
    #expect(error("(x)(x)")?.column == 4)
    #expect(error("(x 2)")?.column == 4)
    #expect(error("2e")?.column == 2) // 2 then the constant e
}

@Test func unbalancedParentheses() {
    let open = error("3 * (x + 1")
    #expect(open?.message == "unbalanced parenthesis: this '(' is never closed")
    #expect(open?.column == 5)
    #expect(open?.hint == "add ')'")
    let close = error("x + 1)")
    #expect(close?.message == "unbalanced parenthesis: this ')' has no matching '('")
    #expect(close?.column == 6)
    #expect(error("exp(x")?.column == 4)
}

@Test func unexpectedEnd() {
    let e = error("x +")
    #expect(e?.message == "unexpected end of expression; expected a number, variable or '('")
    #expect(e?.column == 4) // one past the end
    #expect(error("x^")?.column == 3)
    #expect(error("-")?.column == 2)
}

@Test func emptyExpression() {
    #expect(error("")?.message == "empty expression")
    #expect(error("")?.column == 1)
    #expect(error("   ")?.message == "empty expression")
}

@Test func trailingGarbageAndStrayCharacters() {
    let e = error("x + 1 ;")
    #expect(e?.message == "unexpected ';' after the end of the expression")
    #expect(e?.column == 7)
    let stray = error("x + $")
    #expect(stray?.message == "expected a number, variable or '(' but found '$'")
    #expect(stray?.column == 5)
    #expect(error("(x ; 1)")?.message == "expected ')' or an operator but found ';'")
    #expect(error("exp()")?.column == 5)
    #expect(error("x * / 2")?.column == 5)
}

@Test func pythonPowerOperatorGetsAHint() {
    let e = error("x**2")
    #expect(e?.message == "'**' is not an operator")
    #expect(e?.column == 2)
    #expect(e?.length == 2)
    #expect(e?.hint == "use ^ for powers, e.g. x^2")
}

@Test func malformedNumber() {
    let e = error("1 + 1.2.3")
    #expect(e?.message == "malformed number '1.2.3'")
    #expect(e?.column == 5)
    #expect(e?.length == 5)
}

@Test func columnsCountCharactersNotBytes() {
    // "é" is two UTF-8 bytes but one character.
    let e = error("é + y", ["é"])
    #expect(e?.column == 5)
}

@Test func errorSpansTheCulprit() {
    // The caret is drawn by Diagnostic.formatted; the error gives its column and length.
    let e = error("x0 + x2", ["x0", "x1"])!
    #expect(e.column == 6)
    #expect(e.length == 2)
}
