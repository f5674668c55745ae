/// What a run cell computes, written so that two editions' copies of a cell
/// can be compared: the directive and every parameter apart from those that
/// only change how the result is shown.
///
/// Presentation is the caption, `echo`, and the words a cell draws into its
/// figure (`labels`). Those may differ between editions; everything else must
/// agree for the cell to be computed once for all editions.
public struct CellSignature: Sendable, Equatable, CustomStringConvertible {
    /// Parameters that do not change what a cell computes.
    public static let presentationParameters: Set<String> = ["caption", "echo", "labels"]
    /// Presentation parameters whose words are drawn into the figure: the
    /// edition translates them at render time instead of running the cell again.
    public static let figureWordParameters: Set<String> = ["labels"]

    public let description: String

    public init(_ cell: RunCell) {
        let parameters = cell.parameters
            .filter { !CellSignature.presentationParameters.contains($0.key) }
            .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            .map { "\($0.key)=\(CellSignature.text($0.value))" }
        // A Swift cell computes its code: both editions must run the same program.
        let code = cell.kind == .swift ? [cell.swiftSource.code] : []
        description = ([cell.directive] + parameters + code).joined(separator: "\n")
    }

    /// A value without its source locations or YAML layout.
    private static func text(_ value: ParameterValue) -> String {
        switch value {
        case .scalar(let text, _, let quoted): return quoted ? text.debugDescription : text
        case .list(let items, _): return "[" + items.map(text).joined(separator: ",") + "]"
        case .mapping(let pairs, _): return "{" + pairs.map { "\($0.key):\(text($0.value))" }.joined(separator: ",") + "}"
        case .null: return "~"
        }
    }
}
