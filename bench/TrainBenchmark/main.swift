// Trains the book's network (784-50-10, batch 100, lr 0.1) on a data set
// with the DeepLearning module and prints one JSON line with the time.
// Built and run by bench/run; usage: train DATA_DIR [ITERATIONS] [SEED]
import Foundation

let arguments = CommandLine.arguments
let directory = arguments.count > 1 ? arguments[1] : DataSetLocator.systemFashionMNISTDirectory
let iterations = arguments.count > 2 ? Int(arguments[2])! : 10_000
let seed = arguments.count > 3 ? UInt64(arguments[3])! : 0

let loadClock = ContinuousClock()
var loaded: DataSet?
let loadElapsed = try loadClock.measure { loaded = try DataSet.load(from: directory) }
let data = loaded!
let options = TrainingOptions(iterations: iterations, seed: seed)
// Resolved once, here, where the program starts (the overrides: docs/deeplearning.md).
let configuration = ComputeConfiguration.resolved(environment: ProcessInfo.processInfo.environment)
/// User + system CPU seconds of the whole process (all threads).
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
}
let clock = ContinuousClock()
let cpuStart = processCPUSeconds()
var history: TrainingHistory?
let elapsed = try clock.measure {
    history = try train(on: data, options: options, configuration: configuration)
}
let cpuSeconds = processCPUSeconds() - cpuStart
let h = history!
func toSeconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
let seconds = toSeconds(elapsed)

// Dense-equivalent work, the FLOP numpy performs: per iteration the forward
// pass twice (gradient and loss) and the backward products; per evaluation a
// forward pass over both full sets. Counts only the matrix products.
let (input, hidden, output) = (784.0, 50.0, 10.0)
let batch = Double(options.batchSize)
let forward = 2 * batch * (input * hidden + hidden * output)
let backward = 2 * batch * (input * hidden + 2 * hidden * output)
let evaluation = 2 * Double(data.trainCount + data.testCount) * (input * hidden + hidden * output)
let flop = Double(iterations) * (2 * forward + backward) + Double(h.testAccuracy.count) * evaluation
// From the bytes, so that the program never makes the matrix of Doubles (pixel 0 is the value 0).
let pixels = data.trainImageBytes!.pixels
let zeroFraction = Double(pixels.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }) / Double(pixels.count)

let report: [String: Any] = [
    "seconds": seconds, "cpu_seconds": cpuSeconds, "load_seconds": toSeconds(loadElapsed), "final_loss": h.losses.last ?? .nan,
    "train_acc": h.trainAccuracy.last ?? .nan, "test_acc": h.testAccuracy.last ?? .nan,
    "evaluations": h.testAccuracy.count, "dense_flop": flop, "zero_pixel_fraction": zeroFraction,
    "threads": configuration.trainThreads, "backend": configuration.backend.rawValue,
    "avx512": configuration.backend == .avx2 && configuration.kernels == .avx512,
    "configuration": configuration.description,
]
let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
