import Testing
import WorkbookKit

@Test func locationPrintsLikeTheCompiler() {
    #expect(SourceLocation(file: "chapters/01.md", line: 3, column: 5).description == "chapters/01.md:3:5")
}
