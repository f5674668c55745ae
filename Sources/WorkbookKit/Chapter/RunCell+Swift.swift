/// How a ```swift run block becomes a `RunCell` of kind `.swift`: its body is
/// the code, its parameters are its `//|` options (so labels, captions and
/// `@label` references work as for directive cells), and option problems
/// are the cell's diagnostics.
extension RunCell {
    static let swiftDirectiveName = "swift"

    static func swiftCell(body: String, fence: SourceLocation, bodyLocation: SourceLocation) -> RunCell {
        let source = SwiftCellSource(body: body, bodyLocation: bodyLocation)
        var cell = RunCell(directive: swiftDirectiveName, directiveLocation: fence, location: fence, body: body,
                           parameters: source.parameters, bodyLocation: bodyLocation, kind: .swift,
                           pairsBeforeError: source.pairsBeforeError, stoppedAt: source.stoppedAt,
                           diagnostics: source.diagnostics)
        cell.swift = source
        return cell
    }

    /// The cell's code and options, for the chapter's program: read once, when the cell was.
    var swiftSource: SwiftCellSource { swift ?? SwiftCellSource(body: body, bodyLocation: bodyLocation) }

    /// The words in the cell's header on the page: `run loss`, `swift run`.
    var headerText: String { kind == .swift ? "swift run" : "run " + directive }

    /// The language its body is highlighted in.
    var bodyLanguage: String { kind == .swift ? "swift" : "yaml" }
}
