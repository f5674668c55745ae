import Foundation
import Testing
@testable import SVGPlot
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Well-formedness check on top of `XMLParser`: FoundationXML on Linux returns
/// `true` from `parse()` for mismatched end tags (`<svg><g></svg>`), so the
/// delegate also checks that every end tag closes the innermost open element.
final class WellFormedness: NSObject, XMLParserDelegate {
    private var stack: [String] = []
    private var problems: [String] = []
    private var elements = 0

    /// nil when `text` is well-formed XML with one root element, else the first problem.
    static func problem(in text: String) -> String? {
        let checker = WellFormedness()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = checker
        let ok = parser.parse()
        if !ok { return "parser: \(String(describing: parser.parserError))" }
        if let first = checker.problems.first { return first }
        if !checker.stack.isEmpty { return "unclosed \(checker.stack)" }
        if checker.elements == 0 { return "no element" }
        return nil
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if stack.isEmpty && elements > 0 { problems.append("second root <\(elementName)>") }
        stack.append(elementName)
        elements += 1
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard let open = stack.popLast() else { problems.append("stray </\(elementName)>"); return }
        if open != elementName { problems.append("</\(elementName)> closes <\(open)>") }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        problems.append("error \(parseError)")
    }
}

/// Byte-for-byte comparison with `Golden/<name>.svg`.
/// Re-record with `RECORD_GOLDENS=1 swift test --filter SVGPlotTests`.
@Suite struct GoldenTests {
    @Test(arguments: Gallery.all.map(\.name))
    func golden(_ name: String) throws {
        let svg = Gallery.all.first { $0.name == name }!.figure.render()
        try GoldenFile.check(svg, against: "\(name).svg")
    }

    @Test func xmlParserRejectsMalformedSVG() {
        // Makes sure the well-formedness check below is not a no-op (FoundationXML on Linux).
        #expect(WellFormedness.problem(in: "<svg><g></svg>") != nil)
        #expect(WellFormedness.problem(in: "<svg><g>") != nil)
        #expect(WellFormedness.problem(in: "<svg/><svg/>") != nil)
        #expect(WellFormedness.problem(in: "<svg><text>a < b</text></svg>") != nil)
        #expect(WellFormedness.problem(in: "<svg><text>a &lt; b 日本語</text></svg>") == nil)
    }

    @Test(arguments: Gallery.all.map(\.name))
    func goldenIsWellFormedXML(_ name: String) throws {
        let svg = Gallery.all.first { $0.name == name }!.figure.render()
        let problem = WellFormedness.problem(in: svg)
        #expect(problem == nil, "\(name): \(problem ?? "")")
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
