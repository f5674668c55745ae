import Testing
import WorkbookKit

private func error(_ tex: String) -> LanguageError? {
    do {
        _ = try MathML.render(tex, display: true)
        return nil
    } catch {
        return error
    }
}

@Test func unknownCommandPointsAtTheBackslash() {
    let e = error(#"a + \foo{b}"#)
    #expect(e?.message == #"unknown TeX command '\foo'"#)
    #expect(e?.column == 5)
    #expect(e?.length == 4)
}

@Test func unknownCommandSuggestsACloseOne() {
    #expect(error(#"\farc{1}{2}"#)?.hint == #"did you mean '\frac'?"#)
    #expect(error(#"x = \lamda"#)?.hint == #"did you mean '\lambda'?"#)
    #expect(error(#"x = \lamda"#)?.column == 5)
    #expect(error(#"\patial f"#)?.hint == #"did you mean '\partial'?"#)
    #expect(error(#"\qwertyuiop"#)?.hint == nil)
}

@Test func unbalancedBraces() {
    let open = error(#"\frac{1}{2"#)
    #expect(open?.message == "unbalanced brace: this '{' is never closed")
    #expect(open?.column == 9)
    let close = error("x_{k}}")
    #expect(close?.message == "unbalanced brace: this '}' has no matching '{'")
    #expect(close?.column == 6)
    #expect(error(#"\text{abc"#)?.column == 6)
}

@Test func unbalancedFences() {
    let left = error(#"\left( x"#)
    #expect(left?.message == #"'\left' without a matching '\right'"#)
    #expect(left?.column == 1)
    #expect(left?.length == 5)
    let right = error(#"x \right)"#)
    #expect(right?.message == #"'\right' without a matching '\left'"#)
    #expect(right?.column == 3)
    #expect(error(#"\left x \right)"#)?.message == "'x' is not a delimiter")
}

@Test func environments() {
    let unknown = error(#"\begin{matrx} a \end{matrx}"#)
    #expect(unknown?.message == "unknown environment 'matrx'")
    #expect(unknown?.column == 8)
    #expect(unknown?.hint == "did you mean 'matrix'?")
    let mismatch = error(#"\begin{pmatrix} a \end{bmatrix}"#)
    #expect(mismatch?.message == #"'\end{bmatrix}' does not match '\begin{pmatrix}' at column 1"#)
    #expect(mismatch?.column == 24)
    #expect(error(#"\begin{array}{cc} a & b"#)?.message == #"'\begin{array}' without a matching '\end{array}'"#)
    #expect(error("a & b")?.message == "'&' is only allowed inside an array or matrix")
    #expect(error(#"a \\ b"#)?.column == 3)
    #expect(error(#"\begin{array}{cx} a \end{array}"#)?.column == 16)
}

@Test func scriptsAndArguments() {
    let double = error("x_1_2")
    #expect(double?.message == "double subscript")
    #expect(double?.column == 4)
    #expect(error("x^1^2")?.message == "double superscript")
    let missing = error("x^")
    #expect(missing?.message == "missing argument for superscript")
    #expect(missing?.column == 2)
    let frac = error(#"\frac{1}"#)
    #expect(frac?.message == #"missing argument for '\frac'"#)
    #expect(frac?.column == 1)
    #expect(frac?.length == 5)
}

@Test func dollarSignsAreNotPartOfTheTeX() {
    #expect(error("$x$")?.column == 1)
}

@Test func columnsCountCharacters() {
    // "α" is two UTF-8 bytes but one character.
    #expect(error(#"α + \foo"#)?.column == 5)
}
