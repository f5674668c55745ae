import Foundation
import Yams

/// `workbook.yml`: settings for the whole workbook. Every key is optional,
/// and a missing file means all defaults, so a folder of chapters is enough
/// to start.
public struct WorkbookSettings: Sendable, Equatable {
    /// Site title. Default `"Workbook"`.
    public var title: String
    /// Seed for every random number generator, so builds are reproducible. Default 0.
    public var seed: Int
    /// Directory with data sets, relative to the workbook; nil if not given.
    public var data: String?
    /// Who wrote the workbook: `<meta name="author">` on every page.
    public var author: String?
    /// The workbook's editions (`editions:`), first edition first; empty means
    /// one edition, the chapters folder itself. See `EditionDeclaration`.
    public var editions: [EditionDeclaration] = []

    public init(title: String = "Workbook", seed: Int = 0, data: String? = nil, author: String? = nil) {
        self.title = title
        self.seed = seed
        self.data = data
        self.author = author
    }

    public static let knownKeys = ["author", "data", "editions", "seed", "title"]

    /// Reads the file at `path`; defaults (and no diagnostics) if it does not
    /// exist. Bad values are reported and replaced by their default.
    public static func load(path: String) -> (settings: WorkbookSettings, diagnostics: [Diagnostic]) {
        let loaded = read(path: path)
        return (loaded.settings, loaded.diagnostics)
    }

    /// What `load(path:)` returns, and the text its diagnostics point into.
    public struct Loaded: Sendable {
        public var settings: WorkbookSettings
        public var diagnostics: [Diagnostic]
        /// The file's text (line endings made `\n`), nil if it was not read.
        public var source: String?
    }

    /// Like `load(path:)`, keeping the source for caret lines. A file that is
    /// not a regular file, not UTF-8 or a symlink out of `root` is a located error.
    public static func read(path: String, root: String? = nil) -> Loaded {
        interpret(SourceFile.readSettings(path, root: root), root: root)
    }

    /// The settings in a `workbook.yml` already read (nil: there is none).
    static func interpret(_ file: SourceFile?, root: String?) -> Loaded {
        guard let file else { return Loaded(settings: WorkbookSettings(), diagnostics: [], source: nil) }
        let path = file.path
        switch file.contents {
        case .refused(let diagnostic):
            return Loaded(settings: WorkbookSettings(), diagnostics: [diagnostic], source: nil)
        case .text(let text):
            let source = LineEndings.normalized(text)
            let (settings, parsed, dataLocation) = read(yaml: source, file: path)
            var diagnostics = parsed
            if let data = settings.data, let root {
                let directory = data.hasPrefix("/") ? data : (root as NSString).appendingPathComponent(data)
                var isDirectory: ObjCBool = false
                if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
                    diagnostics.append(.error(
                        "data folder '\(data)' does not exist (looked for \(directory))",
                        at: dataLocation ?? SourceLocation(file: path, line: 1, column: 1),
                        hint: "give a folder, relative to the workbook folder, that holds the four MNIST-format files",
                        length: max(1, data.utf8.count)))
                }
            }
            return Loaded(settings: settings, diagnostics: diagnostics, source: source)
        }
    }

    /// Parses settings text; `file` is used in diagnostic locations.
    public static func parse(yaml: String, file: String) -> (settings: WorkbookSettings, diagnostics: [Diagnostic]) {
        let read = read(yaml: yaml, file: file)
        return (read.settings, read.diagnostics)
    }

    /// `parse`, and where the value of `data:` is (for the check that its folder exists).
    private static func read(yaml: String, file: String)
        -> (settings: WorkbookSettings, diagnostics: [Diagnostic], dataLocation: SourceLocation?) {
        var dataLocation: SourceLocation?
        var settings = WorkbookSettings()
        var diagnostics: [Diagnostic] = []
        let positions = YAMLPositions(yaml: yaml, file: file, firstLine: 1)
        let mapping: Node.Mapping
        switch positions.readMapping(yaml, what: "workbook.yml", shape: "such as 'title: …'") {
        case .refused(let problem): return (settings, [problem], nil)
        case .mapping(nil): return (settings, [], nil)
        case .mapping(let read?): mapping = read
        }
        for (key, value) in mapping {
            let name = key.string ?? ""
            let at = positions.location(value.mark)
            func text() -> String? {
                guard case .scalar(let scalar) = value, value.null == nil, !scalar.string.chapterTrimmed.isEmpty else {
                    diagnostics.append(.error("'\(name)' must be text", at: at))
                    return nil
                }
                return scalar.string.chapterTrimmed
            }
            switch name {
            case "title":
                if let title = text() { settings.title = title }
            case "seed":
                if case .scalar(let scalar) = value, scalar.style == .plain || scalar.style == .any,
                   let seed = Int(scalar.string) {
                    settings.seed = seed
                } else {
                    diagnostics.append(.error(
                        "'seed' must be a whole number", at: at, hint: "for example 'seed: 42'",
                        length: max(1, (value.string ?? "").utf8.count)))
                }
            case "data":
                settings.data = text()
                dataLocation = at
            case "author": settings.author = text()
            case "editions":
                let (editions, problems) = EditionDeclaration.parseList(value, positions: positions)
                settings.editions = editions
                diagnostics += problems
            default:
                diagnostics.append(.warning(
                    "unknown setting '\(name)'", at: positions.location(key.mark),
                    hint: "known settings: \(knownKeys.joined(separator: ", "))", length: max(1, name.utf8.count)))
            }
        }
        return (settings, diagnostics, dataLocation)
    }
}
