import Foundation

/// Turns what happens to cells in the run step into `BuildEvent`s: started,
/// progress, and done (with how many cells are done so far).
struct CellReporter: Sendable {
    var log: BuildLog
    var output: String
    var counter: CellCounter

    func id(_ plan: CellPlan) -> CellID {
        plan.id(output: output)
    }

    func started(_ plan: CellPlan) {
        log.emit(.cellStarted(id(plan)))
    }

    /// What the cell's `RunContext.progress` calls.
    func progress(of plan: CellPlan, since start: UInt64) -> @Sendable (Double, String) -> Void {
        let id = id(plan), log = log
        return { fraction, message in
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            log.emit(.cellProgress(CellProgress(cell: id, fraction: fraction, message: message, elapsed: elapsed)))
        }
    }

    func done(_ plan: CellPlan, _ result: CellResult) {
        let done = CellDone(cell: id(plan), seconds: result.seconds, reason: result.reason,
                            finished: counter.next(), total: counter.total)
        switch result.status {
        case .ran: log.emit(.cellFinished(done))
        case .cached: log.emit(.cellCached(done))
        case .error: log.emit(.cellFailed(done))
        case .skipped: log.emit(.cellSkipped(done))
        }
    }
}

/// Counts finished cells across the run step's threads.
final class CellCounter: @unchecked Sendable {
    let total: Int
    private let lock = NSLock()
    private var value = 0

    init(total: Int) { self.total = total }

    func next() -> Int {
        lock.lock(); defer { lock.unlock() }
        value += 1
        return value
    }
}
