import Foundation
import Testing
@testable import WorkbookKit

private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The shipped Japanese edition computes exactly what the English one does:
/// the same chapters, the same cells under the same labels, the same
/// parameters apart from presentation (caption, echo, figure words).
@Suite struct EditionParityTests {
    func chapters(_ folder: String) throws -> [Chapter] {
        try ChapterLoader.loadChapters(in: repositoryRoot + "/" + folder)
    }

    @Test func theJapaneseEditionHasTheSameChapters() throws {
        let english = try chapters("chapters").map { ($0.path as NSString).lastPathComponent }
        let japanese = try chapters("chapters/ja").map { ($0.path as NSString).lastPathComponent }
        #expect(english.count == 7)
        #expect(japanese == english)
    }

    @Test func everyCellComputesTheSameInBothEditions() throws {
        let english = try chapters("chapters"), japanese = try chapters("chapters/ja")
        for (en, ja) in zip(english, japanese) {
            #expect(en.diagnostics.filter { $0.severity == .error }.isEmpty)
            #expect(ja.diagnostics.filter { $0.severity == .error }.isEmpty, "\(ja.path): \(ja.diagnostics)")
            #expect(ja.cells.map { $0["label"]?.value.scalarText } == en.cells.map { $0["label"]?.value.scalarText }, "\(ja.path)")
            for (a, b) in zip(en.cells, ja.cells) {
                #expect(CellSignature(a) == CellSignature(b), "\(ja.path):\(b.location.line)")
            }
        }
    }

    @Test func theSignatureIgnoresOnlyPresentation() {
        func cell(_ body: String) -> RunCell {
            Chapter.parse(source: "```run plot\n\(body)\n```\n", path: "t.md").cells[0]
        }
        let base = cell("f: x^2\nx: [0, 1]\nlabel: a\ncaption: One\nlabels: [one]")
        #expect(CellSignature(base) == CellSignature(cell("x: [0,   1]\nf: x^2\nlabel: a\ncaption: 一つ\necho: false\nlabels: [一つ]")))
        #expect(CellSignature(base) != CellSignature(cell("f: x^2\nx: [0, 2]\nlabel: a")))
        #expect(CellSignature(base) != CellSignature(cell("f: x^2\nx: [0, 1]\nlabel: b")))
    }
}
