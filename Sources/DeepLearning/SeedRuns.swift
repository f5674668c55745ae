import Dispatch
import Foundation

/// One seed's training run and the accuracy of its final network (after the
/// last iteration) on the full training and test sets.
public struct SeedRun: Sendable, Equatable {
    public var seed: UInt64
    public var history: TrainingHistory
    public var finalTrainAccuracy: Double
    public var finalTestAccuracy: Double
}

/// Reported after every iteration of every seed's run.
public struct SeedProgress: Sendable, Equatable {
    /// Which run (an index into the seeds).
    public var seedIndex: Int
    public var progress: TrainingProgress
    /// The fraction of all runs' iterations done (0…1).
    public var fractionOfAll: Double
}

/// A training run of `seeds` failed (diverged, bad input): which seed, and why.
public struct SeedFailure: Error {
    public var seed: UInt64
    public var error: TrainingError
}

/// Trains one network per seed (otherwise as ``train(on:options:configuration:progress:)``)
/// and measures each final network on the full sets; the runs in the order of `seeds`.
///
/// With several seeds and a configuration of two or more training threads,
/// the runs go side by side, each on one thread (its step and its
/// evaluations), `trainThreads` at a time, unless `sideBySide` is false —
/// see docs/deeplearning.md ("Several seeds") for the measurement. The
/// results are the same bits either way. `progress` is called from the runs'
/// threads; when it throws, every run stops at its next iteration and that
/// error is rethrown. A run's own failure is a ``SeedFailure``.
public func train(
    on dataSet: DataSet, options: TrainingOptions, seeds: [UInt64], configuration: ComputeConfiguration = .machine,
    sideBySide: Bool = true, progress: (@Sendable (SeedProgress) throws -> Void)? = nil
) throws -> [SeedRun] {
    let fractions = SharedFractions(count: seeds.count)
    let stop = StopFlag()
    // One compact copy of the images for all the runs (made once: ~0.1–0.2 s and ~80 MB each).
    let copies = configuration.fused && options.gradientMethod == .backprop && seeds.count > 1 ? CompactCopies(dataSet.trainStore, dataSet.testStore) : nil
    @Sendable func run(_ k: Int, _ c: ComputeConfiguration) throws -> SeedRun {
        var o = options
        o.seed = seeds[k]
        var finals = (train: 0.0, test: 0.0)
        let history: TrainingHistory
        do {
            history = try train(trainSet: dataSet.trainStore, trainLabels: dataSet.trainLabels,
                                testSet: dataSet.testStore, testLabels: dataSet.testLabels, options: o,
                                configuration: c, compact: true, copies: copies, finalAccuracies: { finals = ($0, $1) }) { p in
                if stop.isSet { throw StopFlag.Stopped() }
                let all = fractions.set(k, Double(p.iteration) / Double(max(p.total, 1)))
                try progress?(SeedProgress(seedIndex: k, progress: p, fractionOfAll: all))
            }
        } catch let error as TrainingError {
            throw SeedFailure(seed: seeds[k], error: error)
        }
        return SeedRun(seed: seeds[k], history: history, finalTrainAccuracy: finals.train, finalTestAccuracy: finals.test)
    }
    let workers = sideBySide ? min(seeds.count, configuration.trainThreads) : 1
    guard workers > 1 else { return try seeds.indices.map { try run($0, configuration) } }
    let single = ComputeConfiguration(backend: configuration.backend, kernels: configuration.kernels, trainThreads: 1,
                                      evaluationThreads: 1, screening: configuration.screening,
                                      transposedBackward: configuration.transposedBackward)
    let results = SeedResults(count: seeds.count)
    onDedicatedThreads(workers) { _ in
        while let k = results.nextIndex() {
            do { results.set(k, .success(try run(k, single))) } catch {
                results.set(k, .failure(error))
                stop.set()
            }
        }
    }
    return try results.collect()
}

/// Set by the first run that fails; the others then stop at their next iteration.
private final class StopFlag: @unchecked Sendable {
    struct Stopped: Error {}
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

/// Every run's fraction done; `set` returns their mean.
private final class SharedFractions: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Double]
    init(count: Int) { values = Array(repeating: 0, count: count) }
    func set(_ k: Int, _ value: Double) -> Double {
        lock.withLock {
            values[k] = value
            return values.reduce(0, +) / Double(values.count)
        }
    }
}

/// The runs' results by seed index, filled from several threads, and the next run to start.
private final class SeedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<SeedRun, Error>?]
    private var started = 0
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ r: Result<SeedRun, Error>) { lock.withLock { results[k] = r } }

    /// The next run index, in seed order; nil when every run has started.
    func nextIndex() -> Int? {
        lock.withLock {
            guard started < results.count else { return nil }
            defer { started += 1 }
            return started
        }
    }

    /// Every run, or the first error in seed order that is not another run's stop.
    func collect() throws -> [SeedRun] {
        let all = lock.withLock { results }
        for case .failure(let error)? in all where !(error is StopFlag.Stopped) { throw error }
        return try all.map { try $0!.get() }
    }
}
