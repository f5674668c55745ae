import CKernels
import Dispatch
import Foundation

/// The `avx2` backend's training state: the network's parameters and every
/// scratch buffer of a step, allocated once, so that an SGD iteration is one
/// call into `CKernels` (`ck_train_step`: sparse gather of the batch,
/// forward, backprop, update, loss at the updated parameters) with no Swift
/// allocation or copy. Same arithmetic as ``TwoLayerNet/gradient(x:labels:)``,
/// ``TwoLayerNet/updated(by:learningRate:)`` and ``TwoLayerNet/loss(x:labels:)``
/// up to the order of the sums (FMA, zero pixels skipped).
/// Requires ``MatrixBackend/avx2Available``. Its kernel set, threads and
/// screening are those of the ``ComputeConfiguration`` it is made with.
final class FusedTrainer {
    let inputs: Int, hidden: Int, outputs: Int, batch: Int
    /// Row length of the padded W1, b1 and hidden-layer buffers.
    let hiddenStride: Int
    /// The C state (a stable address: the step's phases run on several threads).
    let state: UnsafeMutablePointer<ck_net>
    var net: ck_net { state.pointee }
    /// Threads the step is split over: the configuration's `trainThreads` (1 for batches under 16 rows).
    let parts: Int
    /// How it computes (kernel set, threads, screening), fixed at creation.
    let configuration: ComputeConfiguration
    /// The C helper thread for parts == 2 (nil otherwise or if it could not start).
    private let helper: OpaquePointer?
    private var allocations: [UnsafeMutableRawPointer] = []

    /// A trainer computing as `configuration` says (its kernel set only where the CPU has it).
    init(network: TwoLayerNet, batchSize: Int, configuration: ComputeConfiguration) {
        precondition(MatrixBackend.avx2Available, "FusedTrainer needs AVX2 and FMA")
        self.configuration = configuration.supported(by: .current)
        (inputs, hidden, outputs, batch) = (network.inputSize, network.hiddenSize, network.outputSize, batchSize)
        func buffer<T: Numeric>(_ type: T.Type, _ count: Int) -> UnsafeMutablePointer<T> {
            // 64-byte aligned: the padded rows (a multiple of 32 bytes) then
            // start on 32-byte boundaries and no vector load crosses a cache line.
            let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * MemoryLayout<T>.stride, alignment: 64)
            let p = raw.bindMemory(to: T.self, capacity: max(count, 1))
            p.initialize(repeating: 0, count: max(count, 1))
            allocations.append(raw)
            return p
        }
        func copy(_ values: [Double]) -> UnsafeMutablePointer<Double> {
            let p = buffer(Double.self, values.count)
            if !values.isEmpty { p.update(from: values, count: values.count) }
            return p
        }
        parts = max(1, min(batchSize >= 16 ? self.configuration.trainThreads : 1, batchSize, network.inputSize))
        state = .allocate(capacity: 1)
        helper = parts == 2 ? ck_helper_create() : nil
        let sparse = batchSize * inputs + 36
        let wide = self.configuration.wide == 1
        let stride = ck_padded(hidden, wide ? 1 : 0)
        hiddenStride = stride
        // W1 and b1 with rows padded by zeros to whole vectors (AVX2 or AVX-512, see ck_padded).
        let w1 = buffer(Double.self, inputs * stride + 4)
        for p in 0..<inputs {
            for j in 0..<hidden { w1[p * stride + j] = network.w1.values[p * hidden + j] }
        }
        let w2t = buffer(Double.self, outputs * stride)
        for j in 0..<hidden {
            for c in 0..<outputs { w2t[c * stride + j] = network.w2.values[j * outputs + c] }
        }
        let b1 = buffer(Double.self, stride)
        for j in 0..<hidden { b1[j] = network.b1[j] }
        state.initialize(to: ck_net(
            inputs: inputs, hidden: hidden, hiddenStride: stride, outputs: outputs, batch: batchSize, parts: parts,
            partFlags: buffer(Double.self, 8),
            w1: w1, b1: b1, w2: copy(network.w2.values), b2: copy(network.b2), w2t: w2t,
            rowStart: buffer(Int.self, batchSize + 8), cols: buffer(Int32.self, sparse), vals: buffer(Double.self, sparse),
            colStart: buffer(Int.self, inputs + 8), trows: buffer(Int32.self, sparse), tvals: buffer(Double.self, sparse),
            cursor: buffer(Int.self, max(8 * batchSize, inputs)),
            z1: buffer(Double.self, batchSize * stride), dy: buffer(Double.self, batchSize * outputs),
            da1: buffer(Double.self, batchSize * stride), gw1: buffer(Double.self, inputs * stride),
            gw2: buffer(Double.self, hidden * outputs), gb1: buffer(Double.self, hidden), gb2: buffer(Double.self, outputs),
            source: nil, rowSplit: buffer(Int.self, 9), pixelSplit: buffer(Int.self, 9), pixelWork: buffer(Int.self, inputs + 1),
            rowShare: 0.5, pixelShare: 0.5, nextBatch: nil, rowLoss: buffer(Double.self, batchSize), wide: wide ? 1 : 0,
            xt: buffer(Double.self, parts * 48 * batchSize),
            transposedBackward: self.configuration.transposedBackward ? 1 : 0,
            entryBegin: buffer(Int.self, batchSize), entryEnd: buffer(Int.self, batchSize)))
        ck_net_balance(state)
    }

    /// The two-thread step's choice between its threads and one (see
    /// `ck_step_mode`), nil without the helper thread; for tests and measurements.
    var stepMode: ck_step_mode? { helper.map { ck_helper_mode($0).pointee } }

    /// Pins the two-thread step to two threads (false) or one (true), or frees it (nil).
    func pinStepMode(oneThread: Bool?) {
        if let helper { ck_helper_force_mode(helper, oneThread.map { $0 ? 1 : 0 } ?? -1) }
    }

    deinit {
        for p in allocations { p.deallocate() }
        if let helper { ck_helper_destroy(helper) }
        state.deallocate()
    }

    /// The current parameters as a value.
    var network: TwoLayerNet {
        TwoLayerNet(
            w1: Matrix(rows: inputs, columns: hidden, values: (0..<inputs * hidden).map { net.w1[$0 / hidden * hiddenStride + $0 % hidden] }),
            b1: Array(UnsafeBufferPointer(start: net.b1, count: hidden)),
            w2: Matrix(rows: hidden, columns: outputs, values: Array(UnsafeBufferPointer(start: net.w2, count: hidden * outputs))),
            b2: Array(UnsafeBufferPointer(start: net.b2, count: outputs)))
    }

    /// The compact copy of the training images the steps read their batches
    /// from (the `images` argument of ``step`` is then not read).
    var source: CompactImages? {
        didSet {
            state.pointee.source = source.map { UnsafePointer($0.pointer) }
            ck_net_balance(state)
        }
    }

    /// One SGD step on the rows `batch` of `images` (· × inputs); returns the
    /// batch loss after the update and whether every changed parameter is finite.
    /// `next`, the following step's batch if known, is fetched into the cache meanwhile.
    func step(images: UnsafePointer<Double>, batch rows: UnsafePointer<Int>, labels: UnsafePointer<Int>,
              learningRate: Double, next: UnsafePointer<Int>? = nil) -> (loss: Double, finite: Bool) {
        state.pointee.nextBatch = next
        defer { state.pointee.nextBatch = nil }
        var loss = 0.0
        if parts == 1 {
            let bad = ck_train_step(state, images, rows, labels, learningRate, &loss)
            return (loss, bad == 0)
        }
        if let helper {
            let bad = ck_train_step_2(helper, state, images, rows, labels, learningRate, &loss)
            return (loss, bad == 0)
        }
        // Three parallel phases (batch rows, then W1 rows, then batch rows), joined in between.
        nonisolated(unsafe) let (net, images, rows, labels) = (state, images, rows, labels)
        let (parts, lr) = (self.parts, learningRate)
        DispatchQueue.concurrentPerform(iterations: parts) { q in ck_step_forward(net, images, rows, labels, q, parts) }
        DispatchQueue.concurrentPerform(iterations: parts) { r in ck_step_backward(net, lr, r, parts) }
        DispatchQueue.concurrentPerform(iterations: parts) { q in ck_step_loss_forward(net, labels, q, parts) }
        loss = ck_step_loss(net)
        return (loss, ck_step_finish(net, parts) == 0)
    }

    /// ``TwoLayerNet/accuracy(x:labels:)`` of the current parameters.
    func accuracy(x: Matrix, labels: [Int]) -> Double {
        guard x.rows > 0 else { return 0 }
        let predicted = FusedTrainer.predictedLabels(
            x, w1: net.w1, w1RowStride: hiddenStride, b1: net.b1, hidden: hidden, w2: net.w2, b2: net.b2, outputs: outputs,
            configuration: configuration)
        let correct = zip(predicted, labels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        return Double(correct) / Double(x.rows)
    }

    /// ``accuracy(x:labels:)`` on a compact copy of x.
    func accuracy(compact x: CompactImages, labels: [Int]) -> Double {
        guard x.rows > 0 else { return 0 }
        let predicted = predictedLabels(compact: x)
        let correct = zip(predicted, labels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        return Double(correct) / Double(x.rows)
    }

    /// The predicted class of every row of a compact set, rows split over the
    /// configuration's evaluation threads, screened if it says so.
    func predictedLabels(compact x: CompactImages) -> [Int] {
        predictedLabels(compact: x, screened: configuration.screening).labels
    }

    /// ``predictedLabels(compact:)``; with `screened` most rows' first layer
    /// runs in 16-bit integers (`vpmaddwd`, or `vpdpwssd` with the AVX-512
    /// kernels on a VNNI CPU) with a bound on its error,
    /// and only the rows the bound leaves open are computed in `Double`
    /// (`exactRows`) — the same labels either way (`ck_predict_labels_compact_screened`).
    func predictedLabels(compact x: CompactImages, screened: Bool) -> (labels: [Int], exactRows: Int) {
        var predicted = [Int](repeating: 0, count: x.rows)
        let quant = screened
            ? ck_quant_create(net.w1, hiddenStride, inputs, net.b1, hidden, net.w2, net.b2, outputs, configuration.wide) : nil
        defer { ck_quant_destroy(quant) }
        let exact = Counter()
        predicted.withUnsafeMutableBufferPointer { o in
            guard let op = o.baseAddress else { return }
            nonisolated(unsafe) let (net, set, out, quant) = (net, x.pointer, op, quant)
            let (hidden, stride, outputs, wide) = (hidden, hiddenStride, outputs, configuration.wide)
            MatrixKernels.runSplit(rows: x.rows, workers: configuration.evaluationThreads, piecesPerWorker: 8) { r in
                if let quant {
                    exact.add(ck_predict_labels_compact_screened(set, r.lowerBound, r.upperBound, quant, net.w1, net.b1, net.w2,
                                                                 net.b2, out + r.lowerBound))
                } else {
                    ck_predict_labels_compact(set, r.lowerBound, r.upperBound, net.w1, stride, net.b1, hidden, net.w2, net.b2,
                                              outputs, wide, out + r.lowerBound)
                    exact.add(r.count)
                }
            }
        }
        return (predicted, exact.value)
    }

    /// Arg-max of σ(x·W1 + b1)·W2 + b2 for every row of x with the configuration's
    /// kernel set, rows split over its evaluation threads for ≥ 1024 rows.
    static func predictedLabels(
        _ x: Matrix, w1: UnsafePointer<Double>, w1RowStride: Int, b1: UnsafePointer<Double>, hidden: Int,
        w2: UnsafePointer<Double>, b2: UnsafePointer<Double>, outputs: Int, configuration: ComputeConfiguration
    ) -> [Int] {
        let wide = configuration.wide
        var out = [Int](repeating: 0, count: x.rows)
        let k = x.columns
        x.values.withUnsafeBufferPointer { xs in
            out.withUnsafeMutableBufferPointer { o in
                guard let xp = xs.baseAddress, let op = o.baseAddress else { return }
                MatrixKernels.runSplit(rows: x.rows, workers: configuration.evaluationThreads) { r in
                    ck_predict_labels(xp, k, r.lowerBound, r.upperBound, w1, w1RowStride, b1, hidden, w2, b2, outputs,
                                      wide, op + r.lowerBound)
                }
            }
        }
        return out
    }
}

extension TwoLayerNet {
    /// ``predictedLabels(_:)`` through the C kernels (requires ``MatrixBackend/avx2Available``).
    func predictedLabelsAVX2(_ x: Matrix, configuration: ComputeConfiguration) -> [Int] {
        w1.values.withUnsafeBufferPointer { w1p in
            b1.withUnsafeBufferPointer { b1p in
                w2.values.withUnsafeBufferPointer { w2p in
                    b2.withUnsafeBufferPointer { b2p in
                        FusedTrainer.predictedLabels(x, w1: w1p.baseAddress!, w1RowStride: hiddenSize, b1: b1p.baseAddress!, hidden: hiddenSize,
                                                     w2: w2p.baseAddress!, b2: b2p.baseAddress!, outputs: outputSize,
                                                     configuration: configuration)
                    }
                }
            }
        }
    }
}

/// A matrix's rows stored once in ``ck_compact`` form (non-zero entries as
/// 16-bit column numbers and 8-bit palette codes, exact), for the fused
/// training loop: its batches and evaluations then read ~3 bytes per
/// non-zero pixel instead of 8 per pixel. Built only when the matrix has at
/// most 256 distinct non-zero values and 65 536 columns (image data).
final class CompactImages: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<ck_compact>
    var rows: Int { pointer.pointee.rows }

    /// nil when `matrix` cannot be stored this way.
    init?(_ matrix: Matrix) {
        guard MatrixBackend.avx2Available else { return nil }
        let built = matrix.values.withUnsafeBufferPointer { ck_compact_create($0.baseAddress, matrix.rows, matrix.columns) }
        guard let built else { return nil }
        pointer = built
    }

    /// The compact copy of `images.scaledMatrix()` made from the bytes, without
    /// that matrix (`ck_compact_create_bytes`): the same rows, columns and palette
    /// values; nil when it cannot be stored this way (more than 65 536 pixels an image).
    init?(_ images: IDXImages) {
        guard MatrixBackend.avx2Available, images.pixels.count == images.count * images.rows * images.columns else { return nil }
        let built = images.pixels.withUnsafeBufferPointer { pixels in
            IDXImages.quotients.withUnsafeBufferPointer { q in
                ck_compact_create_bytes(pixels.baseAddress, images.count, images.rows * images.columns, q.baseAddress)
            }
        }
        guard let built else { return nil }
        pointer = built
    }

    /// The compact copy of a store's images: from its bytes when it holds bytes.
    convenience init?(_ store: ImageStore) {
        if let bytes = store.bytes { self.init(bytes) } else { self.init(store.matrix) }
    }

    deinit { ck_compact_destroy(pointer) }
}

/// The compact copies of a training and a test set, made once and read by
/// every run that trains on them (several seeds side by side share them).
struct CompactCopies: @unchecked Sendable {
    let train: CompactImages?, test: CompactImages?
    init(_ trainImages: Matrix, _ testImages: Matrix) {
        (train, test) = (CompactImages(trainImages), CompactImages(testImages))
    }
    /// From the bytes where the stores hold bytes (their matrices are then not made).
    init(_ trainImages: ImageStore, _ testImages: ImageStore) {
        (train, test) = (CompactImages(trainImages), CompactImages(testImages))
    }
    var pair: (CompactImages?, CompactImages?) { (train, test) }
}

/// A count added to from several threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    func add(_ n: Int) { lock.lock(); total += n; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return total }
}
