import Foundation
import Testing
@testable import SVGPlot
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Byte-for-byte comparison with `Golden/<name>.svg`.
/// Re-record with `RECORD_GOLDENS=1 swift test --filter SVGPlotTests`.
@Suite struct GoldenTests {
    static let recording = ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1"

    static func sourceGoldenURL(_ name: String, filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name).svg")
    }

    @Test(arguments: Gallery.all.map(\.name))
    func golden(_ name: String) throws {
        let figure = Gallery.all.first { $0.name == name }!.figure
        let svg = figure.render()
        if Self.recording {
            try svg.write(to: Self.sourceGoldenURL(name), atomically: true, encoding: .utf8)
            return
        }
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "svg", subdirectory: "Golden"),
                               "missing golden \(name).svg — record with RECORD_GOLDENS=1")
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(svg == expected, "\(name).svg differs from its golden; re-record with RECORD_GOLDENS=1 if intended")
    }

    @Test(arguments: Gallery.all.map(\.name))
    func goldenIsWellFormedXML(_ name: String) throws {
        let svg = Gallery.all.first { $0.name == name }!.figure.render()
        let parser = XMLParser(data: Data(svg.utf8))
        let ok = parser.parse()
        #expect(ok, "\(name): \(String(describing: parser.parserError))")
        #expect(!svg.contains("NaN") && !svg.lowercased().contains("nan\"") && !svg.contains("inf\""))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("viewBox=\"0 0 "))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("<title id=") && svg.contains("<desc id="))
        #expect(svg.contains("@media (prefers-color-scheme: dark)"))
        #expect(!svg.contains("http://") || svg.components(separatedBy: "http://").count == 2, "only the xmlns URL")
        #expect(!svg.contains("https://"))
    }
}
