@testable import WorkbookKit

/// A chapter's blocks with prose and headings as HTML, math and references
/// written as the reader's placeholders (`\u{E000}i\u{E001}` for
/// `chapter.math[i]`, `\u{E003}i\u{E004}` for `chapter.references[i]`): how
/// tests state what the reader made of a snippet, and, for the differential
/// test, exactly the HTML cmark makes of the protected text.
enum HTMLBlock: Equatable {
    case prose(html: String, location: SourceLocation)
    case heading(level: Int, text: String, id: String, html: String, location: SourceLocation)
    case code(language: String, code: String, location: SourceLocation)
    case cell(RunCell)
}

extension Chapter {
    var writer: MarkupHTML {
        MarkupHTML(
            math: { span in math.firstIndex(of: span).map { MathPlaceholder.placeholder(for: $0) } ?? "?" },
            reference: { reference in references.firstIndex(of: reference).map { ReferencePlaceholder.placeholder(for: $0) } ?? "?" })
    }

    var htmlBlocks: [HTMLBlock] {
        blocks.map { block in
            switch block {
            case let .prose(markup, location): .prose(html: writer.html(markup), location: location)
            case .heading(let h): .heading(level: h.level, text: h.text, id: h.id, html: writer.html(h.content), location: h.location)
            case let .code(language, code, location): .code(language: language, code: code, location: location)
            case .cell(let cell): .cell(cell)
            }
        }
    }
}
