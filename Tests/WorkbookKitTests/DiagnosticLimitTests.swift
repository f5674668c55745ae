import Foundation
import Testing
@testable import WorkbookKit

// Like a compiler's error limit: a cell shows at most 20 problems, a chapter at
// most 50 unknown references, then one line saying how many more there were.

@Test func aCellShowsTwentyProblemsAndHowManyMore() {
    let body = (0..<500).map { "k\($0): 1" }.joined(separator: "\n")
    let chapter = Chapter.parse(source: "---\ntitle: T\n---\n\n```run loss\n\(body)\ny: [0.1, 0.9]\nt: 1\n```\n", path: "c.md")
    guard case .invalid(let problems) = CellValidator(registry: .standard).validate(chapter.cells[0]) else {
        Issue.record("the cell validated"); return
    }
    #expect(problems.count == 21)
    #expect(problems[0].message == "unknown parameter 'k0'")
    #expect(problems[19].location.line == 25)
    #expect(problems[20].message == "480 more problems in this cell not shown")
    #expect(problems[20].location == problems[19].location)
}

@Test func aChapterShowsFiftyUnknownReferencesAndHowManyMore() throws {
    let prose = (0..<300).map { "See @fig-none\($0)." }.joined(separator: "\n\n")
    let chapter = Chapter.parse(source: "---\ntitle: T\n---\n\n\(prose)\n", path: "c.md")
    let site = SiteMapBuilder.make(title: "W", chapters: [chapter], figureLabels: [:])
    let problems = PlanStep.unknownReferences(in: chapter, site: site)
    #expect(problems.count == 51)
    #expect(problems.last?.message == "250 more unknown references in this chapter not shown")
}
