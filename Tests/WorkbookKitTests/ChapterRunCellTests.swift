import Testing
@testable import WorkbookKit

private func loc(_ line: Int, _ column: Int) -> WorkbookKit.SourceLocation {
    WorkbookKit.SourceLocation(file: "c.md", line: line, column: column)
}

private func parse(_ body: String) -> Chapter {
    Chapter.parse(source: "---\ntitle: T\n---\n" + body, path: "c.md")
}

@Test func runCellDirectiveAndLocations() throws {
    let chapter = parse("\n```run   train\nlr: [10, 0.1, 1e-10]  # rates\nepochs: 3\n```\n")
    let cell = try #require(chapter.cells.first)
    #expect(cell.directive == "train")
    #expect(cell.location == loc(5, 1))
    #expect(cell.directiveLocation == loc(5, 10))
    #expect(cell.bodyLocation == loc(6, 1))
    #expect(cell.body == "lr: [10, 0.1, 1e-10]  # rates\nepochs: 3\n")
    #expect(cell.parameters.map(\.key) == ["lr", "epochs"])
    #expect(cell["lr"]?.keyLocation == loc(6, 1))
    #expect(cell["lr"]?.value == .list([
        .scalar("10", loc(6, 6), quoted: false),
        .scalar("0.1", loc(6, 10), quoted: false),
        .scalar("1e-10", loc(6, 15), quoted: false),
    ], loc(6, 5)))
    #expect(cell["epochs"]?.value == .scalar("3", loc(7, 9), quoted: false))
    #expect(chapter.diagnostics.isEmpty)
}

@Test func blockListsNestedMappingsNullsAndQuotes() throws {
    let body = """

        ```run net
        layers:
          - 784
          - {size: 30, act: 'relu'}
        opts:
          decay:
          name: "x y"
          note: |
            text
        ```

        """
    let cell = try #require(parse(body).cells.first)
    #expect(cell["layers"]?.value == .list([
        .scalar("784", loc(7, 5), quoted: false),
        .mapping([
            CellParameter(key: "size", keyLocation: loc(8, 6), value: .scalar("30", loc(8, 12), quoted: false)),
            CellParameter(key: "act", keyLocation: loc(8, 16), value: .scalar("relu", loc(8, 21), quoted: true)),
        ], loc(8, 5)),
    ], loc(7, 3)))
    guard case .mapping(let opts, _) = cell["opts"]?.value else {
        Issue.record("opts is not a mapping")
        return
    }
    #expect(opts.map(\.key) == ["decay", "name", "note"])
    #expect(opts[0].value == .null(loc(10, 9)))
    #expect(opts[1].value == .scalar("x y", loc(11, 9), quoted: true))
    #expect(opts[2].value.scalarText == "text\n")
}

@Test func indentedFenceShiftsColumns() throws {
    let cell = try #require(parse("\n   ~~~ run plot\n   x: épo\n   y: 2\n   ~~~\n").cells.first)
    #expect(cell.directiveLocation == loc(5, 12))
    #expect(cell.bodyLocation == loc(6, 4))
    #expect(cell["x"]?.keyLocation == loc(6, 4))
    #expect(cell["y"]?.value == .scalar("2", loc(7, 7), quoted: false))
}

@Test func columnsAreUTF8BytesAfterNonASCIIText() throws {
    let cell = try #require(parse("\n```run plot\ntitle: é, ü\nnext: [é, 1]\n```\n").cells.first)
    // "next: [é, " is 11 bytes (é is 2), so `1` is at byte column 12.
    guard case .list(let items, _) = cell["next"]?.value else { Issue.record("not a list"); return }
    #expect(items.last == .scalar("1", loc(7, 12), quoted: false))
}

@Test func yamlSyntaxErrorIsLocatedAndCellKept() throws {
    let chapter = parse("\n```run train\nlr: 0.1\nepochs: [1, 2\nbatch: 3\n```\n")
    let cell = try #require(chapter.cells.first)
    #expect(cell.parameters.isEmpty)
    let error = try #require(chapter.diagnostics.first)
    #expect(error.severity == .error)
    #expect(error.message.hasPrefix("run cell body is not valid YAML"))
    #expect(error.location.line == 8 || error.location.line == 9)
}

@Test func tabIndentationErrorIsLocated() throws {
    let chapter = parse("\n```run train\nlr: 0.1\n\tepochs: 2\n```\n")
    let error = try #require(chapter.diagnostics.first)
    #expect(error.location == loc(7, 1))
}

@Test func duplicateKeyIsReportedAtTheSecondOccurrence() throws {
    let chapter = parse("\n```run train\nlr: 0.1\nepochs: 2\nlr: 0.2\n```\n")
    #expect(chapter.diagnostics == [.error(
        "duplicate key 'lr' in run cell body", at: loc(8, 1),
        hint: "each key may appear only once; remove or rename one of them", length: 2)])
    #expect(chapter.cells.count == 1)
}

@Test func bodyThatIsNotAMappingIsAnError() throws {
    let chapter = parse("\n```run train\n- 1\n- 2\n```\n")
    #expect(chapter.diagnostics.map(\.message) == ["run cell body must be a mapping of 'key: value' lines"])
    #expect(chapter.diagnostics.first?.location == loc(6, 1))
}

@Test func runWithoutNameIsAnErrorButStillACell() throws {
    let chapter = parse("\n```run\na: 1\n```\n")
    #expect(chapter.cells.count == 1)
    #expect(chapter.cells.first?.directive == "")
    #expect(chapter.diagnostics.map(\.message) == ["run cell has no directive name"])
    #expect(chapter.diagnostics.first?.location == loc(5, 1))
}

@Test func emptyAndCommentOnlyBodiesHaveNoParameters() throws {
    let chapter = parse("\n```run a\n```\n\n```run b\n# nothing yet\n```\n")
    #expect(chapter.cells.map(\.parameters.count) == [0, 0])
    #expect(chapter.diagnostics.isEmpty)
}

@Test func otherInfoStringsAreCode() {
    let chapter = parse("\n```runner x\na: 1\n```\n")
    #expect(chapter.cells.isEmpty)
    #expect(chapter.blocks == [.code(language: "runner", code: "a: 1\n", location: loc(5, 1))])
}
