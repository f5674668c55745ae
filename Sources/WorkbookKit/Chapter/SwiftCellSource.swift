/// A fenced block whose info string is `swift run`: Swift code the reader
/// wrote, with its options read from leading `//| key: value` lines (Quarto's
/// `#|` convention, in a Swift comment so the block stays valid Swift). The
/// option lines, without `//|`, are one YAML mapping (`SwiftCellOptionReader`).
///
///     //| label: fig-my-descent
///     //| caption: My own gradient descent
///     let path = gradientDescent(…)
public struct SwiftCellSource: Sendable, Equatable {
    public var options: SwiftCellOptions
    /// The code after the option lines.
    public var code: String
    /// Where `code` starts in the chapter (its first line, column 1 of the body).
    public var codeLocation: SourceLocation
    /// Problems with the option lines (unknown option, bad value).
    public var diagnostics: [Diagnostic]
    /// The known options as written, with locations.
    public var parameters: [CellParameter] = []
    /// When a YAML error stopped the option lines: the known options before it.
    var pairsBeforeError: [CellParameter] = []
    /// Where the YAML error that stopped the option lines points, if one did.
    var stoppedAt: SourceLocation?

    public init(options: SwiftCellOptions, code: String, codeLocation: SourceLocation, diagnostics: [Diagnostic] = []) {
        self.options = options
        self.code = code
        self.codeLocation = codeLocation
        self.diagnostics = diagnostics
    }

    /// Reads the options of a cell whose body (as cmark gives it) starts at `bodyLocation`.
    public init(body: String, bodyLocation: SourceLocation) {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let reader = SwiftCellOptionReader(lines: lines, bodyLocation: bodyLocation)
        self.options = reader.options
        self.diagnostics = reader.diagnostics
        self.parameters = reader.parameters
        self.pairsBeforeError = reader.pairsBeforeError
        self.stoppedAt = reader.stoppedAt
        self.code = lines.dropFirst(reader.optionLines).joined(separator: "\n")
        self.codeLocation = SourceLocation(file: bodyLocation.file, line: bodyLocation.line + reader.optionLines, column: 1)
    }

    /// How many lines `code` spans (a trailing newline does not start a line).
    public var lineCount: Int {
        var count = code.reduce(into: 1) { n, ch in if ch == "\n" { n += 1 } }
        if code.hasSuffix("\n") { count -= 1 }
        return max(count, 1)
    }
}

/// The options of a Swift cell; the same names and meanings as a directive's.
public struct SwiftCellOptions: Sendable, Equatable {
    public var label: String?
    public var caption: String?
    /// Show the code on the page (default true).
    public var echo: Bool = true
    /// Seconds this cell may run before the program is stopped.
    public var timeout: Double?

    public static let names = ["label", "caption", "echo", "timeout"]
    /// What a cell may take when it sets no `timeout`.
    public static let defaultTimeout: Double = 30

    public init(label: String? = nil, caption: String? = nil, echo: Bool = true, timeout: Double? = nil) {
        self.label = label
        self.caption = caption
        self.echo = echo
        self.timeout = timeout
    }
}
