/// A fenced block whose info string is `run NAME`: a request to run directive
/// NAME with the YAML mapping in its body as parameters. Parameters are kept
/// as raw text with locations; the directive layer types and checks them and
/// can point at the exact key or value when something is wrong.
public struct RunCell: Sendable, Equatable {
    /// `NAME` from the info string; empty if it was missing (a diagnostic says so).
    public var directive: String
    /// Location of `NAME` in the info string (fence location if missing).
    public var directiveLocation: SourceLocation
    /// Location of the opening fence.
    public var location: SourceLocation
    /// The body text as cmark gives it (fence indentation removed).
    public var body: String
    /// Top-level keys in the order written. Empty if the body is empty or
    /// did not parse (a diagnostic says so).
    public var parameters: [CellParameter]
    /// Location of the first body line.
    public var bodyLocation: SourceLocation
    /// A directive's YAML cell, or a Swift cell (```swift run, see SwiftCells/).
    public var kind: RunCellKind = .directive
    /// The `label` the cell gives as plain text, read with its parameters at
    /// parse time. When a YAML error stopped the body, it comes from the
    /// top-level pairs written before the error, so that the mistake is one
    /// error and not also an "unknown label" at every `@reference` to the
    /// cell; a label written after the error is not known (`stoppedAt`).
    public var labelText: String?
    /// Where a YAML error stopped reading the body (a Swift cell's `//|`
    /// options); nil when all of it was read.
    public var stoppedAt: SourceLocation?
    /// The problems found in the cell while reading it, in source order: its
    /// fence line (no directive name, extra words), its YAML body or `//|`
    /// options, and control characters on its lines. The chapter's
    /// diagnostics hold them too, once; the plan starts each cell's from these.
    public var diagnostics: [Diagnostic] = []
    /// A Swift cell's code and `//|` options, as read with the cell.
    var swift: SwiftCellSource?

    public init(
        directive: String, directiveLocation: SourceLocation, location: SourceLocation,
        body: String, parameters: [CellParameter], bodyLocation: SourceLocation, kind: RunCellKind = .directive,
        pairsBeforeError: [CellParameter] = [], stoppedAt: SourceLocation? = nil, diagnostics: [Diagnostic] = []
    ) {
        self.kind = kind
        self.labelText = (parameters.isEmpty ? pairsBeforeError : parameters).first { $0.key == "label" }?.value.scalarText
        self.stoppedAt = stoppedAt
        self.diagnostics = diagnostics
        self.directive = directive
        self.directiveLocation = directiveLocation
        self.location = location
        self.body = body
        self.parameters = parameters
        self.bodyLocation = bodyLocation
    }

    /// The first parameter named `key`.
    public subscript(key: String) -> CellParameter? {
        parameters.first { $0.key == key }
    }
}

/// What a run cell's body is.
public enum RunCellKind: String, Sendable, Equatable {
    /// `run NAME`: YAML parameters of directive NAME.
    case directive
    /// `swift run`: Swift code, compiled and run with the chapter's other Swift cells.
    case swift
}

/// `key: value` in a run cell body (or in a nested mapping).
public struct CellParameter: Sendable, Equatable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: ParameterValue

    public init(key: String, keyLocation: SourceLocation, value: ParameterValue) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

/// A YAML value with its location in the chapter file, untyped: `10`, `1e-3`
/// and `true` are all `.scalar` text; the directive layer decides.
public indirect enum ParameterValue: Sendable, Equatable {
    /// `quoted` is true for `'…'`, `"…"` and block (`|`, `>`) scalars:
    /// text the author meant as a string, never a number.
    case scalar(String, SourceLocation, quoted: Bool)
    /// `[a, b]` or a block list of `- a` items.
    case list([ParameterValue], SourceLocation)
    case mapping([CellParameter], SourceLocation)
    /// Empty value, `~` or `null`.
    case null(SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(_, let location, _), .list(_, let location),
             .mapping(_, let location), .null(let location):
            location
        }
    }

    /// The text of a scalar, nil otherwise.
    public var scalarText: String? {
        if case .scalar(let text, _, _) = self { text } else { nil }
    }
}

extension RunCell {
    /// The lines of the cell, from its opening fence to its closing one
    /// (where the closing fence would be, when the file ends first).
    var lines: ClosedRange<Int> {
        let bodyLines = body.isEmpty ? 0 : body.split(separator: "\n", omittingEmptySubsequences: false).count
            - (body.hasSuffix("\n") ? 1 : 0)
        return location.line...(bodyLocation.line + bodyLines)
    }

    /// The cell with `warnings` found on its lines among its diagnostics (the
    /// control-character warnings, found by one scan of the whole chapter).
    func taking(_ warnings: [Diagnostic]) -> RunCell {
        let lines = self.lines
        let own = warnings.filter { lines.contains($0.location.line) }
        guard !own.isEmpty else { return self }
        var cell = self
        cell.diagnostics = (diagnostics + own).sorted { $0.location < $1.location }
        return cell
    }
}
