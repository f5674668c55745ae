import Dispatch
import Foundation
import Testing
@testable import DeepLearning

// The long-lived workers (the build's cells, a cell's seeds) are threads of
// their own, so that parallel work inside them keeps its width: libdispatch
// runs a concurrentPerform nested in another on fewer threads (with two
// cores, on one), which had the shipped fig-train run its two seeds one after
// the other inside the build.

/// True when the two iterations of `concurrentPerform(iterations: 2)` ran at
/// the same time: each waits (at most `patience` seconds) for the other to start.
private func twoIterationsMeet(patience: Double = 20) -> Bool {
    let started = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
    let met = Met()
    DispatchQueue.concurrentPerform(iterations: 2) { k in
        started[k].signal()
        if started[1 - k].wait(timeout: .now() + patience) == .success { met.add() }
    }
    return met.count == 2
}

private final class Met: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var count: Int { lock.withLock { value } }
    func add() { lock.withLock { value += 1 } }
}

@Test func everyIndexRunsOnceAndTheCallerTakesIndexZero() {
    let seen = Met()
    let caller = pthread_self()
    let onCaller = Met()
    onDedicatedThreads(5) { k in
        seen.add()
        if k == 0 && pthread_equal(pthread_self(), caller) != 0 { onCaller.add() }
    }
    #expect(seen.count == 5)
    #expect(onCaller.count == 1)
    onDedicatedThreads(0) { _ in seen.add() }
    #expect(seen.count == 5, "no work for a count of 0")
}

@Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount >= 2, "needs two cores"))
func theWorkersRunSideBySide() {
    let started = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
    let met = Met()
    onDedicatedThreads(2) { k in
        started[k].signal()
        if started[1 - k].wait(timeout: .now() + 20) == .success { met.add() }
    }
    #expect(met.count == 2, "the two workers ran one after the other")
}

@Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount >= 2, "needs two cores"))
func parallelWorkInsideAWorkerKeepsItsWidth() {
    #expect(twoIterationsMeet(), "the machine runs two iterations side by side at the top level")
    let inner = Met()
    onDedicatedThreads(2) { k in
        if k == 0, twoIterationsMeet() { inner.add() }
    }
    #expect(inner.count == 1, "a concurrentPerform inside a worker ran on one thread")
}
