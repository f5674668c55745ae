/// What the plan step decided: which chapters are built, every cell checked
/// (with its label, figure file names and problems), the site map, each
/// page's math and problems, and every diagnostic known before anything runs.
struct BuildPlan: Sendable {
    var chapters: [Chapter]
    /// The chapters that are run and written (all of them without `--only`).
    var selected: Set<Int>
    /// The cells of the selected chapters, in document order.
    var cells: [CellPlan]
    var site: SiteMap
    /// Each chapter's math as MathML (empty for chapters not selected).
    var math: [MathRendering.Rendered]
    /// Problems of each chapter that belong to no cell: a box at the top of its page.
    var pageProblems: [[Diagnostic]]
    /// Every problem found before running, once each, in source order.
    var diagnostics: [Diagnostic]
    /// The text each diagnostic points into, by file.
    var sources: [String: SourceLines]

    /// A diagnostic as the compiler would print it (source line and caret).
    func text(of diagnostic: Diagnostic) -> String {
        diagnostic.formatted(lines: sources[diagnostic.location.file])
    }
}
