import Foundation

/// Parts of a cell's work cached on their own, next to the cell's whole entry:
/// one seed of a `train` cell. The whole entry's key changes with every
/// parameter, the seed list included; a part's key is that of the cell without
/// its seeds, plus the part's name, so adding a seed to `seed: [1, 2]` trains
/// only the new one and removing one trains nothing.
///
/// A directive reads parts and records new ones; it writes nothing. The run
/// step turns what was recorded into cache files for the commit step.
public struct CellParts: Sendable {
    private let load: @Sendable (String) -> Data?
    private let recorder: Recorder?

    /// No parts: nothing is read, nothing is kept (no cache, or a test).
    public static let none = CellParts(load: { _ in nil }, recording: false)

    init(load: @escaping @Sendable (String) -> Data?, recording: Bool) {
        self.load = load
        self.recorder = recording ? Recorder() : nil
    }

    /// The bytes stored for part `name` by an earlier build, if any.
    public func cached(_ name: String) -> Data? { load(name) }

    /// Keeps `data` as part `name`, to be written with the cell's results.
    public func store(_ name: String, _ data: Data) { recorder?.add(name, data) }

    /// What was stored during this run, in the order it was stored.
    var recorded: [(name: String, data: Data)] { recorder?.all ?? [] }

    private final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var parts: [(name: String, data: Data)] = []
        func add(_ name: String, _ data: Data) { lock.lock(); parts.append((name, data)); lock.unlock() }
        var all: [(name: String, data: Data)] { lock.lock(); defer { lock.unlock() }; return parts }
    }
}
