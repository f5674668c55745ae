import Foundation
import Testing
@testable import WorkbookKit

// Control characters (NUL, BEL, ESC, DEL, C1) pasted or planted in a chapter:
// a located warning, U+FFFD on the page, a visible picture on the terminal;
// never a raw control byte in an output file or a terminal line.

private let hostile = """
---
title: T
---

# Head\u{1B}[31m red

Text $x\u{0}y$ and\u{7} bell\u{7F}.

```run loss
label: "fig-\\e]0;pwned\\a"
caption: "cap\\x9b"
y: [0.1, 0.9]
t: 1
```

```run plot
f: "x\u{0}+1"
x: [0, 5]
```

"""

/// The C0 controls other than tab, LF and CR, DEL and the C1 controls in `text`.
private func controlCharacters(in text: String) -> [Unicode.Scalar] {
    text.unicodeScalars.filter(ControlCharacters.isControl)
}

@Test func controlCharactersAreWarnedAtTheirLineAndColumn() {
    let chapter = Chapter.parse(source: hostile, path: "c.md")
    let warnings = chapter.diagnostics.filter { $0.message.hasPrefix("control character") }
    #expect(warnings.map(\.location.line) == [5, 7, 17])
    #expect(warnings.map(\.location.column) == [7, 8, 6])
    #expect(warnings[0].message.contains("U+001B"))
    #expect(warnings[1].message.contains("U+0000"))
}

@Test func controlCharacterWarningsStopAfterFiveLines() {
    let source = "---\ntitle: T\n---\n\n" + String(repeating: "a\u{7}b\u{7}\n\n", count: 40)
    let warnings = Chapter.parse(source: source, path: "c.md").diagnostics.filter { $0.message.contains("control character") }
    #expect(warnings.count == 6)
    #expect(warnings.last?.message == "control characters on 35 more lines")
}

@Test func noControlCharacterReachesAnOutputFileOrATerminalLine() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let options = try workbookOptions(in: root, chapters: ["01-c.md": hostile])
    let lines = EventCollector()
    _ = try WorkbookBuilder(options: options, log: lines.log).build()

    let diagnostics = lines.diagnostics.joined(separator: "\n")
    #expect(controlCharacters(in: diagnostics).isEmpty)
    #expect(diagnostics.contains("# Head\u{241B}[31m red"))  // the source line shows the ESC as ␛
    // cmark hands the cell's text over with the NUL made U+FFFD; the warning above it names the NUL.
    #expect(diagnostics.contains("error: unexpected U+FFFD after the end of the expression\nf: \"x\u{2400}+1\""))
    var checked = 0
    let enumerator = try #require(FileManager.default.enumerator(atPath: options.output))
    while let path = enumerator.nextObject() as? String {
        guard [".html", ".svg", ".json"].contains(where: path.hasSuffix) else { continue }
        let text = try String(contentsOfFile: options.output + "/" + path, encoding: .utf8)
        // JSON escapes C0 controls itself and allows C1 ones in strings (the record keeps the caption's text).
        let found = controlCharacters(in: text).filter { !path.hasSuffix(".json") || $0.value < 0x80 }
        #expect(found.isEmpty, "\(path)")
        checked += 1
    }
    #expect(checked >= 3)
    let page = try String(contentsOfFile: options.output + "/01-c.html", encoding: .utf8)
    #expect(page.contains("Head\u{FFFD}[31m red"))
}

@Test func invisibleCharactersAreNamedByCodePointInMessages() {
    #expect(ControlCharacters.quoted("x") == "'x'")
    #expect(ControlCharacters.quoted("\u{0}") == "U+0000")
    #expect(ControlCharacters.quoted("\u{FFFD}") == "U+FFFD")
    #expect(ControlCharacters.quoted("\u{200B}") == "U+200B")
    #expect(ControlCharacters.quoted("\u{A0}") == "U+00A0")
}

@Test func theCaretStaysUnderItsCharacterWhenControlsAreShownAsPictures() {
    let diagnostic = Diagnostic.error("boom", at: SourceLocation(file: "c.md", line: 1, column: 4))
    let text = diagnostic.formatted(source: "a\u{7}\u{1B}b")
    #expect(text == "c.md:1:4: error: boom\na\u{2407}\u{241B}b\n   ^")
}

/// A warning inside a cell is shown with it, but the cell is still checked and run
/// (before, any chapter diagnostic in a cell's lines made it fail with no error).
@Test func aWarningInsideACellNeitherStopsItNorMarksItFailed() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let options = try workbookOptions(in: root, chapters: [
        "01-c.md": "---\ntitle: T\n---\n\n```run loss\ny: [0.1, 0.9]  # a NUL\u{0}\nt: 1\n```\n"])
    let report = try WorkbookBuilder(options: options, log: .silent).build()
    #expect(report.ran == 1 && report.failed == 0)
    let page = try String(contentsOfFile: options.output + "/01-c.html", encoding: .utf8)
    #expect(!page.contains("cell-failed"))
    #expect(page.contains("warning: control character U+0000"))
}
