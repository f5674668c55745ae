import CBLAS

/// Matrix products through OpenBLAS's `cblas_dgemm` (Debian
/// `libopenblas-dev`). OpenBLAS uses AVX2/FMA kernels picked at run time
/// and its own threads, which the Swift kernels cannot (the package builds
/// for the baseline x86-64 CPU, SSE2 only); it does not skip zeros.
///
/// Threads: products with fewer than ``MatrixKernels/parallelRowThreshold``
/// output rows (a training batch) run on one OpenBLAS thread, larger ones
/// (full-set evaluation) on OpenBLAS's default count. Measured on the
/// shared 2-core machine: for the 100×784·784×50 batch product two
/// threads cost ~40 % more CPU time and were not faster in wall-clock time
/// once other processes competed for the cores (OpenBLAS threads spin
/// while waiting). The setting is process-global in OpenBLAS, so
/// concurrent callers may see each other's choice — this affects speed
/// only, never results.
enum BLASKernels {
    /// OpenBLAS's thread count when the process started (OPENBLAS_NUM_THREADS or the core count).
    static let defaultThreads = Int(openblas_get_num_threads())

    /// Sets OpenBLAS's thread count for a product with `rows` output rows.
    @inline(__always)
    static func chooseThreads(rows: Int) {
        openblas_set_num_threads(Int32(rows >= MatrixKernels.parallelRowThreshold ? defaultThreads : 1))
    }

    /// C (m×n) = A (m×k) · B (k×n), row-major, C overwritten.
    static func multiply(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
        m: Int, k: Int, n: Int
    ) {
        chooseThreads(rows: m)
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(m), blasint(n), blasint(k),
                    1, a, blasint(max(k, 1)), b, blasint(max(n, 1)), 0, c, blasint(max(n, 1)))
    }

    /// C (k×n) = Aᵀ · B for A (m×k), B (m×n), row-major, C overwritten.
    static func multiplyTransposedA(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
        m: Int, k: Int, n: Int
    ) {
        chooseThreads(rows: k)
        cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, blasint(k), blasint(n), blasint(m),
                    1, a, blasint(max(k, 1)), b, blasint(max(n, 1)), 0, c, blasint(max(n, 1)))
    }
}
