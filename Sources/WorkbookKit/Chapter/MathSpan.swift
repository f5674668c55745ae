/// A piece of TeX in a chapter's prose: a `.math` node of the document model.
///
/// Markdown would mangle TeX (`y_{k}` → emphasis, `\\` → `\`), so the chapter
/// reader cuts each `$…$` / `$$…$$` out before cmark reads the inlines (see
/// `MathProtector`) and keeps the TeX here.
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
