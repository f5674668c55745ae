// AVX2/FMA kernels for DeepLearning; see include/CKernels.h. Every function
// but ck_has_avx2_fma is compiled for AVX2+FMA (the rest of the package
// targets baseline x86-64), so callers must check ck_has_avx2_fma() first.
#include "CKernels.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

int ck_has_avx2_fma(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

// Left-packing tables for a 4-bit "non-zero" mask: the 32-bit lanes
// (two per double) of the selected doubles, and the selected lane numbers.
static int32_t packTable[16][8];
static int32_t laneTable[16][8];
static int popTable[16];

__attribute__((constructor)) static void ck_init_tables(void) {
    for (int mask = 0; mask < 16; mask++) {
        int c = 0;
        for (int l = 0; l < 4; l++) {
            if (mask >> l & 1) {
                packTable[mask][2 * c] = 2 * l;
                packTable[mask][2 * c + 1] = 2 * l + 1;
                laneTable[mask][c] = l;
                c++;
            }
        }
        for (int r = c; r < 4; r++) { packTable[mask][2 * r] = 0; packTable[mask][2 * r + 1] = 1; laneTable[mask][r] = 0; }
        for (int r = 4; r < 8; r++) laneTable[mask][r] = 0;
        popTable[mask] = c;
    }
}

#pragma clang attribute push (__attribute__((target("avx2,fma"))), apply_to = function)

#define INLINE static inline __attribute__((always_inline))
/// Rows of W1 per block of the blocked product: 48 × 52 doubles (20 KB) stay in L1.
#define W1_BLOCK 48


/// Non-zeros of row[0..<k] into cols/vals (which need 4 entries of slack); returns their count.
INLINE long compress_row(const double *row, long k, int32_t *cols, double *vals) {
    long cnt = 0, p = 0;
    const __m256d zero = _mm256_setzero_pd();
    const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 3, 0, 0, 0, 0);
    for (; p + 4 <= k; p += 4) {
        __m256d v = _mm256_loadu_pd(row + p);
        int mask = _mm256_movemask_pd(_mm256_cmp_pd(v, zero, _CMP_NEQ_UQ));
        __m256 packed = _mm256_permutevar8x32_ps(_mm256_castpd_ps(v), _mm256_loadu_si256((const __m256i *)packTable[mask]));
        _mm256_storeu_pd(vals + cnt, _mm256_castps_pd(packed));
        __m256i idx = _mm256_add_epi32(_mm256_set1_epi32((int)p), lanes);
        __m256i pidx = _mm256_permutevar8x32_epi32(idx, _mm256_loadu_si256((const __m256i *)laneTable[mask]));
        _mm_storeu_si128((__m128i *)(cols + cnt), _mm256_castsi256_si128(pidx));
        cnt += popTable[mask];
    }
    for (; p < k; p++) {
        double v = row[p];
        if (v != 0) { cols[cnt] = (int32_t)p; vals[cnt] = v; cnt++; }
    }
    return cnt;
}

long ck_gather_sparse(const double *src, long k, const long *indices, long count,
                      long *rowStart, int32_t *cols, double *vals) {
    long nnz = 0;
    rowStart[0] = 0;
    for (long i = 0; i < count; i++) {
        nnz += compress_row(src + indices[i] * k, k, cols + nnz, vals + nnz);
        rowStart[i + 1] = nnz;
    }
    return nnz;
}

long ck_sparse_rows(const double *src, long k, long r0, long r1,
                    long *rowStart, int32_t *cols, double *vals) {
    long nnz = 0;
    rowStart[0] = 0;
    for (long r = r0; r < r1; r++) {
        nnz += compress_row(src + r * k, k, cols + nnz, vals + nnz);
        rowStart[r - r0 + 1] = nnz;
    }
    return nnz;
}

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
static void sparse_dot_ld(const long *rowStart, const int32_t *cols, const double *vals, long m,
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
    sparse_dot_ld(rowStart, cols, vals, m, B, n, n, bias, sig, out, n, n);
}

/// acc (nv vectors, in memory at out) += Σ_{t ∈ [from, to)} vals[t]·B[cols[t], ·]
/// (or = when first), accumulating in registers.
INLINE void blocked_part(const int32_t *cols, const double *vals, long from, long to,
                         const double *B, long ldb, double *out, int first, const int nv) {
    __m256d acc[13];
    for (int v = 0; v < nv; v++) acc[v] = first ? _mm256_setzero_pd() : _mm256_loadu_pd(out + 4 * v);
    for (long t = from; t < to; t++) {
        const __m256d x = _mm256_broadcast_sd(vals + t);
        const double *b = B + (long)cols[t] * ldb;
        for (int v = 0; v < nv; v++) acc[v] = _mm256_fmadd_pd(x, _mm256_loadu_pd(b + 4 * v), acc[v]);
    }
    for (int v = 0; v < nv; v++) _mm256_storeu_pd(out + 4 * v, acc[v]);
}

#define PART_CASE(NV) case NV: blocked_part(cols, vals, from, to, B, ld, out + i * ld, first, NV); break;

/// out (m×ld) = S·B for S CSR (m rows) and B (nb×ld), ld a multiple of 4 and
/// ≤ 52. B is walked in blocks of `block` rows that stay in the L1 cache;
/// every output row is accumulated block after block (its terms still in
/// increasing column order). cursor: m entries of scratch.
static void blocked_sparse_dot(const long *rowStart, const int32_t *cols, const double *vals, long m,
                               const double *B, long nb, long ld, long block, long *cursor, double *out) {
    const int nv = (int)(ld / 4);
    for (long i = 0; i < m; i++) cursor[i] = rowStart[i];
    for (long b0 = 0; b0 < nb || b0 == 0; b0 += block) {
        const long b1 = b0 + block;
        const int first = b0 == 0;
        for (long i = 0; i < m; i++) {
            long from = cursor[i], end = rowStart[i + 1], to = from;
            while (to < end && cols[to] < b1) to++;
            cursor[i] = to;
            if (from == to && !first) continue;
            switch (nv) {
                PART_CASE(1) PART_CASE(2) PART_CASE(3) PART_CASE(4) PART_CASE(5) PART_CASE(6) PART_CASE(7)
                PART_CASE(8) PART_CASE(9) PART_CASE(10) PART_CASE(11) PART_CASE(12) PART_CASE(13)
            }
        }
    }
}

/// Exported for benchmarks: blocked_sparse_dot.
void ck_blocked_sparse_dot(const long *rowStart, const int32_t *cols, const double *vals, long m,
                           const double *B, long nb, long ld, long block, long *cursor, double *out) {
    blocked_sparse_dot(rowStart, cols, vals, m, B, nb, ld, block, cursor, out);
}

/// Transposes the CSR (m rows, k columns) into colStart/trows/tvals (rows of Sᵀ, increasing i).
static void transpose_csr(const long *rowStart, const int32_t *cols, const double *vals, long m, long k,
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

/// y = softmax(z1·W2 + b2) row by row (z1 rows of stride ldz), the max subtracted, as softmax(Matrix) does.
static void output_probabilities(const double *z1, long m, long h, long ldz, const double *w2, const double *b2, long o, double *y) {
    for (long i = 0; i < m; i++) {
        double *yi = y + i * o;
        const double *zi = z1 + i * ldz;
        for (long c = 0; c < o; c++) yi[c] = 0;
        for (long j = 0; j < h; j++) {
            double z = zi[j];
            const double *wj = w2 + j * o;
            for (long c = 0; c < o; c++) yi[c] += z * wj[c];
        }
        for (long c = 0; c < o; c++) yi[c] = yi[c] + b2[c];
        double mx = yi[0];
        for (long c = 1; c < o; c++) if (yi[c] > mx) mx = yi[c];
        double sum = 0;
        for (long c = 0; c < o; c++) { double e = exp(yi[c] - mx); yi[c] = e; sum += e; }
        for (long c = 0; c < o; c++) yi[c] /= sum;
    }
}

/// z1 = σ(x·W1 + b1) for the batch CSR (rows of stride hiddenStride).
static void hidden_layer(ck_net *net, long m, double *z1) {
    const long h = net->hidden, hp = net->hiddenStride;
    if (hp > 52) {
        sparse_dot_ld(net->rowStart, net->cols, net->vals, m, net->w1, hp, hp, net->b1, 1, z1, hp, h);
        return;
    }
    blocked_sparse_dot(net->rowStart, net->cols, net->vals, m, net->w1, net->inputs, hp, W1_BLOCK, net->cursor, z1);
    for (long i = 0; i < m; i++) {
        double *zi = z1 + i * hp;
        for (long j = 0; j < h; j++) zi[j] = 1.0 / (1.0 + exp(-(zi[j] + net->b1[j])));
        for (long j = h; j < hp; j++) zi[j] = 0;
    }
}

int ck_train_step(ck_net *net, const double *images, const long *batch, const long *labels,
                  double lr, double *lossOut) {
    const long k = net->inputs, h = net->hidden, hp = net->hiddenStride, o = net->outputs, m = net->batch;
    double *z1 = net->z1, *dy = net->dy, *da1 = net->da1;
    ck_gather_sparse(images, k, batch, m, net->rowStart, net->cols, net->vals);

    // Forward: z1 = σ(x·W1 + b1), y = softmax(z1·W2 + b2); dy = (y − t) / m.
    hidden_layer(net, m, z1);
    output_probabilities(z1, m, h, hp, net->w2, net->b2, o, dy);
    for (long i = 0; i < m; i++) dy[i * o + labels[i]] -= 1;
    const double dm = (double)m;
    for (long e = 0; e < m * o; e++) dy[e] = dy[e] / dm;

    // Backward: dW2 = z1ᵀ·dy, db2 = Σ dy, dz1 = (1 − z1)·z1·(dy·W2ᵀ), db1 = Σ dz1, dW1 = xᵀ·dz1.
    double *gw2 = net->gw2, *gb2 = net->gb2, *gb1 = net->gb1;
    for (long e = 0; e < h * o; e++) gw2[e] = 0;
    for (long c = 0; c < o; c++) gb2[c] = 0;
    for (long j = 0; j < h; j++) gb1[j] = 0;
    for (long i = 0; i < m; i++) {
        const double *zi = z1 + i * hp, *di = dy + i * o;
        for (long j = 0; j < h; j++) {
            double z = zi[j];
            for (long c = 0; c < o; c++) gw2[j * o + c] += z * di[c];
        }
        for (long c = 0; c < o; c++) gb2[c] += di[c];
    }
    for (long i = 0; i < m; i++) {
        const double *zi = z1 + i * hp, *di = dy + i * o;
        double *ai = da1 + i * hp;
        for (long j = 0; j < h; j++) {
            const double *wj = net->w2 + j * o;
            double s = 0;
            for (long c = 0; c < o; c++) s += di[c] * wj[c];
            double z = zi[j];
            double sg = (1 - z) * z;
            ai[j] = sg * s;
            gb1[j] += ai[j];
        }
    }
    transpose_csr(net->rowStart, net->cols, net->vals, m, k, net->colStart, net->trows, net->tvals);
    if (hp <= 52) blocked_sparse_dot(net->colStart, net->trows, net->tvals, k, da1, m, hp, 50, net->cursor, net->gw1);
    else sparse_dot_ld(net->colStart, net->trows, net->tvals, k, da1, hp, hp, 0, 0, net->gw1, hp, hp);

    // Update θ ← θ − g·lr; only W1 rows of pixels non-zero in the batch change
    // (the others have g = 0). The padding columns stay 0.
    __m256d check = _mm256_setzero_pd();
    const __m256d zero = _mm256_setzero_pd(), vlr = _mm256_set1_pd(lr);
    for (long p = 0; p < k; p++) {
        if (net->colStart[p + 1] == net->colStart[p]) continue;
        double *w = net->w1 + p * hp;
        const double *g = net->gw1 + p * hp;
        for (long j = 0; j < hp; j += 4) {
            __m256d s = _mm256_mul_pd(_mm256_loadu_pd(g + j), vlr);
            __m256d nw = _mm256_sub_pd(_mm256_loadu_pd(w + j), s);
            _mm256_storeu_pd(w + j, nw);
            check = _mm256_add_pd(check, _mm256_mul_pd(nw, zero));
        }
    }
    double bad = 0;
    for (long e = 0; e < h * o; e++) {
        double s = gw2[e] * lr;
        net->w2[e] = net->w2[e] - s;
        bad += net->w2[e] * 0.0;
    }
    for (long j = 0; j < h; j++) { double s = lr * gb1[j]; net->b1[j] = net->b1[j] - s; bad += net->b1[j] * 0.0; }
    for (long c = 0; c < o; c++) { double s = lr * gb2[c]; net->b2[c] = net->b2[c] - s; bad += net->b2[c] * 0.0; }
    double lanes[4];
    _mm256_storeu_pd(lanes, check);
    bad += lanes[0] + lanes[1] + lanes[2] + lanes[3];

    // Loss of the batch at the updated parameters.
    hidden_layer(net, m, z1);
    output_probabilities(z1, m, h, hp, net->w2, net->b2, o, dy);
    double sum = 0;
    for (long i = 0; i < m; i++) sum += log(dy[i * o + labels[i]] + 1e-7);
    *lossOut = -sum / dm;
    return bad != bad ? 1 : 0;   // NaN iff some updated parameter is NaN or ±∞
}

void ck_predict_labels(const double *x, long k, long r0, long r1,
                       const double *w1, long ldw1, const double *b1, long h,
                       const double *w2, const double *b2, long o, long *out) {
    const long block = 64, hp = ck_padded(h);
    long *rs = malloc((size_t)(block + 1) * sizeof(long));
    int32_t *cols = malloc((size_t)(block * k + 4) * sizeof(int32_t));
    double *vals = malloc((size_t)(block * k + 4) * sizeof(double));
    double *z = malloc((size_t)(block * hp) * sizeof(double));
    double *a = malloc((size_t)(o > 0 ? o : 1) * sizeof(double));
    // W1 and b1 with rows padded to whole, 32-byte-aligned vectors.
    double *wp = aligned_alloc(32, (size_t)(k * hp + 4) * sizeof(double));
    double *bp = calloc((size_t)hp, sizeof(double));
    long *cursor = malloc((size_t)block * sizeof(long));
    for (long p = 0; p < k; p++) {
        for (long j = 0; j < h; j++) wp[p * hp + j] = w1[p * ldw1 + j];
        for (long j = h; j < hp; j++) wp[p * hp + j] = 0;
    }
    for (long j = 0; j < h; j++) bp[j] = b1[j];
    for (long r = r0; r < r1; r += block) {
        long cnt = r1 - r < block ? r1 - r : block;
        ck_sparse_rows(x, k, r, r + cnt, rs, cols, vals);
        if (hp <= 52) {
            blocked_sparse_dot(rs, cols, vals, cnt, wp, k, hp, W1_BLOCK, cursor, z);
            for (long i = 0; i < cnt; i++)
                for (long j = 0; j < h; j++) z[i * hp + j] = 1.0 / (1.0 + exp(-(z[i * hp + j] + bp[j])));
        } else {
            sparse_dot_ld(rs, cols, vals, cnt, wp, hp, hp, bp, 1, z, hp, h);
        }
        for (long i = 0; i < cnt; i++) {
            const double *zi = z + i * hp;
            for (long c = 0; c < o; c++) a[c] = 0;
            for (long j = 0; j < h; j++) {
                double zz = zi[j];
                for (long c = 0; c < o; c++) a[c] += zz * w2[j * o + c];
            }
            long best = 0;
            double bestValue = o > 0 ? a[0] + b2[0] : 0;
            for (long c = 1; c < o; c++) {
                double v = a[c] + b2[c];
                if (v > bestValue) { best = c; bestValue = v; }
            }
            out[r - r0 + i] = best;
        }
    }
    free(rs); free(cols); free(vals); free(z); free(a); free(wp); free(bp); free(cursor);
}

#pragma clang attribute pop

#else
// Not x86: no AVX2; callers use the Swift/BLAS paths.
int ck_has_avx2_fma(void) { return 0; }
long ck_gather_sparse(const double *s, long k, const long *i, long c, long *r, int32_t *co, double *v) { abort(); }
long ck_sparse_rows(const double *s, long k, long a, long b, long *r, int32_t *c, double *v) { abort(); }
void ck_sparse_dot(const long *r, const int32_t *c, const double *v, long m, const double *B, long n, const double *b, int s, double *o) { abort(); }
void ck_sparse_tdot(const long *r, const int32_t *c, const double *v, long m, long k, const double *D, long n, long *cs, int32_t *t, double *tv, double *o) { abort(); }
void ck_dense_dot(const double *A, long k, long a, long b, const double *B, long n, double *C) { abort(); }
void ck_dense_tdot(const double *A, long m, long k, const double *D, long n, double *C) { abort(); }
int ck_train_step(ck_net *n, const double *i, const long *b, const long *l, double lr, double *loss) { abort(); }
void ck_predict_labels(const double *x, long k, long a, long b, const double *w1, long ld, const double *b1, long h, const double *w2, const double *b2, long o, long *out) { abort(); }
#endif
