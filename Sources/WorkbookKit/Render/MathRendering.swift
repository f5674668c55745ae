/// Every math span of a chapter rendered to MathML once, at build time. A span
/// that does not render becomes a diagnostic at its exact column and shows
/// on the page as marked-up TeX, not as raw text passing for math.
enum MathRendering {
    struct Rendered: Sendable {
        var html: [String]
        var diagnostics: [Diagnostic]
    }

    static func render(_ chapter: Chapter) -> Rendered {
        var html: [String] = []
        var diagnostics: [Diagnostic] = []
        for span in chapter.math {
            do {
                html.append(try MathML.render(span.tex, display: span.display))
            } catch {
                var location = span.location
                // The span's location is its opening `$`; TeX columns start after the delimiter.
                location.column += error.byteOffset(in: span.tex) + (span.display ? 2 : 1)
                diagnostics.append(.error(error.message, at: location, hint: error.hint, length: error.length))
                let delimiter = span.display ? "$$" : "$"
                html.append("<code class=\"math-error\" title=\"\(HTML.escape(error.message))\">\(HTML.escape(delimiter + span.tex + delimiter))</code>")
            }
        }
        return Rendered(html: html, diagnostics: diagnostics)
    }
}
