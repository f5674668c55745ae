import Foundation
internal import WorkbookCellSupport

/// Reads a Swift-cell program's standard output as it arrives: splits the
/// reader's `print` text per cell at the program's message lines, decodes the
/// messages (`show`, `check`, cell begin and end), keeps at most
/// `textLimit` bytes of text per cell, and gives each running cell its own
/// deadline (its `timeout`, counted from when it began).
struct CellTranscript: ChildOutputSink {
    struct Cell: Equatable {
        var items: [SwiftCellItem] = []
        var began = false
        var ended = false
        var textBytes = 0
        var droppedBytes = 0
    }

    private let marker: [UInt8]
    let textLimit: Int
    let timeouts: [Double]
    private(set) var cells: [Cell]
    /// The cell that began and has not ended.
    private(set) var current: Int?
    private var currentStart: Double = 0
    private var pending: [UInt8] = []
    private var text: [UInt8] = []
    /// A message line longer than this is treated as text (protects memory).
    private let messageLimit = 64 << 20

    init(nonce: String, timeouts: [Double], textLimit: Int = 1 << 20) {
        self.marker = Array(("\n" + CellMessage.marker(nonce: nonce)).utf8)
        self.textLimit = textLimit
        self.timeouts = timeouts
        self.cells = Array(repeating: Cell(), count: timeouts.count)
    }

    var deadline: Double? {
        guard let current else { return nil }
        return currentStart + timeouts[current]
    }

    mutating func receive(_ bytes: ArraySlice<UInt8>, at time: Double) {
        pending += bytes
        var start = 0
        while true {
            guard let at = find(marker, in: pending, from: start) else {
                // Keep a tail that may be the start of a marker.
                let safe = max(start, pending.count - (marker.count - 1))
                addText(pending[start..<safe])
                start = safe
                break
            }
            addText(pending[start..<at])
            let body = at + marker.count
            guard let newline = pending[body...].firstIndex(of: UInt8(ascii: "\n")) else {
                if pending.count - body > messageLimit {
                    addText(pending[at...])
                    start = pending.count
                } else {
                    start = at
                }
                break
            }
            handle(pending[body..<newline], at: time)
            start = newline + 1
        }
        pending.removeFirst(start)
    }

    /// Call when the child is gone: flushes what is left as text.
    mutating func finish() {
        addText(pending[...])
        pending = []
        flushText()
    }

    private mutating func handle(_ json: ArraySlice<UInt8>, at time: Double) {
        guard let message = try? CellMessage.decoder.decode(CellMessage.self, from: Data(json)) else {
            addText(json)
            return
        }
        switch message {
        case .begin(let index) where cells.indices.contains(index):
            flushText()
            cells[index].began = true
            current = index
            currentStart = time
        case .end(let index) where cells.indices.contains(index):
            flushText()
            cells[index].ended = true
            if current == index { current = nil }
        case .value(let name, let value):
            append(.output(.value(key: name, name: name, value: value)))  // the name the cell gave is its key
        case .numbers(let name, let values):
            append(.output(.numbers(key: name, name: name, values: values)))
        case .table(let table):
            let rows = table.rows.map { $0.map { entry -> TableCell in
                switch entry {
                case .number(let n): .number(n)
                case .text(let s): .text(s)
                }
            } }
            append(.output(.table(OutputTable(name: table.name, columns: table.columns, rows: rows))))
        case .figure(let svg, _):
            append(.output(.figure(OutputFigure(name: "", svg: svg))))
        case .check(let outcome):
            append(.check(SwiftCheck(passed: outcome.passed, summary: Self.summary(of: outcome), file: outcome.file, line: outcome.line)))
        case .begin, .end:
            break
        }
    }

    static func summary(of outcome: CheckOutcome) -> String {
        let tolerance = formatNumber(outcome.tolerance)
        if outcome.passed {
            return outcome.tolerance == 0 ? "\(outcome.subject): equal" : "\(outcome.subject): agree within \(tolerance)"
        }
        if let problem = outcome.problem { return "\(outcome.subject): \(problem)" }
        let index = outcome.index.map { "element \($0)" } ?? "the value"
        let mine = outcome.mine.map(formatNumber) ?? "?", reference = outcome.reference.map(formatNumber) ?? "?"
        var text = "\(outcome.subject): \(index) differs: \(mine) (yours) vs \(reference) (reference)"
        if let a = outcome.mine, let b = outcome.reference, a.isFinite, b.isFinite {
            text += ", difference \(formatNumber(abs(a - b))) > tolerance \(tolerance)"
        }
        return text
    }

    private mutating func append(_ item: SwiftCellItem) {
        flushText()
        cells[current ?? max(0, cells.count - 1)].items.append(item)
    }

    private mutating func addText(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty, !cells.isEmpty else { return }
        let index = current ?? max(0, cells.count - 1)
        let room = max(0, textLimit - cells[index].textBytes)
        let kept = min(room, bytes.count)
        text += bytes.prefix(kept)
        cells[index].textBytes += kept
        cells[index].droppedBytes += bytes.count - kept
    }

    private mutating func flushText() {
        guard !text.isEmpty, !cells.isEmpty else { return }
        let index = current ?? max(0, cells.count - 1)
        let string = String(decoding: text, as: UTF8.self)
        if case .printed(let before)? = cells[index].items.last {
            cells[index].items[cells[index].items.count - 1] = .printed(before + string)
        } else {
            cells[index].items.append(.printed(string))
        }
        text = []
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
