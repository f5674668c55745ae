import Foundation

/// One cell after checking: either ready to run with its arguments, or
/// failed with its diagnostics. Made for every cell before any cell runs.
struct CellPlan: Sendable {
    var chapterIndex: Int
    var cell: RunCell
    var label: String
    var caption: String
    var echo: Bool
    var directive: Directive?
    var arguments: CellArguments?
    var diagnostics: [Diagnostic]
    /// Set when the cell is valid but should not run in this build; it is then only read from the cache.
    var skipReason: String?
    /// Where the cell's figures go, relative to the output folder.
    var figureFiles: FigureFileNames
    /// The cell's page, relative to the output folder (`01-learning-from-data.html`).
    var page = ""

    /// Which cell this is, in build events.
    func id(output: String) -> CellID {
        CellID(file: cell.location.file, line: cell.location.line, directive: cell.directive, label: label,
               page: page, output: output)
    }

    var isRunnable: Bool {
        (cell.kind == .swift || directive != nil && arguments != nil) && !hasError
    }

    /// Whether the cell is wrong; a warning inside it (a control character, say)
    /// is shown with the cell but neither stops it being checked nor run.
    var hasError: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The file names of a cell's figures, decided when the cell is planned:
/// `SLUG/LABEL.svg` for one figure, `SLUG/LABEL-1.svg`, `-2` … for several.
struct FigureFileNames: Sendable, Equatable {
    /// `01-learning-from-data/fig-samples`.
    var base: String

    /// The names of `count` figures, in the order the cell made them.
    func names(count: Int) -> [String] {
        count == 1 ? [base + ".svg"] : (0..<count).map { "\(base)-\($0 + 1).svg" }
    }
}

/// What a label may look like: it becomes an HTML id and a file name, so
/// `../../x` or `a b` are refused.
enum LabelRule {
    static func isValid(_ label: String) -> Bool {
        guard let first = label.unicodeScalars.first, first.properties.isASCIIHexDigit || ("a"..."z").contains(first) || ("A"..."Z").contains(first) else {
            return false
        }
        return label.unicodeScalars.allSatisfy { s in
            ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "_"
        } && label.count <= 64
    }
}

extension SiteMapBuilder {
    /// The site map of `chapters` with each plan's label as a numbered figure: Build
    /// depends on Render, never the other way round.
    static func make(title: String, chapters: [Chapter], plans: [CellPlan]) -> SiteMap {
        make(title: title, chapters: chapters, figureLabels: Dictionary(grouping: plans, by: \.chapterIndex).mapValues { $0.map(\.label) })
    }
}
