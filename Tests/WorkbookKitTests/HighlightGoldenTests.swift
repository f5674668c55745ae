import Foundation
import Testing
import WorkbookKit

private func page(_ language: String, _ code: String) -> String {
    "<pre><code class=\"language-\(language)\">" + SyntaxHighlighter.highlight(code, language: language) + "</code></pre>\n"
}

@Test func swiftMatchesTheGoldenFile() throws {
    try GoldenFile.check(page("swift", HighlightSamples.swift), against: "highlight-swift.html")
}

@Test func pythonMatchesTheGoldenFile() throws {
    try GoldenFile.check(page("python", HighlightSamples.python), against: "highlight-python.html")
}

@Test func yamlMatchesTheGoldenFile() throws {
    try GoldenFile.check(page("yaml", HighlightSamples.yaml), against: "highlight-yaml.html")
}

@Test(arguments: ["swift", "python", "yaml", "text"])
func highlightingOnlyAddsSpans(language: String) {
    // Removing the spans and unescaping must give back the code exactly.
    for code in [HighlightSamples.swift, HighlightSamples.python, HighlightSamples.yaml] {
        let html = SyntaxHighlighter.highlight(code, language: language)
        #expect(unescape(stripSpans(html)) == code)
    }
}

@Test(arguments: ["swift", "python", "yaml"])
func spansNeverCrossALineBreak(language: String) {
    for code in [HighlightSamples.swift, HighlightSamples.python, HighlightSamples.yaml] {
        for line in SyntaxHighlighter.highlight(code, language: language).split(separator: "\n", omittingEmptySubsequences: false) {
            let opened = line.components(separatedBy: "<span ").count - 1
            let closed = line.components(separatedBy: "</span>").count - 1
            #expect(opened == closed, "\(line)")
        }
    }
}

private func stripSpans(_ html: String) -> String {
    var out = "", rest = Substring(html)
    while let open = rest.range(of: "<span class=\"") {
        out += rest[..<open.lowerBound]
        rest = rest[open.upperBound...]
        rest = rest[rest.range(of: "\">")!.upperBound...]
    }
    out += rest
    return out.replacingOccurrences(of: "</span>", with: "")
}

private func unescape(_ s: String) -> String {
    s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
}
