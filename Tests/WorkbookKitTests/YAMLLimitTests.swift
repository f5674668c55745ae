import Foundation
import Testing
@testable import WorkbookKit

/// Nine aliases of nine aliases …: 300 bytes that expand to 9^depth values.
private func aliasBomb(depth: Int) -> String {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
    for level in 1...depth {
        let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
        yaml += "a\(level): &a\(level) [\(refs)]\n"
    }
    return yaml
}

@Test func yamlAliasesAreRefusedInRunCellsAtTheirPlace() throws {
    let body = "```run loss\ny: &v [0.1, 0.9]\nt: *v\n```\n"
    let chapter = Chapter.parse(source: "---\ntitle: T\n---\n\n" + body, path: "c.md")
    let error = try #require(chapter.diagnostics.first { $0.severity == .error })
    #expect(error.message == "YAML anchors and aliases are not supported in run cell body")
    #expect(error.location == SourceLocation(file: "c.md", line: 6, column: 4))
    #expect(chapter.cells.first?.parameters.isEmpty == true)
}

@Test func aliasBombIsRefusedWithoutExpandingIt() throws {
    // Depth 8 is 9^9 ≈ 387 million values if anything walked it.
    let bomb = aliasBomb(depth: 8)
    let chapter = Chapter.parse(source: "---\ntitle: T\n---\n\n```run loss\n" + bomb + "```\n", path: "c.md")
    #expect(chapter.diagnostics.contains { $0.message.hasPrefix("YAML anchors and aliases are not supported") && $0.location.line == 6 })
    let settings = WorkbookSettings.parse(yaml: bomb, file: "workbook.yml")
    #expect(settings.diagnostics.first?.message == "YAML anchors and aliases are not supported in workbook.yml")
    let front = Chapter.parse(source: "---\ntitle: &t T\n---\n", path: "c.md")
    #expect(front.diagnostics.first?.message == "YAML anchors and aliases are not supported in front matter")
    #expect(front.diagnostics.first?.location == SourceLocation(file: "c.md", line: 2, column: 8))
}
