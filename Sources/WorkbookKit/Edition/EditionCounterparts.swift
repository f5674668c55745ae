import Foundation

/// Pairs the chapters and cells of an edition with those of the first
/// edition: same chapter file name, same cell label. A pair that computes the
/// same thing (`CellSignature`) shares one cache entry; what has no partner is
/// a warning at its own location, and builds on its own.
struct EditionCounterparts {
    var diagnostics: [Diagnostic] = []
    var figureWords: [CellPlace: FigureWords] = [:]

    /// `edition`'s chapters against `reference`'s (the first edition).
    init(edition: String, chapters: [Chapter], reference: String, referenceChapters: [Chapter]) {
        let byName = Dictionary(referenceChapters.map { (EditionCounterparts.fileName($0), $0) }, uniquingKeysWith: { a, _ in a })
        let names = Set(chapters.map(EditionCounterparts.fileName))
        for chapter in chapters {
            let name = EditionCounterparts.fileName(chapter)
            guard let partner = byName[name] else {
                diagnostics.append(.warning(
                    "chapter '\(name)' of edition '\(edition)' has no counterpart in edition '\(reference)'",
                    at: SourceLocation(file: chapter.path, line: 1, column: 1),
                    hint: "its cells run on their own; add the chapter to the '\(reference)' edition's folder, or remove it here"))
                continue
            }
            pair(chapter, with: partner, edition: edition, reference: reference)
        }
        for chapter in referenceChapters where !names.contains(EditionCounterparts.fileName(chapter)) {
            diagnostics.append(.warning(
                "chapter '\(EditionCounterparts.fileName(chapter))' has no counterpart in edition '\(edition)'",
                at: SourceLocation(file: chapter.path, line: 1, column: 1),
                hint: "the '\(edition)' edition is built without it; its language switch leads to the '\(edition)' index"))
        }
    }

    private mutating func pair(_ chapter: Chapter, with partner: Chapter, edition: String, reference: String) {
        let file = EditionCounterparts.fileName(chapter)
        let partners = Dictionary(partner.cells.compactMap { cell in cell.labelText.map { ($0, cell) } }, uniquingKeysWith: { a, _ in a })
        let own = Set(chapter.cells.compactMap(\.labelText))
        for cell in chapter.cells {
            guard let label = cell.labelText else { continue }
            let location = cell["label"]?.value.location ?? cell.location
            guard let counterpart = partners[label] else {
                diagnostics.append(.warning(
                    "cell '\(label)' is in edition '\(edition)' only; it has no counterpart in \(partner.path)",
                    at: location, hint: "it runs on its own; cells are paired across editions by their label",
                    length: max(1, label.count)))
                continue
            }
            guard CellSignature(cell) == CellSignature(counterpart) else {
                diagnostics.append(.warning(
                    "cell '\(label)' computes something other than its counterpart at \(partner.path):\(counterpart.location.line)",
                    at: cell.directiveLocation,
                    hint: "only caption, echo and labels may differ between editions; it runs on its own",
                    length: max(1, cell.directive.count)))
                continue
            }
            if let words = FigureWords(cell: cell, counterpart: counterpart) {
                figureWords[CellPlace(file: file, label: label)] = words
            }
        }
        for cell in partner.cells {
            guard let label = cell.labelText, !own.contains(label) else { continue }
            diagnostics.append(.warning(
                "cell '\(label)' has no counterpart in edition '\(edition)' (\(chapter.path))",
                at: cell["label"]?.value.location ?? cell.location,
                hint: "cells are paired across editions by their label", length: max(1, label.count)))
        }
    }

    static func fileName(_ chapter: Chapter) -> String {
        (chapter.path as NSString).lastPathComponent
    }
}

extension FigureWords {
    /// The figure words of `cell` paired with its counterpart's, or nil when
    /// they are the same (nothing to translate).
    init?(cell: RunCell, counterpart: RunCell) {
        var canonical: [String: ParameterValue] = [:]
        var translations: [String: String] = [:]
        for name in CellSignature.figureWordParameters {
            guard let theirs = counterpart[name]?.value, let ours = cell[name]?.value else { continue }
            let (a, b) = (FigureWords.words(theirs), FigureWords.words(ours))
            guard a.count == b.count, a != b else { continue }
            canonical[name] = theirs
            for (word, translation) in zip(a, b) where word != translation { translations[word] = translation }
        }
        guard !canonical.isEmpty else { return nil }
        self.init(canonical: canonical, translations: translations)
    }

    /// The words of a scalar or a list of scalars.
    static func words(_ value: ParameterValue) -> [String] {
        switch value {
        case .scalar(let text, _, _): return [text]
        case .list(let items, _): return items.compactMap(\.scalarText)
        default: return []
        }
    }
}
