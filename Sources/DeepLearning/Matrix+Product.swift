import CKernels
import Foundation

/// Processor count without importing Foundation into the kernel file.
enum ProcessInfoShim {
    static var activeProcessorCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// Which implementation computes matrix products.
public enum MatrixBackend: String, Sendable, Equatable, CaseIterable {
    /// ``MatrixKernels``: Swift SIMD, zero skipping, 2 threads for large products.
    case swift
    /// OpenBLAS `cblas_dgemm` (``BLASKernels``).
    case blas
    /// C kernels compiled for AVX2/FMA (`CKernels`), zero skipping, 2 threads
    /// for large products, and a fused training step for ``TwoLayerNet``.
    /// Chosen only when the CPU has AVX2 and FMA (``avx2Available``); on
    /// other CPUs this backend runs the ``swift`` kernels.
    case avx2

    /// Whether this CPU has AVX2 and FMA (``CPUFeatures/avx2FMA``).
    public static var avx2Available: Bool { CPUFeatures.current.avx2FMA }

    /// The backend of ``Matrix/dot(_:)`` and ``Matrix/transposedDot(_:)``: the
    /// machine's (``ComputeConfiguration/machine``), or the one a caller binds
    /// for a scope — `train(…, configuration:)` binds its configuration's
    /// backend around the generic loop, so the book's value code
    /// (`TwoLayerNet.gradient`, `loss`) computes with it. Bound per task or
    /// thread for the duration of a call (Swift's task-local values), never
    /// set for the process: concurrent callers do not see each other's.
    @TaskLocal public static var inScope: MatrixBackend = ComputeConfiguration.machine.backend

    /// The default, chosen by measurement (docs/deeplearning.md).
    /// ``avx2`` where the CPU supports it, else ``blas``.
    public static let preferred: MatrixBackend = avx2Available ? .avx2 : .blas
}

extension Matrix {
    /// The matrix product A·B (numpy `np.dot(A, B)`), (m×k)·(k×n) → m×n, with
    /// the backend in scope (``MatrixBackend/inScope``).
    ///
    /// O(m·k·n); terms with a zero in A are skipped (see ``MatrixKernels``).
    /// - Precondition: `columns == other.rows`.
    public func dot(_ other: Matrix) -> Matrix {
        dot(other, backend: .inScope)
    }

    /// ``dot(_:)`` with an explicit backend (for tests and benchmarks).
    public func dot(_ other: Matrix, backend: MatrixBackend) -> Matrix {
        precondition(columns == other.rows, "cannot multiply \(rows)×\(columns) by \(other.rows)×\(other.columns)")
        let (m, k, n) = (rows, columns, other.columns)
        return product(other, resultRows: m) { a, b, c in
            switch backend {
            case .swift: MatrixKernels.multiply(a, b, c, m: m, k: k, n: n)
            case .blas: BLASKernels.multiply(a, b, c, m: m, k: k, n: n)
            case .avx2:
                guard MatrixBackend.avx2Available else {
                    MatrixKernels.multiply(a, b, c, m: m, k: k, n: n); return
                }
                MatrixKernels.runSplit(rows: m) { r in
                    ck_dense_dot(a, k, r.lowerBound, r.upperBound, b, n, c)
                }
            }
        }
    }

    /// Aᵀ·B without forming Aᵀ, (m×k)ᵀ·(m×n) → k×n — the weight gradient
    /// `x.T · dY` of an affine layer. O(m·k·n), zeros of A skipped.
    /// - Precondition: `rows == other.rows`.
    public func transposedDot(_ other: Matrix) -> Matrix {
        transposedDot(other, backend: .inScope)
    }

    /// ``transposedDot(_:)`` with an explicit backend (for tests and benchmarks).
    public func transposedDot(_ other: Matrix, backend: MatrixBackend) -> Matrix {
        precondition(rows == other.rows, "cannot multiply (\(rows)×\(columns))ᵀ by \(other.rows)×\(other.columns)")
        let (m, k, n) = (rows, columns, other.columns)
        return product(other, resultRows: k) { a, b, c in
            switch backend {
            case .swift: MatrixKernels.multiplyTransposedA(a, b, c, m: m, k: k, n: n)
            case .blas: BLASKernels.multiplyTransposedA(a, b, c, m: m, k: k, n: n)
            case .avx2:
                guard MatrixBackend.avx2Available else {
                    MatrixKernels.multiplyTransposedA(a, b, c, m: m, k: k, n: n); return
                }
                ck_dense_tdot(a, m, k, b, n, c)
            }
        }
    }

    /// A `resultRows` × `other.columns` matrix filled by `kernel`, which gets
    /// the row-major elements of `self` and `other` and the zeroed output.
    /// The kernel is not called when an operand or the result is empty.
    private func product(
        _ other: Matrix, resultRows: Int,
        _ kernel: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void
    ) -> Matrix {
        var out = [Double](repeating: 0, count: resultRows * other.columns)
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { c in
                    guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
                    kernel(a, b, c)
                }
            }
        }
        return Matrix(rows: resultRows, columns: other.columns, values: out)
    }

    /// Matrix times vector, (m×k)·(k) → (m).
    public func dot(_ vector: [Double]) -> [Double] {
        dot(Matrix(rows: vector.count, columns: 1, values: vector)).values
    }
}

/// Row vector times matrix, x·W for x of length k and W k×n → length n
/// (a single sample through an affine layer).
public func dot(_ x: [Double], _ w: Matrix) -> [Double] {
    Matrix(rowVector: x).dot(w).values
}
