import Foundation

/// Where the build reports what it does. The command line prints to the
/// terminal; tests collect the lines.
public struct BuildLog: Sendable {
    /// A line for the terminal (progress, summary).
    public var info: @Sendable (String) -> Void
    /// A diagnostic, already formatted like the Swift compiler's.
    public var diagnostic: @Sendable (String) -> Void
    /// Live progress of a long cell: its location, fraction done and a status.
    public var progress: @Sendable (String, Double, String) -> Void

    public init(info: @escaping @Sendable (String) -> Void,
                diagnostic: @escaping @Sendable (String) -> Void,
                progress: @escaping @Sendable (String, Double, String) -> Void = { _, _, _ in }) {
        self.info = info
        self.diagnostic = diagnostic
        self.progress = progress
    }

    public static let silent = BuildLog(info: { _ in }, diagnostic: { _ in })
}
