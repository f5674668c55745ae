// AVX2/FMA: the sparse products (zero pixels skipped) — a row's columns in
// registers, W1 walked in blocks that stay in L1 — and the dense products
// of Matrix.dot on the avx2 backend. The AVX-512 kernels of the blocked
// product are in Products512.c.
#include "internal.h"

#if CK_X86

#pragma clang attribute push (__attribute__((target("avx2,fma"))), apply_to = function)

/// One output row, columns [0, 4·nv + tail lanes) of the chunk starting at B
/// (row stride ldb): Σ_t vals[t]·B[cols[t], ·] with the accumulators in
/// registers (≤ 13 ymm), then + bias and σ; the first nstore columns go to out.
INLINE void dot_chunk(const int32_t *cols, const double *vals, long cnt, const double *B, long ldb,
                      const int nv, const int tail, long tailCount,
                      const double *bias, int sig, double *out, long nstore) {
    __m256d acc[13];
    for (int v = 0; v < 13; v++) acc[v] = _mm256_setzero_pd();
    const __m256i tmask = _mm256_setr_epi64x(tailCount > 0 ? -1 : 0, tailCount > 1 ? -1 : 0, tailCount > 2 ? -1 : 0, 0);
    for (long t = 0; t < cnt; t++) {
        const __m256d x = _mm256_broadcast_sd(vals + t);
        const double *b = B + (long)cols[t] * ldb;
        for (int v = 0; v < nv; v++) acc[v] = _mm256_fmadd_pd(x, _mm256_loadu_pd(b + 4 * v), acc[v]);
        if (tail) acc[12] = _mm256_fmadd_pd(x, _mm256_maskload_pd(b + 4 * nv, tmask), acc[12]);
    }
    double tmp[56];
    for (int v = 0; v < nv; v++) _mm256_storeu_pd(tmp + 4 * v, acc[v]);
    if (tail) _mm256_storeu_pd(tmp + 4 * nv, acc[12]);
    for (long j = 0; j < nstore; j++) {
        double a = tmp[j];
        if (bias) a = a + bias[j];
        if (sig) a = 1.0 / (1.0 + exp(-a));
        out[j] = a;
    }
}

#define CHUNK_CASE(NV) case NV: \
    if (tail) dot_chunk(c, v, cnt, B + j0, ldb, NV, 1, tailCount, bias ? bias + j0 : 0, sig, o + j0, ns); \
    else dot_chunk(c, v, cnt, B + j0, ldb, NV, 0, 0, bias ? bias + j0 : 0, sig, o + j0, ns); \
    break;

/// out[i, 0..<nstore] (row stride ldo) = row i of S·B (+ bias, σ), computing n ≥ nstore
/// columns of B (row stride ldb). Chunks of 52 columns (13 vectors), the last
/// one up to 51 columns with a masked tail.
void ck_sparse_dot_ld(const long *rowStart, const int32_t *cols, const double *vals, long m,
                          const double *B, long ldb, long n, const double *bias, int sig,
                          double *out, long ldo, long nstore) {
    for (long i = 0; i < m; i++) {
        const int32_t *c = cols + rowStart[i];
        const double *v = vals + rowStart[i];
        long cnt = rowStart[i + 1] - rowStart[i];
        double *o = out + i * ldo;
        for (long j0 = 0; j0 < nstore; j0 += 52) {
            long rem = n - j0;
            int nv = rem >= 52 ? 13 : (int)(rem / 4);
            long tailCount = rem >= 52 ? 0 : rem % 4;
            int tail = tailCount > 0;
            long ns = nstore - j0 < 52 ? nstore - j0 : 52;
            switch (nv) {
                CHUNK_CASE(0) CHUNK_CASE(1) CHUNK_CASE(2) CHUNK_CASE(3) CHUNK_CASE(4) CHUNK_CASE(5) CHUNK_CASE(6)
                CHUNK_CASE(7) CHUNK_CASE(8) CHUNK_CASE(9) CHUNK_CASE(10) CHUNK_CASE(11) CHUNK_CASE(12)
                case 13: dot_chunk(c, v, cnt, B + j0, ldb, 13, 0, 0, bias ? bias + j0 : 0, sig, o + j0, ns); break;
            }
        }
    }
}

void ck_sparse_dot(const long *rowStart, const int32_t *cols, const double *vals, long m,
                   const double *B, long n, const double *bias, int sig, double *out) {
    ck_sparse_dot_ld(rowStart, cols, vals, m, B, n, n, bias, sig, out, n, n);
}

/// acc (nv vectors, in memory at out) += Σ_{t ∈ [from, to)} x_t·B[col_t, ·]
/// (or = when first), accumulating in registers.
INLINE void blocked_part(const batch_entries *e, long from, long to, const double *B, long ldb, double *out,
                         int first, const int nv, const int compact) {
    __m256d acc[13];
    for (int v = 0; v < nv; v++) acc[v] = first ? _mm256_setzero_pd() : _mm256_loadu_pd(out + 4 * v);
    for (long t = from; t < to; t++) {
        const __m256d x = _mm256_set1_pd(entry_val(e, t, compact));
        const double *b = B + entry_col(e, t, compact) * ldb;
        for (int v = 0; v < nv; v++) acc[v] = _mm256_fmadd_pd(x, _mm256_loadu_pd(b + 4 * v), acc[v]);
    }
    for (int v = 0; v < nv; v++) _mm256_storeu_pd(out + 4 * v, acc[v]);
}

/// ck_blocked_entries_dot with the AVX2 kernels (nv = ld/4 vectors).
INLINE void blocked_dot(const batch_entries *e, long m, const double *B, long nb, long ld, long block,
                        long *cursor, double *out, const int nv, const int compact) {
    for (long i = 0; i < m; i++) cursor[i] = e->begin[i];
    for (long b0 = 0; b0 < nb || b0 == 0; b0 += block) {
        const long b1 = b0 + block;
        const int first = b0 == 0;
        for (long i = 0; i < m; i++) {
            long from = cursor[i], end = e->end[i], to = from;
            while (to < end && entry_col(e, to, compact) < b1) to++;
            cursor[i] = to;
            if (from == to && !first) continue;
            blocked_part(e, from, to, B, ld, out + i * ld, first, nv, compact);
        }
    }
}

#define DOT_CASE(NV) case NV: \
    if (e.codes) blocked_dot(&e, m, B, nb, ld, block, cursor, out, NV, 1); \
    else blocked_dot(&e, m, B, nb, ld, block, cursor, out, NV, 0); \
    break;

/// out (m×ld) = S·B for the m rows S of e and B (nb×ld), ld a multiple of 4 and
/// ≤ blocked_width(wide). B is walked in blocks of `block` rows that stay in the L1 cache;
/// every output row is accumulated block after block (its terms still in
/// increasing column order). cursor: m entries of scratch.
void ck_blocked_entries_dot(batch_entries e, long m, const double *B, long nb, long ld, long width, long block,
                            long *cursor, double *out, long wide) {
    if (wide) { ck_blocked_entries_dot512(e, m, B, nb, ld, width, block, cursor, out); return; }
    switch (width / 4) {
        DOT_CASE(1) DOT_CASE(2) DOT_CASE(3) DOT_CASE(4) DOT_CASE(5) DOT_CASE(6) DOT_CASE(7)
        DOT_CASE(8) DOT_CASE(9) DOT_CASE(10) DOT_CASE(11) DOT_CASE(12) DOT_CASE(13)
    }
}

void ck_blocked_sparse_dot(const long *rowStart, const int32_t *cols, const double *vals, long m,
                           const double *B, long nb, long ld, long block, long *cursor, double *out, long wide) {
    ck_blocked_entries_dot(csr_entries(rowStart, cols, vals), m, B, nb, ld, ld, block, cursor, out, wide);
}

/// Transposes the CSR (m rows, k columns) into colStart/trows/tvals (rows of Sᵀ, increasing i).
__attribute__((noinline)) static void transpose_csr(const long *rowStart, const int32_t *cols, const double *vals, long m, long k,
                          long *colStart, int32_t *trows, double *tvals) {
    long nnz = rowStart[m];
    memset(colStart, 0, (size_t)(k + 1) * sizeof(long));
    for (long e = 0; e < nnz; e++) colStart[cols[e] + 1]++;
    for (long p = 0; p < k; p++) colStart[p + 1] += colStart[p];
    for (long i = 0; i < m; i++) {
        for (long e = rowStart[i]; e < rowStart[i + 1]; e++) {
            long pos = colStart[cols[e]]++;
            trows[pos] = (int32_t)i;
            tvals[pos] = vals[e];
        }
    }
    for (long p = k; p > 0; p--) colStart[p] = colStart[p - 1];
    colStart[0] = 0;
}

void ck_sparse_tdot(const long *rowStart, const int32_t *cols, const double *vals, long m, long k,
                    const double *D, long n, long *colStart, int32_t *trows, double *tvals, double *out) {
    transpose_csr(rowStart, cols, vals, m, k, colStart, trows, tvals);
    ck_sparse_dot(colStart, trows, tvals, k, D, n, 0, 0, out);
}

void ck_dense_dot(const double *A, long k, long r0, long r1, const double *B, long n, double *C) {
    const long block = 64;
    long *rs = malloc((size_t)(block + 1) * sizeof(long));
    int32_t *cols = malloc((size_t)(block * k + 4) * sizeof(int32_t));
    double *vals = malloc((size_t)(block * k + 4) * sizeof(double));
    for (long r = r0; r < r1; r += block) {
        long cnt = r1 - r < block ? r1 - r : block;
        ck_sparse_rows(A, k, r, r + cnt, rs, cols, vals);
        ck_sparse_dot(rs, cols, vals, cnt, B, n, 0, 0, C + r * n);
    }
    free(rs); free(cols); free(vals);
}

void ck_dense_tdot(const double *A, long m, long k, const double *D, long n, double *C) {
    long *rs = malloc((size_t)(m + 1) * sizeof(long));
    int32_t *cols = malloc((size_t)(m * k + 4) * sizeof(int32_t));
    double *vals = malloc((size_t)(m * k + 4) * sizeof(double));
    long *cs = malloc((size_t)(k + 1) * sizeof(long));
    long nnz = ck_sparse_rows(A, k, 0, m, rs, cols, vals);
    int32_t *trows = malloc((size_t)(nnz + 1) * sizeof(int32_t));
    double *tvals = malloc((size_t)(nnz + 1) * sizeof(double));
    ck_sparse_tdot(rs, cols, vals, m, k, D, n, cs, trows, tvals, C);
    free(rs); free(cols); free(vals); free(cs); free(trows); free(tvals);
}

#pragma clang attribute pop

#endif
