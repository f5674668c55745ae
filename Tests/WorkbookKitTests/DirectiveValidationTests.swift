import Testing
@testable import WorkbookKit

private func cell(_ body: String, directive: String = "loss") -> RunCell {
    let source = "---\ntitle: T\n---\n\n```run \(directive)\n\(body)\n```\n"
    let chapter = Chapter.parse(source: source, path: "chapters/01-t.md")
    return chapter.cells[0]
}

private func diagnostics(_ body: String, directive: String = "loss") -> [Diagnostic] {
    switch CellValidator(registry: .standard).validate(cell(body, directive: directive)) {
    case .valid: return []
    case .invalid(let diagnostics): return diagnostics
    }
}

@Test func validLossCellHasTypedArguments() throws {
    let outcome = CellValidator(registry: .standard).validate(cell("y: [0.5, 0.5]\nt: 1"))
    guard case .valid(let directive, let arguments) = outcome else {
        Issue.record("expected a valid cell, got \(outcome)")
        return
    }
    #expect(directive.name == "loss")
    let parameters = try LossDirective.Parameters.decode(arguments)
    #expect(parameters.y == [[0.5, 0.5]])
    #expect(parameters.t == [1])
    #expect(parameters.functions == [.mse, .crossEntropy])
    #expect(try CommonParameters.decode(arguments).echo == true)
}

@Test func unknownParameterSuggestsTheClosestName() {
    let found = diagnostics("y: [0.5, 0.5]\nt: 1\nfunctoins: [mse]")
    #expect(found.count == 1)
    #expect(found.first?.message == "unknown parameter 'functoins'")
    #expect(found.first?.hint == "did you mean 'functions'?")
    #expect(found.first?.location == SourceLocation(file: "chapters/01-t.md", line: 8, column: 1))
}

@Test func unknownDirectiveIsReportedAtItsName() {
    let found = diagnostics("a: 1", directive: "los")
    #expect(found.first?.message == "unknown directive 'los'")
    #expect(found.first?.hint == "did you mean 'loss'?")
    #expect(found.first?.location.line == 5)
    #expect(found.first?.location.column == 8)
}

@Test func wrongTypeIsReportedAtTheValue() {
    let found = diagnostics("y: [0.5, fast]\nt: 1")
    #expect(found.first?.message == "'y' expects list of numbers, or a list of such lists, found 'fast'")
    #expect(found.first?.location == SourceLocation(file: "chapters/01-t.md", line: 6, column: 10))
}

@Test func shapesThatDisagreeAreReported() {
    let found = diagnostics("y: [0.5, 0.5, 0.0]\nt: [0, 1]")
    #expect(found.first?.message == "t has 2 values but y has 3")
    #expect(found.first?.location.line == 7)
}

@Test func missingRequiredParameterIsReported() {
    let found = diagnostics("y: [0.5, 0.5]")
    #expect(found.first?.message.hasPrefix("missing parameter 't'") == true)
}

@Test func everyDeclaredDefaultReadsBack() {
    // A default that does not read as its own kind would stop a build; read every one.
    let location = WorkbookKit.SourceLocation(file: "<default>", line: 1, column: 1)
    var checked = 0
    for directive in DirectiveRegistry.standard.directives {
        for spec in directive.allParameters {
            guard let text = spec.defaultValue else { continue }
            let value = DefaultValueParser.parse(text, at: location)
            #expect(throws: Never.self, "\(directive.name).\(spec.name) default '\(text)'") {
                try ArgumentReader(name: spec.name, kind: spec.kind).read(value)
            }
            checked += 1
        }
    }
    #expect(checked > 50)
}

@Test func canonicalArgumentsIgnoreOrderAndFormatting() throws {
    let a = CellValidator(registry: .standard).validate(cell("y: [0.5, 0.5]\nt: 1"))
    let b = CellValidator(registry: .standard).validate(cell("t: 1.0\ny:\n  - 0.50\n  - 0.5"))
    guard case .valid(_, let x) = a, case .valid(_, let y) = b else {
        Issue.record("expected valid cells")
        return
    }
    #expect(x.canonical == y.canonical)
}
