import CKernels

/// What this CPU can run, read once from `cpuid` (a fact about the machine,
/// not a setting).
public struct CPUFeatures: Sendable, Equatable {
    /// AVX2 and FMA: the `avx2` kernel set.
    public var avx2FMA: Bool
    /// AVX-512F, VL and BW (with AVX2 and FMA): the `avx512` kernel set.
    public var avx512: Bool
    /// Also AVX-512 VNNI: the screened evaluations' integer product by `vpdpwssd` (with the `avx512` kernels).
    public var avx512VNNI: Bool

    public init(avx2FMA: Bool, avx512: Bool, avx512VNNI: Bool) {
        self.avx2FMA = avx2FMA; self.avx512 = avx512; self.avx512VNNI = avx512VNNI
    }

    /// This machine's.
    public static let current: CPUFeatures = {
        let bits = Int(ck_cpu_features())
        return CPUFeatures(avx2FMA: bits & CK_CPU_AVX2_FMA != 0, avx512: bits & CK_CPU_AVX512 != 0,
                           avx512VNNI: bits & CK_CPU_AVX512_VNNI != 0)
    }()

    /// The kernel sets this CPU can run, narrowest first.
    public var kernelSets: [KernelSet] { (avx2FMA ? [.avx2] : []) + (avx512 ? [.avx512] : []) }
}

/// Which of the C kernels' instruction sets the `avx2` backend uses. Both give
/// the same bits; `avx512` is faster where the CPU has it.
public enum KernelSet: String, Sendable, Equatable, CaseIterable {
    /// 4-wide (ymm) kernels, rows padded to multiples of 4 doubles.
    case avx2
    /// 8-wide (zmm) kernels, rows padded to multiples of 8 doubles; the
    /// dense backward per W1 block and the three-row evaluations.
    case avx512
}

/// How the numeric core computes, as one value: chosen once where a program
/// starts (``resolved(environment:cpu:)``) and passed down to the trainers
/// and kernels (WorkbookKit's `RunContext.compute`). Nothing in DeepLearning
/// reads the environment or keeps a switch of its own; results are the same
/// bits for every configuration the CPU can run (tests compare them), only
/// the speed differs.
///
/// The environment variables that override the machine's defaults (the
/// table in docs/deeplearning.md and the README):
///
/// | variable | field | values | default |
/// | --- | --- | --- | --- |
/// | `DEEPLEARNING_MATRIX_BACKEND` | ``backend`` | `avx2`, `blas`, `swift` | `avx2` with AVX2+FMA, else `blas` |
/// | `CK_AVX512` | ``kernels`` | `0`: the AVX2 kernels | `avx512` where the CPU has AVX-512F/VL/BW |
/// | `DEEPLEARNING_TRAIN_THREADS` | ``trainThreads`` | 1–8 | 2 on a multi-core machine |
/// | `CK_SCREENING` | ``screening`` | `0`: off | on where the CPU has AVX2 and FMA |
/// | `CK_TRANSPOSED_BACKWARD` | ``transposedBackward`` | `1`: on | off |
public struct ComputeConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// Who computes matrix products and whether training uses the fused C step (`avx2`).
    public var backend: MatrixBackend
    /// The C kernels' instruction set (with the `avx2` backend).
    public var kernels: KernelSet
    /// Threads one training step is split over (1–8; batches under 16 rows run on one).
    public var trainThreads: Int
    /// Threads an evaluation over a full set is split over (1–8).
    public var evaluationThreads: Int
    /// Screened evaluations: most rows' first layer in 16-bit integers with a
    /// bound on the error, the rest exact (the same labels); with either kernel
    /// set (`vpmaddwd`, or `vpdpwssd` with the `avx512` kernels on a VNNI CPU).
    public var screening: Bool
    /// dW1 as a product with the transposed batch instead of the blocked
    /// scatter (slower; for measurements).
    public var transposedBackward: Bool

    public init(backend: MatrixBackend, kernels: KernelSet, trainThreads: Int, evaluationThreads: Int,
                screening: Bool, transposedBackward: Bool = false) {
        self.backend = backend; self.kernels = kernels
        self.trainThreads = trainThreads; self.evaluationThreads = evaluationThreads
        self.screening = screening; self.transposedBackward = transposedBackward
    }

    /// The fastest configuration of a CPU with `cores` processors.
    public static func best(for cpu: CPUFeatures, cores: Int) -> ComputeConfiguration {
        ComputeConfiguration(backend: cpu.avx2FMA ? .avx2 : .blas, kernels: cpu.avx512 ? .avx512 : .avx2,
                             trainThreads: min(2, max(1, cores)), evaluationThreads: min(8, max(1, cores)),
                             screening: cpu.avx2FMA)
    }

    /// This machine's active processors (at most 8, the most the kernels split over).
    public static var cores: Int { MatrixKernels.workerCount }

    /// This machine's best (what a program uses unless told otherwise).
    public static let machine = best(for: .current, cores: cores)

    /// ``best(for:cores:)`` with the environment's overrides (see the table
    /// above), then narrowed to what `cpu` can run. Call once, where the program starts.
    public static func resolved(environment: [String: String], cpu: CPUFeatures = .current,
                                cores: Int = ComputeConfiguration.cores) -> ComputeConfiguration {
        var c = best(for: cpu, cores: cores)
        if let backend = environment["DEEPLEARNING_MATRIX_BACKEND"].flatMap(MatrixBackend.init(rawValue:)) { c.backend = backend }
        if environment["CK_AVX512"]?.first == "0" { c.kernels = .avx2 }
        if let threads = environment["DEEPLEARNING_TRAIN_THREADS"].flatMap({ Int($0) }) { c.trainThreads = threads }
        if environment["CK_SCREENING"]?.first == "0" { c.screening = false }
        if environment["CK_TRANSPOSED_BACKWARD"]?.first == "1" { c.transposedBackward = true }
        return c.supported(by: cpu)
    }

    /// This configuration without what `cpu` cannot run: the `avx2` backend
    /// without AVX2 becomes `swift`-kernel products (see ``MatrixBackend/avx2``),
    /// `avx512` kernels without AVX-512 become `avx2`, screening needs AVX2
    /// and FMA; thread counts are kept in 1–8.
    public func supported(by cpu: CPUFeatures) -> ComputeConfiguration {
        var c = self
        if c.kernels == .avx512 && !cpu.avx512 { c.kernels = .avx2 }
        c.screening = c.screening && cpu.avx2FMA
        c.trainThreads = max(1, min(8, c.trainThreads))
        c.evaluationThreads = max(1, min(8, c.evaluationThreads))
        return c
    }

    /// Whether training uses the fused C step (the `avx2` backend on an AVX2/FMA CPU).
    var fused: Bool { backend == .avx2 && CPUFeatures.current.avx2FMA }

    /// `ck_net.wide` and the evaluations' `wide` argument.
    var wide: Int { kernels == .avx512 && CPUFeatures.current.avx512 ? 1 : 0 }

    /// "avx2 backend, avx512 kernels, screening, 2 training threads, 2 evaluation threads".
    public var description: String {
        var parts = ["\(backend.rawValue) backend"]
        if backend == .avx2 {
            parts.append("\(kernels.rawValue) kernels")
            if screening { parts.append("screening") }
            if transposedBackward { parts.append("transposed backward") }
        }
        parts.append("\(trainThreads) training thread\(trainThreads == 1 ? "" : "s")")
        parts.append("\(evaluationThreads) evaluation thread\(evaluationThreads == 1 ? "" : "s")")
        return parts.joined(separator: ", ")
    }
}
