import Foundation
import Testing

/// The one golden-file harness of the tests: WorkbookKit's (chapter tree dump,
/// MathML, highlighting, pages, records) and SVGPlot's figures, whose target
/// compiles this same file through a symbolic link (`Tests/SVGPlotTests/GoldenFile.swift`).
///
/// Read from the test bundle (`Golden/` is a `.copy` resource); with
/// `RECORD_GOLDENS=1` the actual output is written to the source tree
/// instead (located via `#filePath`) and the test passes, so a reviewer
/// sees the change in `git diff`.
enum GoldenFile {
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

    static func check(_ actual: String, against name: String, filePath: String = #filePath,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        if recording {
            let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
                .appendingPathComponent("Golden").appendingPathComponent(name)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let base = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        guard let url = Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Golden") else {
            Issue.record("missing golden file Golden/\(name); run with RECORD_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if expected != actual {
            let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
            let line = Array(zip(e, a)).firstIndex(where: { $0.0 != $0.1 }) ?? min(e.count, a.count)
            Issue.record("""
                \(name) differs at line \(line + 1) (RECORD_GOLDENS=1 re-records)
                expected: \(line < e.count ? e[line] : "<end>")
                actual:   \(line < a.count ? a[line] : "<end>")
                """, sourceLocation: sourceLocation)
        }
    }
}
