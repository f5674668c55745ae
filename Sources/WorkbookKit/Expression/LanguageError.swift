/// An error in one of Workbook's three small languages (expressions,
/// TeX, highlighting input).
///
/// It carries a position *inside the string that was given* rather than a
/// file location, because the languages do not know where their text came
/// from: the Markdown layer adds the file, line and column offset and can
/// then print a caret line under the culprit, as the Swift compiler does.
public struct LanguageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in one sentence, without a trailing period.
    public var message: String
    /// 1-based column of the first offending character, counted in
    /// `Character`s of the given string. One past the end for
    /// "unexpected end" errors.
    public var column: Int
    /// How many characters the caret should cover (at least 1).
    public var length: Int
    /// An optional suggestion such as "write 2*x" or "did you mean 'exp'?".
    public var hint: String?

    public init(message: String, column: Int, length: Int = 1, hint: String? = nil) {
        self.message = message
        self.column = column
        self.length = max(1, length)
        self.hint = hint
    }

    /// How many UTF-8 bytes of `source` precede the culprit. Diagnostics count
    /// columns in bytes (as cmark and swiftc do), this error in characters; a
    /// caller placing the error in a file adds this to the column where `source` starts.
    public func byteOffset(in source: String) -> Int {
        String(source.prefix(max(0, column - 1))).utf8.count + max(0, column - 1 - source.count)
    }

    public var description: String {
        var text = "column \(column): \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }
}
