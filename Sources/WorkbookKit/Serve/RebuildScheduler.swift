import Foundation

/// Decides when `workbook serve` rebuilds. A pure state machine (time is
/// passed in), so the debounce rules are unit-tested without sleeping:
///
/// - A change marks a rebuild as pending; the rebuild starts once no change
///   has been seen for `quietPeriod` seconds (several quick saves → one build).
/// - Builds never overlap: while one runs, changes only mark one more build as
///   pending; however many arrive, exactly one build follows (after the quiet
///   period), never a queue.
public struct RebuildScheduler: Sendable, Equatable {
    public var quietPeriod: Double
    public private(set) var pending = false
    public private(set) var building = false
    public private(set) var lastChange: Double = -.infinity

    public init(quietPeriod: Double = 0.2) {
        self.quietPeriod = quietPeriod
    }

    /// Something the watcher watches changed at `now` (seconds, monotonic).
    public mutating func changeObserved(at now: Double) {
        pending = true
        lastChange = now
    }

    /// Whether a build should start now. When it returns true the scheduler
    /// counts the build as running until `buildFinished()`.
    public mutating func shouldStartBuild(at now: Double) -> Bool {
        guard pending, !building, now - lastChange >= quietPeriod else { return false }
        pending = false
        building = true
        return true
    }

    public mutating func buildFinished() {
        building = false
    }
}
