import DeepLearning
import Foundation

/// Runs `count` independent jobs on up to `width` threads and returns their
/// results in job order, whatever order they finish in.
///
/// Each worker takes the next unclaimed index, so a long cell does not hold
/// back the short ones queued behind it. The workers are threads of their own
/// (`onDedicatedThreads`), so a cell's own parallel work is not narrowed by
/// libdispatch's nesting rule.
func runConcurrently<Result: Sendable>(count: Int, width: Int, _ job: @Sendable (Int) -> Result) -> [Result] {
    let box = ResultBox<Result>(count: count)
    let workers = max(1, min(width, count))
    onDedicatedThreads(workers) { _ in
        while let index = box.claim() {
            box.store(job(index), at: index)
        }
    }
    return box.results()
}

private final class ResultBox<Result>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private var slots: [Result?]

    init(count: Int) {
        self.count = count
        self.slots = Array(repeating: nil, count: count)
    }

    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ result: Result, at index: Int) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = result
    }

    func results() -> [Result] {
        lock.lock(); defer { lock.unlock() }
        return slots.map { $0! }
    }
}
