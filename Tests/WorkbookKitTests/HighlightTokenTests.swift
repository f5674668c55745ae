import Foundation
import Testing
import WorkbookKit

private func span(_ kind: String, _ text: String) -> String { "<span class=\"tok-\(kind)\">\(text)</span>" }

@Test func unknownLanguageIsOnlyEscaped() {
    #expect(SyntaxHighlighter.highlight(#"a < b && c > "d""#, language: "text") == "a &lt; b &amp;&amp; c &gt; &quot;d&quot;")
    #expect(SyntaxHighlighter.highlight("", language: "swift") == "")
    #expect(SyntaxHighlighter.highlight("", language: "yaml") == "")
}

@Test func languageNamesAreCaseInsensitiveWithAliases() {
    #expect(SyntaxHighlighter.highlight("let", language: "Swift") == span("keyword", "let"))
    #expect(SyntaxHighlighter.highlight("def", language: "py") == span("keyword", "def"))
    #expect(SyntaxHighlighter.highlight("a: 1", language: "yml") == span("key", "a") + span("punct", ":") + " " + span("number", "1"))
}

// MARK: Swift

private let swiftCases: [(String, String)] = [
    ("let x = 1", span("keyword", "let") + " x = " + span("number", "1")),
    ("var s: String", span("keyword", "var") + " s: " + span("type", "String")),
    ("1e-4 0x1F 1_000 0b1010 0o17 3.14 0x1p-3", [span("number", "1e-4"), span("number", "0x1F"), span("number", "1_000"), span("number", "0b1010"), span("number", "0o17"), span("number", "3.14"), span("number", "0x1p-3")].joined(separator: " ")),
    ("@Test func f()", span("attr", "@Test") + " " + span("keyword", "func") + " f()"),
    ("#expect(a)", span("attr", "#expect") + "(a)"),
    ("#if DEBUG", span("keyword", "#if") + " " + span("type", "DEBUG")),
    ("// a < b", span("comment", "// a &lt; b")),
    ("/// Doc.", span("comment", "/// Doc.")),
    ("/* a /* b */ c */ d", span("comment", "/* a /* b */ c */") + " d"),
    (#""a\"b""#, span("string", #"&quot;a\&quot;b&quot;"#)),
    (#""x \(y + 1) z""#, span("string", "&quot;x ") + span("punct", #"\("#) + "y + " + span("number", "1") + span("punct", ")") + span("string", " z&quot;")),
    (#""a \(f("b")) c""#, span("string", "&quot;a ") + span("punct", #"\("#) + "f(" + span("string", "&quot;b&quot;") + ")" + span("punct", ")") + span("string", " c&quot;")),
    ("\"\"\"\nab\n\"\"\"", span("string", "&quot;&quot;&quot;") + "\n" + span("string", "ab") + "\n" + span("string", "&quot;&quot;&quot;")),
    (##"#"a \(b) "c""#"##, span("string", "#&quot;a \\(b) &quot;c&quot;&quot;#")),
    ("`default`", "`default`"),
    ("x.map { $0 & 1 }", "x.map { $0 &amp; 1 }".replacingOccurrences(of: "1 }", with: span("number", "1") + " }")),
]

@Test(arguments: swiftCases)
func swiftTokens(code: String, html: String) {
    #expect(SyntaxHighlighter.highlight(code, language: "swift") == html, "\(code)")
}

@Test func swiftUnterminatedConstructsDoNotSwallowTheFile() {
    #expect(SyntaxHighlighter.highlight("let s = \"abc\nlet t", language: "swift")
            == span("keyword", "let") + " s = " + span("string", "&quot;abc") + "\n" + span("keyword", "let") + " t")
    #expect(SyntaxHighlighter.highlight("/* open", language: "swift") == span("comment", "/* open"))
}

/// `"\("\("\(…` re-read the rest of the line once per level, and each level
/// was a recursive call: 50 000 levels ran for minutes, then overflowed the stack.
/// Past `maximumInterpolationDepth` the text is kept, unhighlighted.
@Test func deeplyNestedInterpolationsAreBoundedAndKeepTheirText() {
    let code = "let s = " + String(repeating: #""\("#, count: 20_000)
    let html = SyntaxHighlighter.highlight(code, language: "swift")
    let text = html.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
        .replacingOccurrences(of: "&quot;", with: "\"")
    #expect(text == code)
    // The first levels are still highlighted as code.
    #expect(html.hasPrefix(span("keyword", "let") + " s = " + span("string", "&quot;") + span("punct", #"\("#)))
}

@Test func multiLineTokensAreSplitAtLineBreaks() {
    #expect(SyntaxHighlighter.highlight("/* a\nb */", language: "swift") == span("comment", "/* a") + "\n" + span("comment", "b */"))
    #expect(SyntaxHighlighter.highlight("/* a\r\nb */", language: "swift") == span("comment", "/* a") + "\r\n" + span("comment", "b */"))
}

// MARK: Python

private let pythonCases: [(String, String)] = [
    ("def f(x):", span("keyword", "def") + " f(x):"),
    ("h = 1e-4 # 0.0001", "h = " + span("number", "1e-4") + " " + span("comment", "# 0.0001")),
    ("x = .5 + 3j", "x = " + span("number", ".5") + " + " + span("number", "3j")),
    ("@decorator.name\ndef g(): pass", span("attr", "@decorator.name") + "\n" + span("keyword", "def") + " g(): " + span("keyword", "pass")),
    ("a @ b", "a @ b"),
    ("r'\\d' b\"x\" u'y'", span("string", "r&#39;\\d&#39;") + " " + span("string", "b&quot;x&quot;") + " " + span("string", "u&#39;y&#39;")),
    ("'''a\nb'''", span("string", "&#39;&#39;&#39;a") + "\n" + span("string", "b&#39;&#39;&#39;")),
    ("f\"{x}\"", span("string", "f&quot;") + span("punct", "{") + "x" + span("punct", "}") + span("string", "&quot;")),
    ("f\"{{x}}\"", span("string", "f&quot;{{x}}&quot;")),
    ("None True False", span("keyword", "None") + " " + span("keyword", "True") + " " + span("keyword", "False")),
    ("class Net: x = int(2)", span("keyword", "class") + " " + span("type", "Net") + ": x = " + span("type", "int") + "(" + span("number", "2") + ")"),
    ("fr = 1", "fr = " + span("number", "1")),
]

@Test(arguments: pythonCases)
func pythonTokens(code: String, html: String) {
    #expect(SyntaxHighlighter.highlight(code, language: "python") == html, "\(code)")
}

// MARK: YAML

private let yamlCases: [(String, String)] = [
    ("h: 1e-4", span("key", "h") + span("punct", ":") + " " + span("number", "1e-4")),
    ("f: 0.01*x^2 + 0.1*x", span("key", "f") + span("punct", ":") + " " + span("string", "0.01*x^2 + 0.1*x")),
    ("on: true", span("key", "on") + span("punct", ":") + " " + span("keyword", "true")),
    ("v: null", span("key", "v") + span("punct", ":") + " " + span("keyword", "null")),
    ("s: \"a<b\" # c", span("key", "s") + span("punct", ":") + " " + span("string", "&quot;a&lt;b&quot;") + " " + span("comment", "# c")),
    ("url: http://x#y", span("key", "url") + span("punct", ":") + " " + span("string", "http://x#y")),
    ("- 1\n- two", span("punct", "-") + " " + span("number", "1") + "\n" + span("punct", "-") + " " + span("string", "two")),
    ("xs: [1, -2.5, .inf]", span("key", "xs") + span("punct", ":") + " " + span("punct", "[") + span("number", "1") + span("punct", ",") + " " + span("number", "-2.5") + span("punct", ",") + " " + span("number", ".inf") + span("punct", "]")),
    ("\"quoted key\": 1", span("key", "&quot;quoted key&quot;") + span("punct", ":") + " " + span("number", "1")),
    ("# only a comment", span("comment", "# only a comment")),
    ("---\na: 1", span("punct", "---") + "\n" + span("key", "a") + span("punct", ":") + " " + span("number", "1")),
    ("t: |\n  a: 1\nb: 2", span("key", "t") + span("punct", ":") + " " + span("punct", "|") + "\n  " + span("string", "a: 1") + "\n" + span("key", "b") + span("punct", ":") + " " + span("number", "2")),
    ("key:", span("key", "key") + span("punct", ":")),
]

@Test(arguments: yamlCases)
func yamlTokens(code: String, html: String) {
    #expect(SyntaxHighlighter.highlight(code, language: "yaml") == html, "\(code)")
}
