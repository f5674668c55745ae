import CBLAS

/// Matrix products through OpenBLAS's `cblas_dgemm` (Debian
/// `libopenblas-dev`). OpenBLAS uses AVX2/FMA kernels picked at run time
/// and its own threads, which the Swift kernels cannot (the package builds
/// for the baseline x86-64 CPU, SSE2 only); it does not skip zeros.
enum BLASKernels {
    /// C (m×n) = A (m×k) · B (k×n), row-major, C overwritten.
    static func multiply(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
        m: Int, k: Int, n: Int
    ) {
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(m), blasint(n), blasint(k),
                    1, a, blasint(max(k, 1)), b, blasint(max(n, 1)), 0, c, blasint(max(n, 1)))
    }

    /// C (k×n) = Aᵀ · B for A (m×k), B (m×n), row-major, C overwritten.
    static func multiplyTransposedA(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
        m: Int, k: Int, n: Int
    ) {
        cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, blasint(k), blasint(n), blasint(m),
                    1, a, blasint(max(k, 1)), b, blasint(max(n, 1)), 0, c, blasint(max(n, 1)))
    }
}
