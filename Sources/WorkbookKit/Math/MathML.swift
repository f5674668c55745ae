/// TeX → MathML Core, so the static workbook shows equations that Chromium,
/// Firefox and Safari render natively, with no script and no fonts to ship.
///
/// Supports the math subset the chapters use; see `docs/languages.md`.
public enum MathML {
    /// Renders `tex` (without `$` delimiters) as one `<math>` element.
    /// `display` selects a block (centered, large operators, limits under
    /// `\sum`) or inline formula. Errors carry the 1-based character column
    /// of the offending command or brace in `tex`.
    public static func render(_ tex: String, display: Bool) throws(LanguageError) -> String {
        var parser = TeXParser(tex)
        let atoms = try parser.parseAll()
        return "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"\(display ? "block" : "inline")\">"
            + atoms.map(\.xml).joined() + "</math>"
    }
}
