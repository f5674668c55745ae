/// The one program a chapter's Swift cells make: every cell in document
/// order, at top level of one `main.swift`, so they share declarations and
/// state as a notebook's cells do — but always run from the top.
///
/// Each cell's code is preceded by `#sourceLocation(file:line:)`, so compiler
/// diagnostics, `#line`, `fatalError` messages and the debug line table all
/// name the chapter file and line; and it is bracketed by calls that tell the
/// workbook where each cell begins and ends (see `CellTranscript`).
public struct SwiftProgram: Sendable, Equatable {
    /// The name the generated file is compiled under; diagnostics outside
    /// every cell (there should be none) carry it.
    public static let fileName = "workbook-cells.swift"
    /// Imported for every cell, so cells need no `import`.
    public static let imports = ["Foundation", "DeepLearning", "SVGPlot", "WorkbookCellSupport"]

    public var text: String
    /// Chapter lines of each cell's code, in program order.
    public var cellLines: [ClosedRange<Int>]
    public var file: String

    public init(file: String, cells: [SwiftCellSource]) {
        self.file = file
        var text = Self.imports.map { "import \($0)\n" }.joined()
        var ranges: [ClosedRange<Int>] = []
        for (index, cell) in cells.enumerated() {
            let first = cell.codeLocation.line
            ranges.append(first...(first + cell.lineCount - 1))
            text += "_workbookCellBegin(\(index))\n"
            text += "#sourceLocation(file: \(Self.literal(cell.codeLocation.file)), line: \(first))\n"
            text += cell.code
            if !cell.code.hasSuffix("\n") { text += "\n" }
            text += "#sourceLocation()\n"
            text += "_workbookCellEnd(\(index))\n"
        }
        self.text = text
        self.cellLines = ranges
    }

    /// The cell whose code holds chapter line `line`, if any.
    public func cell(atLine line: Int) -> Int? {
        cellLines.firstIndex { $0.contains(line) }
    }

    /// A Swift string literal of `text` (file names with quotes or backslashes):
    /// `debugDescription` writes exactly that, escapes included.
    static func literal(_ text: String) -> String {
        text.debugDescription
    }
}
