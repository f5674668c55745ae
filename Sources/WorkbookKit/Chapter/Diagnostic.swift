/// A problem found while reading a workbook source, pinned to a place in it.
///
/// Every layer (chapters, directives, expressions, build) reports problems
/// with this one type so the command line can print them uniformly, like the
/// Swift compiler does (see `formatted(source:)`). It is an `Error` so a layer
/// may also `throw` a single fatal one.
public struct Diagnostic: Sendable, Equatable, Hashable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable, Hashable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 2
            case .warning: 1
            case .note: 0
            }
        }

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    public var message: String
    /// Where the caret points. Columns count UTF-8 bytes, like cmark and swiftc.
    public var location: SourceLocation
    /// Fix-it text shown as a `note:` line below the caret, if any.
    public var hint: String?
    /// How many columns the caret line underlines (`^` plus `length - 1` `~`).
    public var length: Int

    public init(
        _ severity: Severity, _ message: String, at location: SourceLocation,
        hint: String? = nil, length: Int = 1
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
        self.length = max(1, length)
    }

    /// Labelled form, for call sites that read better spelled out.
    public init(
        severity: Severity, message: String, location: SourceLocation,
        hint: String? = nil, length: Int = 1
    ) {
        self.init(severity, message, at: location, hint: hint, length: length)
    }

    public static func error(_ message: String, at location: SourceLocation, hint: String? = nil, length: Int = 1) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint, length: length)
    }

    public static func warning(_ message: String, at location: SourceLocation, hint: String? = nil, length: Int = 1) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint, length: length)
    }

    public static func note(_ message: String, at location: SourceLocation, hint: String? = nil, length: Int = 1) -> Diagnostic {
        Diagnostic(.note, message, at: location, hint: hint, length: length)
    }

    /// `file:line:column: severity: message`, the first line of `formatted(source:)`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
