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

    public init(
        directive: String, directiveLocation: SourceLocation, location: SourceLocation,
        body: String, parameters: [CellParameter], bodyLocation: SourceLocation, kind: RunCellKind = .directive
    ) {
        self.kind = kind
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
    /// The `label` the cell gives, if it gives one as plain text. When the body
    /// is not valid YAML, a top-level `label: NAME` line still counts, so that a
    /// YAML mistake is one error and not also an error at every reference.
    var labelText: String? {
        if let text = self["label"]?.value.scalarText { return text }
        guard parameters.isEmpty else { return nil }
        for line in body.split(separator: "\n") where line.hasPrefix("label:") {
            let value = line.dropFirst("label:".count).split(separator: "#").first ?? ""
            let label = value.trimmingCharacters(in: .whitespaces)
            return label.isEmpty ? nil : label
        }
        return nil
    }
}
