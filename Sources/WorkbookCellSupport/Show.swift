import DeepLearning
import SVGPlot

/// Shows a figure at this cell: numbered and captioned like a directive's
/// figure (the cell's `//| caption:`), written to `output/CHAPTER/LABEL.svg`.
public func show(_ figure: Figure) {
    CellChannel.send(.figure(svg: figure.render(), summary: figure.summary))
}

/// Shows a table at this cell.
public func show(_ table: Table) {
    CellChannel.send(.table(table))
}

/// Shows a named number; it goes into the JSON record's `values` at full precision.
public func show(_ value: Double, name: String) {
    CellChannel.send(.value(name: name, value: value))
}

/// Shows a named integer (as a number in the JSON record).
public func show(_ value: Int, name: String) {
    CellChannel.send(.value(name: name, value: Double(value)))
}

/// Shows a named row of numbers.
public func show(_ values: [Double], name: String) {
    CellChannel.send(.numbers(name: name, values: values))
}

/// Shows a named matrix as its numbers, row by row.
public func show(_ matrix: Matrix, name: String) {
    CellChannel.send(.numbers(name: name, values: matrix.values))
}
