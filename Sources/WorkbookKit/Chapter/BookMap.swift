import Yams

/// Where a chapter's sections and figures are in the book, from the front
/// matter's `book:` mapping:
///
///     book:
///       the-four-steps: 4.5          # heading id → the book's section
///       fig-train: [図4-11, 図4-12]   # cell label → the book's figure(s)
///
/// A key is a heading id (as the page's anchors spell it) or a cell label; a
/// section is written `4`, `4.2` or `4.2.1`, a figure `図4-11` (or `4-11`,
/// which reads the same). Kept in the front matter rather than in the cell's
/// parameters so that the directives' common parameters stay what they are.
public struct BookMap: Sendable, Equatable {
    /// One key of the mapping, where it was written.
    public struct Entry: Sendable, Equatable {
        public var key: String
        /// Book section numbers (`4.2.1`) or figure numbers (`図4-11`), in the order written.
        public var references: [String]
        public var location: SourceLocation
    }

    public var entries: [Entry] = []

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// The references given for a heading id or a cell label.
    public subscript(key: String) -> [String] {
        entries.first { $0.key == key }?.references ?? []
    }

    /// Whether a reference names a figure (`図4-11`) rather than a section (`4.2.1`).
    public static func isFigure(_ reference: String) -> Bool {
        reference.hasPrefix("図")
    }

    /// Reads the `book:` value of the front matter; problems become diagnostics.
    static func read(_ node: Node, positions: YAMLPositions, diagnostics: inout [Diagnostic]) -> BookMap {
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.error("'book' must be a mapping of heading ids and cell labels to the book's sections and figures, such as 'fig-train: 図4-11'",
                                      at: positions.location(node.mark)))
            return BookMap()
        }
        var map = BookMap()
        for (key, value) in mapping {
            let name = key.string ?? ""
            let items: [Node]
            switch value {
            case .sequence(let sequence): items = Array(sequence)
            default: items = [value]
            }
            var references: [String] = []
            for item in items {
                let text = (item.string ?? "").chapterTrimmed
                if let reference = normalized(text) {
                    references.append(reference)
                } else {
                    diagnostics.append(.warning(
                        "'\(text)' is not a section or figure of the book", at: positions.location(item.mark),
                        hint: "write a section as 4.2.1 and a figure as 図4-11", length: max(1, text.utf8.count)))
                }
            }
            map.entries.append(Entry(key: name, references: references, location: positions.location(key.mark)))
        }
        return map
    }

    /// `4.2.1` stays; `4-11` and `図4-11` become `図4-11`; anything else is nil.
    static func normalized(_ text: String) -> String? {
        func numbers(_ s: Substring, separator: Character) -> Bool {
            let parts = s.split(separator: separator, omittingEmptySubsequences: false)
            return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        }
        let figure = text.hasPrefix("図") ? text.dropFirst() : Substring(text)
        if figure.contains("-") {
            return numbers(figure, separator: "-") && figure.split(separator: "-").count == 2 ? "図" + figure : nil
        }
        return !text.hasPrefix("図") && numbers(Substring(text), separator: ".") ? text : nil
    }

    /// Warnings for keys that name no heading and no cell of the chapter,
    /// and for a figure given to a heading or a section given to a cell.
    func check(headings: Set<String>, labels: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for entry in entries {
            if labels.contains(entry.key) {
                if entry.references.contains(where: { !Self.isFigure($0) }) {
                    diagnostics.append(.warning("'\(entry.key)' is a cell: give it the book's figure, such as 図4-11",
                                                at: entry.location, length: max(1, entry.key.utf8.count)))
                }
            } else if headings.contains(entry.key) {
                if entry.references.contains(where: Self.isFigure) {
                    diagnostics.append(.warning("'\(entry.key)' is a heading: give it the book's section, such as 4.2.1",
                                                at: entry.location, length: max(1, entry.key.utf8.count)))
                }
            } else {
                diagnostics.append(.warning(
                    "'\(entry.key)' in 'book' is neither a heading id nor a cell label of this chapter",
                    at: entry.location,
                    hint: "heading ids: \(headings.sorted().joined(separator: ", ")); labels: \(labels.sorted().joined(separator: ", "))",
                    length: max(1, entry.key.utf8.count)))
            }
        }
        return diagnostics
    }
}
