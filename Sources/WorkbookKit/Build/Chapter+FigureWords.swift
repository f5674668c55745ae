import Foundation

extension Chapter {
    /// The chapter with each paired cell's figure words replaced by its
    /// counterpart's, so the cell computes exactly what the first edition's
    /// does (one cache entry); the page puts its own words back at render time.
    /// The cell's body, shown when it echoes, keeps this edition's words.
    func withCanonicalFigureWords(_ figureWords: [CellPlace: FigureWords]) -> Chapter {
        guard !figureWords.isEmpty else { return self }
        let file = (path as NSString).lastPathComponent
        var chapter = self
        chapter.blocks = blocks.map { block in
            guard case .cell(var cell) = block, let label = cell.labelText,
                  let words = figureWords[CellPlace(file: file, label: label)] else { return block }
            for i in cell.parameters.indices {
                if let canonical = words.canonical[cell.parameters[i].key] { cell.parameters[i].value = canonical }
            }
            return .cell(cell)
        }
        return chapter
    }
}
