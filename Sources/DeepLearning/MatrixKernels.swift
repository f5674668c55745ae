import Dispatch

/// The matrix-product kernels behind ``Matrix/dot(_:)`` and
/// ``Matrix/transposedDot(_:)``.
///
/// Design (chosen by measurement, see `docs/deeplearning.md`):
/// * one output row at a time, its columns held in registers in chunks of 24
///   (three `SIMD8<Double>` accumulators), so C is written once, not
///   loaded/stored for every term;
/// * **zero skipping**: terms with A[i, p] == 0 are skipped. Scaled image
///   pixels are 50–80 % exact zeros, so the first layer's product costs
///   only the non-zero pixels. For finite B this gives exactly the sum
///   numpy would (0·b adds ±0); if B holds NaN or ±∞ a skipped term would
///   have produced NaN — the training loop checks the parameters themselves
///   for NaN/∞, so divergence is still detected;
/// * products with at least ``parallelRowThreshold`` output rows are split
///   over ``workerCount`` threads by rows (`DispatchQueue.concurrentPerform`).
///
/// Complexity O(m·k·n) multiply-adds, O(nnz(A)·n) with zero skipping.
enum MatrixKernels {
    /// Output rows at which a product is split over threads: below it the
    /// thread hand-off (~10 µs) costs more than it saves (a 100-row batch
    /// product takes ~100 µs; the full-set evaluation takes tens of ms).
    static let parallelRowThreshold = 1024

    /// Threads used for large products: the machine's active processors,
    /// capped at 8.
    static let workerCount = max(1, min(8, ProcessInfoShim.activeProcessorCount))

    /// C (m×n) = A (m×k) · B (k×n), all row-major, C overwritten.
    static func multiply(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
        m: Int, k: Int, n: Int
    ) {
        runSplit(rows: m, scratch: k) { rowRange, nonZero, weight in
            for i in rowRange {
                var count = 0
                let aRow = a + i * k
                for p in 0..<k where aRow[p] != 0 {
                    nonZero[count] = p * n
                    weight[count] = aRow[p]
                    count += 1
                }
                accumulateRow(terms: count, offsets: nonZero, weights: weight, b: b, into: c + i * n, n: n)
            }
        }
    }

    /// C (k×n) = Aᵀ · B for A (m×k) and B (m×n), all row-major, C overwritten.
    static func multiplyTransposedA(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
        m: Int, k: Int, n: Int
    ) {
        runSplit(rows: k, scratch: m) { rowRange, nonZero, weight in
            for p in rowRange {
                var count = 0
                for i in 0..<m {
                    let v = a[i * k + p]
                    if v != 0 {
                        nonZero[count] = i * n
                        weight[count] = v
                        count += 1
                    }
                }
                accumulateRow(terms: count, offsets: nonZero, weights: weight, b: b, into: c + p * n, n: n)
            }
        }
    }

    /// ``runSplit(rows:_:)`` giving every range its own scratch space for
    /// `scratch` terms: B-row offsets and their weights (the non-zeros of A).
    static func runSplit(
        rows: Int, scratch: Int,
        _ body: (Range<Int>, UnsafeMutablePointer<Int>, UnsafeMutablePointer<Double>) -> Void
    ) {
        runSplit(rows: rows) { rowRange in
            let offsets = UnsafeMutablePointer<Int>.allocate(capacity: max(scratch, 1))
            let weights = UnsafeMutablePointer<Double>.allocate(capacity: max(scratch, 1))
            defer { offsets.deallocate(); weights.deallocate() }
            body(rowRange, offsets, weights)
        }
    }

    /// out[0..<n] = Σ_t weights[t] · b[offsets[t] ..< offsets[t] + n].
    @inline(__always)
    static func accumulateRow(
        terms: Int, offsets: UnsafePointer<Int>, weights: UnsafePointer<Double>,
        b: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>, n: Int
    ) {
        var j = 0
        while j + 24 <= n {
            var s0 = SIMD8<Double>(), s1 = SIMD8<Double>(), s2 = SIMD8<Double>()
            for t in 0..<terms {
                let w = SIMD8<Double>(repeating: weights[t])
                let src = UnsafeRawPointer(b + offsets[t] + j)
                s0 += w * src.loadUnaligned(as: SIMD8<Double>.self)
                s1 += w * src.loadUnaligned(fromByteOffset: 64, as: SIMD8<Double>.self)
                s2 += w * src.loadUnaligned(fromByteOffset: 128, as: SIMD8<Double>.self)
            }
            let dst = UnsafeMutableRawPointer(out + j)
            dst.storeBytes(of: s0, as: SIMD8<Double>.self)
            dst.storeBytes(of: s1, toByteOffset: 64, as: SIMD8<Double>.self)
            dst.storeBytes(of: s2, toByteOffset: 128, as: SIMD8<Double>.self)
            j += 24
        }
        while j + 8 <= n {
            var s0 = SIMD8<Double>()
            for t in 0..<terms {
                s0 += SIMD8<Double>(repeating: weights[t])
                    * UnsafeRawPointer(b + offsets[t] + j).loadUnaligned(as: SIMD8<Double>.self)
            }
            UnsafeMutableRawPointer(out + j).storeBytes(of: s0, as: SIMD8<Double>.self)
            j += 8
        }
        while j < n {
            var s = 0.0
            for t in 0..<terms { s += weights[t] * b[offsets[t] + j] }
            out[j] = s
            j += 1
        }
    }

    /// Runs `body` over 0..<rows, split into `workers` × `piecesPerWorker`
    /// contiguous ranges when `rows >= parallelRowThreshold` (more pieces than
    /// workers let a worker on a busier core take fewer of them).
    static func runSplit(rows: Int, workers available: Int = workerCount, piecesPerWorker: Int = 1,
                         _ body: (Range<Int>) -> Void) {
        let workers = rows >= parallelRowThreshold ? max(1, available) : 1
        if workers == 1 {
            body(0..<rows)
            return
        }
        let pieces = workers * max(1, piecesPerWorker)
        let per = (rows + pieces - 1) / pieces
        withoutActuallyEscaping(body) { escapable in
            // Each piece writes a disjoint range of output rows.
            nonisolated(unsafe) let work = escapable
            DispatchQueue.concurrentPerform(iterations: pieces) { w in
                let lo = w * per
                let hi = min(rows, lo + per)
                if lo < hi { work(lo..<hi) }
            }
        }
    }
}
