/// A piece of TeX cut out of a chapter before Markdown parsing.
///
/// Markdown would mangle TeX (`y_{k}` → emphasis, `\\` → `\`), so the chapter
/// reader replaces each `$…$` / `$$…$$` by a placeholder (see
/// `MathPlaceholder`) and keeps the TeX here; `chapter.math[i]` belongs to
/// placeholder `i`.
public struct MathSpan: Sendable, Equatable, Hashable {
    /// The TeX between the dollar signs, unchanged (not trimmed).
    public var tex: String
    /// `true` for `$$…$$`.
    public var display: Bool
    /// Location of the opening `$`.
    public var location: SourceLocation

    public init(tex: String, display: Bool, location: SourceLocation) {
        self.tex = tex
        self.display = display
        self.location = location
    }

    /// As written: the TeX between its dollar signs.
    public var source: String { display ? "$$" + tex + "$$" : "$" + tex + "$" }
}
