import DeepLearning
import Foundation

/// The entry points of the fuzz targets (`scripts/fuzz`, `Fuzz/FuzzEntry.swift`),
/// kept in the library so that `swift test` replays every committed seed
/// (`Tests/WorkbookKitTests/Fixtures/fuzz/<target>/`) through exactly the
/// code the fuzzer ran. Each takes arbitrary bytes, must never crash or hang,
/// and checks that every error it gets back is located inside the input
/// (a violated check traps, which the fuzzer reports as a crash).
public enum FuzzTargets {
    public static let names = ["expression", "tex", "chapter", "settings", "idx"]

    /// Runs target `name` on `data`; false if there is no such target.
    @discardableResult
    public static func run(_ name: String, _ data: [UInt8]) -> Bool {
        switch name {
        case "expression": expression(data)
        case "tex": tex(data)
        case "chapter": chapter(data)
        case "settings": settings(data)
        case "idx": idx(data)
        default: return false
        }
        return true
    }

    /// Expression parser, evaluator and TeX; the TeX of a valid expression must render.
    public static func expression(_ data: [UInt8]) {
        let text = String(decoding: data, as: UTF8.self)
        do {
            let e = try Expression.parse(text, variables: ["x", "x0", "x1"])
            _ = e.evaluate([0.5, -1, 2])
            _ = e.evaluateFloat([0.5, -1, 2])
            do {
                _ = try MathML.render(e.tex, display: true)
            } catch {
                preconditionFailure("the TeX of a valid expression does not render: \(e.tex): \(error)")
            }
        } catch {
            precondition((1...text.count + 1).contains(error.column), "column \(error.column) outside '\(text)'")
        }
    }

    /// TeX → MathML.
    public static func tex(_ data: [UInt8]) {
        let text = String(decoding: data, as: UTF8.self)
        for display in [false, true] {
            do {
                _ = try MathML.render(text, display: display)
            } catch {
                precondition((1...text.count + 1).contains(error.column), "column \(error.column) outside the TeX")
            }
        }
    }

    /// A chapter: front matter, math, cmark, run-cell YAML, directive checking,
    /// highlighting of every code block and cell body, and MathML of every span;
    /// and the prose writer against cmark's own HTML of the same text (they must be equal).
    public static func chapter(_ data: [UInt8]) {
        let source: String
        switch SourceFileReader.decode(data, file: "c.md", what: "chapter") {
        case .text(let text): source = text
        case .refused(let diagnostic):
            precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
            return
        }
        let chapter = Chapter.parse(source: source, path: "c.md")
        let writer = MarkupHTML(math: { _ in "" }, reference: { _ in "" })
        let (markup, tooDeep) = CmarkParser.markupChecked(chapter.source)
        if tooDeep == nil {  // past the nesting limit the model holds plain text (a warning), not cmark's tree
            let ours = markup.map { writer.html($0) }
            let cmark = CmarkParser.referenceHTML(chapter.source)
            precondition(ours == cmark, "the prose writer differs from cmark: \(ours) vs \(cmark)")
        }
        let lines = chapter.source.split(separator: "\n", omittingEmptySubsequences: false).count
        let validator = CellValidator(registry: .standard)
        var diagnostics = chapter.diagnostics + MathRendering.render(chapter).diagnostics
        for block in chapter.blocks {
            switch block {
            case .code(let language, let code, _):
                _ = SyntaxHighlighter.highlight(code, language: language)
            case .cell(let cell):
                _ = SyntaxHighlighter.highlight(cell.body, language: "yaml")
                if case .invalid(let found) = validator.validate(cell) { diagnostics += found }
            default:
                break
            }
        }
        for diagnostic in diagnostics {
            precondition((1...lines + 1).contains(diagnostic.location.line) && diagnostic.location.column >= 1,
                         "\(diagnostic) is outside the chapter's \(lines) lines")
            _ = diagnostic.formatted(source: chapter.source)
        }
    }

    /// `workbook.yml`.
    public static func settings(_ data: [UInt8]) {
        guard case .text(let text) = SourceFileReader.decode(data, file: "workbook.yml", what: "workbook.yml") else { return }
        let yaml = LineEndings.normalized(text)
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).count
        for diagnostic in WorkbookSettings.parse(yaml: yaml, file: "workbook.yml").diagnostics {
            precondition((1...lines + 1).contains(diagnostic.location.line) && diagnostic.location.column >= 1,
                         "\(diagnostic) is outside workbook.yml's \(lines) lines")
            _ = diagnostic.formatted(source: yaml)
        }
    }

    /// The IDX reader, from bytes and from a file (plain or gzip).
    public static func idx(_ data: [UInt8]) {
        if let images = try? IDXReader.parseImages(data, path: "x") {
            // The training's compact copy from the bytes must hold what the one from the Doubles holds.
            precondition(compactCopiesAgree(images), "the compact copies of the bytes and of the matrix differ")
        }
        _ = try? IDXReader.parseLabels(data, path: "x")
        let path = NSTemporaryDirectory() + "workbook-fuzz-idx-\(getpid())"
        guard FileManager.default.createFile(atPath: path, contents: Data(data)) else { return }
        defer { unlink(path) }
        _ = try? IDXReader.readImages(atPath: path)
        _ = try? IDXReader.readLabels(atPath: path)
    }
}
