/// How many problems of one kind are reported, as compilers stop after a
/// number of errors (clang: 20): 50 000 unknown parameters in one cell were
/// 50 000 errors on the terminal and on the page (107 s). The first ones are
/// kept, in source order, and one more says how many were left out.
enum DiagnosticLimit {
    /// Problems shown for one cell.
    static let perCell = 20
    /// Unknown `@label` references shown for one chapter.
    static let referencesPerChapter = 50

    /// The first `limit` of `diagnostics` by location, and a note at the last one
    /// kept saying how many more there were (`what`: "in this cell").
    static func capped(_ diagnostics: [Diagnostic], limit: Int, what: String) -> [Diagnostic] {
        guard diagnostics.count > limit else { return diagnostics }
        let kept = Array(diagnostics.sorted { $0.location < $1.location }.prefix(limit))
        return kept + [left(out: diagnostics.count - limit, what: "problem", scope: what, at: kept[limit - 1].location)]
    }

    /// "3 more problems in this cell not shown", at `location`.
    static func left(out more: Int, what: String, scope: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic.error("\(more) more \(what)\(more == 1 ? "" : "s") \(scope) not shown", at: location,
                         hint: "fix the ones above and build again")
    }
}
