import Foundation
import Testing
@testable import WorkbookKit

@Suite struct SwiftcDiagnosticsTests {
    /// Real `swiftc -diagnostic-style=llvm` output (Swift 6.3), copied from a run.
    let output = """
        chapters/03-x.md:40:14: error: expected ']' in container literal expression
        let a = [1, 2
                     ^
        chapters/03-x.md:40:9: note: to match this opening '['
        let a = [1, 2
                ^
        chapters/03-x.md:42:7: error: cannot find 'undefinedThing' in scope
        print(undefinedThing)
              ^~~~~~~~~~~~~~
        chapters/03-x.md:45:1: warning: result of call to 'f' is unused [#no-usage]
        f(2)
        ^~~~
        chapters/03-x.md:47:11: error: cannot convert value of type 'Double' to type 'Int' in coercion
        let z = y + 1 as Int
                ~~^~~
                Int( )
        error: fatalError
        """

    @Test func headersSourceCaretAndFixItAreRead() {
        let parsed = SwiftcDiagnostics.parse(output)
        #expect(parsed.diagnostics.map(\.description) == [
            "chapters/03-x.md:40:14: error: expected ']' in container literal expression",
            "chapters/03-x.md:40:9: note: to match this opening '['",
            "chapters/03-x.md:42:7: error: cannot find 'undefinedThing' in scope",
            "chapters/03-x.md:45:1: warning: result of call to 'f' is unused",
            "chapters/03-x.md:47:11: error: cannot convert value of type 'Double' to type 'Int' in coercion",
        ])
        #expect(parsed.diagnostics.map(\.length) == [1, 1, 14, 4, 3])
        #expect(parsed.diagnostics[4].hint == "fix-it: replace with 'Int( )'")
        #expect(parsed.diagnostics[0].hint == nil)
        #expect(parsed.otherLines == ["error: fatalError"])
    }

    @Test func linkerLinesAreKeptAsOtherOutput() {
        let parsed = SwiftcDiagnostics.parse("/usr/bin/ld.gold: error: cannot find -lWorkbookCells\nclang: error: linker command failed with exit code 1\n")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.otherLines.count == 2)
    }
}

@Suite struct SwiftToolchainTests {
    @Test func theRuntimesToolchainIsPreferredToPath() {
        let found = SwiftToolchain.locate(
            environment: ["PATH": "/usr/bin"], runtimeLibrary: "/opt/swift/usr/lib/swift/linux/libswiftCore.so",
            isExecutable: { $0 == "/opt/swift/usr/bin/swiftc" || $0 == "/usr/bin/swiftc" })
        #expect(found == .success(SwiftToolchain(swiftc: "/opt/swift/usr/bin/swiftc")))
    }

    @Test func pathIsTheFallback() {
        let found = SwiftToolchain.locate(environment: ["PATH": "/nowhere:/usr/local/bin"], runtimeLibrary: nil,
                                          isExecutable: { $0 == "/usr/local/bin/swiftc" })
        #expect(found == .success(SwiftToolchain(swiftc: "/usr/local/bin/swiftc")))
    }

    @Test func aMissingToolchainNamesEveryPlaceLookedAt() throws {
        let found = SwiftToolchain.locate(environment: ["PATH": "/a:/b"], runtimeLibrary: "/t/usr/lib/swift/linux/libswiftCore.so",
                                          isExecutable: { _ in false })
        guard case .failure(let missing) = found else { Issue.record("found a compiler"); return }
        #expect(missing.description == "no Swift compiler found to compile Swift cells; looked for WORKBOOK_SWIFTC (not set); /t/usr/bin/swiftc (beside the Swift runtime the tool runs on, /t/usr/lib/swift/linux/libswiftCore.so); swiftc in PATH (/a:/b)")
    }

    @Test func aWrongOverrideIsNamed() {
        let found = SwiftToolchain.locate(environment: ["WORKBOOK_SWIFTC": "/no/swiftc"], runtimeLibrary: nil, isExecutable: { _ in false })
        #expect(found == .failure(SwiftToolchain.Missing(lookedFor: ["WORKBOOK_SWIFTC=/no/swiftc (not an executable file)"])))
    }

    @Test func theRunningToolsRuntimeIsFound() throws {
        let library = try #require(SwiftToolchain.loadedRuntimeLibrary())
        #expect(library.hasSuffix("/libswiftCore.so"))
    }
}

@Suite struct CellTranscriptTests {
    func line(_ json: String) -> [UInt8] { Array("\n\u{1}workbook-N \(json)\n".utf8) }

    @Test func textIsSplitPerCellEvenWhenMessagesArriveInPieces() {
        var stream: [UInt8] = []
        stream += line(#"{"begin":{"index":0}}"#)
        stream += Array("hello\nno newline".utf8)
        stream += line(#"{"value":{"name":"x","value":0.5}}"#)
        stream += line(#"{"end":{"index":0}}"#)
        stream += line(#"{"begin":{"index":1}}"#)
        stream += Array("second\n".utf8)
        var transcript = CellTranscript(nonce: "N", timeouts: [5, 5])
        // One byte at a time: markers and messages split across reads.
        for (i, byte) in stream.enumerated() { transcript.receive([byte][...], at: Double(i)) }
        transcript.finish()
        #expect(transcript.cells[0].items == [.printed("hello\nno newline"), .output(.value(key: "x", name: "x", value: 0.5))])
        #expect(transcript.cells[0].ended)
        #expect(transcript.cells[1].items == [.printed("second\n")])
        #expect(transcript.cells[1].began && !transcript.cells[1].ended)
        #expect(transcript.current == 1)
    }

    @Test func aMessageWithAnotherNonceIsText() {
        var transcript = CellTranscript(nonce: "N", timeouts: [5])
        transcript.receive(line(#"{"begin":{"index":0}}"#)[...], at: 0)
        transcript.receive(Array("\n\u{1}workbook-FAKE {\"end\":{\"index\":0}}\n".utf8)[...], at: 0)
        transcript.finish()
        #expect(!transcript.cells[0].ended)
        #expect(transcript.cells[0].items == [.printed("\n\u{1}workbook-FAKE {\"end\":{\"index\":0}}\n")])
    }

    @Test func textBeyondTheLimitIsCountedButNotKept() {
        var transcript = CellTranscript(nonce: "N", timeouts: [5], textLimit: 10)
        transcript.receive(line(#"{"begin":{"index":0}}"#)[...], at: 0)
        transcript.receive(Array(repeating: UInt8(ascii: "a"), count: 25)[...], at: 0)
        transcript.finish()
        #expect(transcript.cells[0].items == [.printed("aaaaaaaaaa")])
        #expect(transcript.cells[0].droppedBytes == 15)
    }

    @Test func theDeadlineIsTheRunningCellsOwn() {
        var transcript = CellTranscript(nonce: "N", timeouts: [5, 2])
        #expect(transcript.deadline == nil)
        transcript.receive(line(#"{"begin":{"index":0}}"#)[...], at: 100)
        #expect(transcript.deadline == 105)
        transcript.receive((line(#"{"end":{"index":0}}"#) + line(#"{"begin":{"index":1}}"#))[...], at: 103)
        #expect(transcript.deadline == 105)
    }
}

@Suite struct TrapReportTests {
    /// What the Swift 6.3 runtime printed for `a[5]` on a 2-element array (registers and images off).
    let indexOutOfRange = """
        Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range

        *** Signal 4: Backtracing from 0x7f187436df7f... done ***

        *** Program crashed: Illegal instruction at 0x00007f187436df7f ***

        Thread 0 "trap" crashed:

          0      0x00007f187436df7f closure #1 in closure #1 in _assertionFailure(_:_:file:line:flags:) + 623 in libswiftCore.so
          1 [ra] 0x00007f18744f961f _assertionFailure(_:_:file:line:flags:) + 302 in libswiftCore.so
          2 [ra] 0x00007f18749cff65 specialized Array.subscript.getter + 84 in libswiftSwiftOnoneSupport.so
          3 [ra] 0x0000558e1631b411 f(_:) + 32 in trap at chapters/03-x.md:41:13
          4 [ra] 0x0000558e1631b66b main + 570 in trap at chapters/03-x.md:44:19
        ...
        """

    @Test func messageAndChapterFramesAreRead() {
        let report = TrapReport(standardError: "a line the reader wrote\n" + indexOutOfRange, chapterFile: "chapters/03-x.md")
        #expect(report.message == "Fatal error: Index out of range")
        #expect(report.frames == [SourceLocation(file: "chapters/03-x.md", line: 41, column: 13),
                                  SourceLocation(file: "chapters/03-x.md", line: 44, column: 19)])
        #expect(report.otherOutput == "a line the reader wrote")
    }

    @Test func overflowHasNoFatalErrorLine() {
        let text = """

            *** Signal 4: Backtracing from 0x55a5232379ed... done ***

            *** Swift runtime failure: arithmetic overflow ***

              0 [inlined] [system] 0x000055a5232379ed Swift runtime failure: arithmetic overflow in trap at //<compiler-generated>
              1                    0x000055a5232379ed main + 1469 in trap at chapters/03-x.md:47:53
            """
        let report = TrapReport(standardError: text, chapterFile: "chapters/03-x.md")
        #expect(report.message == "Swift runtime failure: arithmetic overflow")
        #expect(report.frames == [SourceLocation(file: "chapters/03-x.md", line: 47, column: 53)])
    }
}
