import Foundation

/// What a compiled Swift-cell program tells the workbook, one message per line.
///
/// The child process writes each message as one JSON line on its standard
/// output, after `CellMessage.marker(nonce:)`, so that the workbook can split
/// `print` output per cell and tell where the program stopped: a cell with a
/// `.begin` and no `.end` is the one that trapped. The nonce is random per run,
/// so a reader's `print` cannot forge a message by accident.
public enum CellMessage: Codable, Sendable, Equatable {
    /// Cell `index` (0-based, in document order) starts.
    case begin(index: Int)
    /// Cell `index` ran to its end.
    case end(index: Int)
    case value(name: String, value: Double)
    case numbers(name: String, values: [Double])
    case table(Table)
    case figure(svg: String, summary: String)
    /// The outcome of `check(_:equals:tolerance:)`, at the chapter line of the call.
    case check(CheckOutcome)

    /// The prefix of a message line: a control character no `print` of text
    /// produces by chance, the word `workbook`, and the run's nonce.
    public static func marker(nonce: String) -> String { "\u{1}workbook-\(nonce) " }

    /// The environment variable that passes the nonce to the child.
    public static let nonceVariable = "WORKBOOK_CELL_NONCE"

    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }()

    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }()
}

/// A table a cell shows with `show(_ table:)`.
public struct Table: Codable, Sendable, Equatable {
    public var name: String
    public var columns: [String]
    public var rows: [[TableEntry]]

    public init(name: String = "", columns: [String], rows: [[TableEntry]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}

/// One entry of a `Table`: a number (kept at full precision for the JSON
/// record) or text. Literals work directly: `[["sigmoid", 0.5]]`.
public enum TableEntry: Codable, Sendable, Equatable, ExpressibleByStringLiteral,
    ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    case number(Double)
    case text(String)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
}

/// What `check` found: a pass, or the first element that differs by more than
/// the tolerance, with both values.
public struct CheckOutcome: Codable, Sendable, Equatable {
    public var passed: Bool
    /// What was compared, e.g. `3 numbers` or `a 2×3 matrix`.
    public var subject: String
    public var tolerance: Double
    /// The first differing element's index (flattened, row-major), if any.
    public var index: Int?
    public var mine: Double?
    public var reference: Double?
    /// Why the comparison failed when it is not an element (shapes differ).
    public var problem: String?
    /// Where `check` was called: the chapter file and line (`#sourceLocation` makes them so).
    public var file: String
    public var line: Int

    public init(passed: Bool, subject: String, tolerance: Double, index: Int? = nil, mine: Double? = nil,
                reference: Double? = nil, problem: String? = nil, file: String, line: Int) {
        self.passed = passed
        self.subject = subject
        self.tolerance = tolerance
        self.index = index
        self.mine = mine
        self.reference = reference
        self.problem = problem
        self.file = file
        self.line = line
    }
}
