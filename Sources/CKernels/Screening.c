// AVX2/FMA: screened evaluations (see include/CKernels.h and the comment
// below) — the quantization, the integer product with vpmaddwd, the bound,
// and the exact rows; with the AVX-512 layout on a VNNI CPU the integer
// product is Screening512.c's. The exact kernels are Prediction.c's.
#include "internal.h"

#if CK_X86

#pragma clang attribute push (__attribute__((target("avx2,fma"))), apply_to = function)
#include "avx2.h"

// ---------------------------------------------------------------------------
// Screened evaluations: the labels of ck_predict_labels_compact, bit for bit,
// with most rows' first layer in 16-bit integers.
//
// x·W1 is computed exactly in int32 on quantized copies, x̃ = round(x/sx) with
// |x̃| ≤ 255 and W̃ = round(W1/sw_j) with |W̃| ≤ Q per hidden unit j: 16
// multiply-adds per vpmaddwd + vpaddd (AVX2) or 32 per vpdpwssd (AVX-512
// VNNI) against 4 or 8 per double FMA. The integers are the same either way.
// The difference from the double product the reference computes is bounded
// per row by what is known of it (Σ|x| and its non-zero count), carried
// through σ (slope ≤ 1/4) and W2 into a bound E_c on every output. A row whose
// largest approximate output beats every other by more than the two bounds
// has the reference's label; any other row (a near tie, a NaN) is computed
// again exactly by the double kernels. Rounding of the double computations on
// both sides is covered by terms 1e-12 relative (a 785-term sum's is below 1e-13).
// ---------------------------------------------------------------------------

struct ck_quant {
    long inputs, hidden, stride, outputs, pairs, nz, Q;
    long wide;              // the AVX-512 layout (stride ck_padded(hidden, 1)): exact rows by the AVX-512 kernels
    long vnni;              // the integer product by vpdpwssd (wide and a VNNI CPU), else vpmaddwd
    long vbmi2;             // vnni and a VBMI2 CPU: rows decoded by vpexpandb when their x̃ fit in bytes
    int16_t *wq;            // pairs × nz·16 pairs (W̃[2t][j], W̃[2t+1][j]), 64-byte aligned
    double scale[64];       // sw_j (0 past hidden)
    double A[16], Bb[16], K[16];   // E_c = S·A_c + nnz·Ex·Bb_c + K_c
};

ck_quant *ck_quant_create(const double *w1, long ldw1, long k, const double *b1, long h,
                          const double *w2, const double *b2, long o, long wide) {
    const int features = ck_cpu_features();
    if (!(features & CK_CPU_AVX2_FMA) || (wide && !(features & CK_CPU_AVX512))) return 0;
    if (h < 1 || ck_padded(h, wide) > blocked_width(wide) || o < 1 || o > 16 || k < 1 || ldw1 != ck_padded(h, wide)) return 0;
    if (!all_finite(w1, k * ldw1) || !all_finite(b1, h) || !all_finite(w2, h * o) || !all_finite(b2, o)) return 0;
    ck_quant *q = calloc(1, sizeof *q);
    if (!q) return 0;
    q->inputs = k; q->hidden = h; q->stride = ldw1; q->outputs = o;
    q->wide = wide != 0; q->vnni = wide && (features & CK_CPU_AVX512_VNNI);
    q->vbmi2 = q->vnni && (features & CK_CPU_AVX512_VBMI2);
    q->pairs = (k + 1) / 2; q->nz = (h + 15) / 16;
    // Σ_k |x̃_k||W̃_kj| ≤ k·255·Q must stay below 2³¹ (the int32 sums).
    const long limit = 2147483647L / (255 * 2 * q->pairs);
    q->Q = limit < 16383 ? limit : 16383;
    const size_t bytes = ((size_t)(q->pairs * q->nz * 32) * sizeof(int16_t) + 63) / 64 * 64;
    q->wq = aligned_alloc(64, bytes);
    if (!q->wq || q->Q < 64) { ck_quant_destroy(q); return 0; }
    memset(q->wq, 0, bytes);
    double mw[64] = { 0 }, ew[64] = { 0 };
    for (long p = 0; p < k; p++)
        for (long j = 0; j < h; j++) mw[j] = fmax(mw[j], fabs(w1[p * ldw1 + j]));
    for (long j = 0; j < h; j++) q->scale[j] = mw[j] / (double)q->Q;
    for (long p = 0; p < k; p++) {
        int16_t *row = q->wq + (p / 2) * q->nz * 32 + (p % 2);
        for (long j = 0; j < h; j++) {
            const double w = w1[p * ldw1 + j], sw = q->scale[j];
            double n = sw > 0 ? nearbyint(w / sw) : 0;
            n = fmin(fmax(n, -(double)q->Q), (double)q->Q);
            row[2 * j] = (int16_t)n;
            ew[j] = fmax(ew[j], fabs(fma(-sw, n, w)));   // |W − sw·W̃|, one rounding
        }
    }
    for (long c = 0; c < o; c++) {
        double A = 0, Bb = 0, K = 0, sum2 = 0;
        for (long j = 0; j < h; j++) {
            const double a2 = fabs(w2[j * o + c]), Ew = ew[j] * (1 + 1e-15) + 1e-300, mwe = mw[j] + Ew;
            A += a2 * (Ew + 2e-12 * mwe) / 4;
            Bb += a2 * mwe * (1 + 2e-12) / 4;
            K += a2 * (1e-12 * (2 * fabs(b1[j]) + 1) / 4 + 1e-14);
            sum2 += a2;
        }
        q->A[c] = A * (1 + 1e-9);
        q->Bb[c] = Bb * (1 + 1e-9);
        q->K[c] = (K + 1e-13 * (sum2 + fabs(b2[c]) + 1)) * (1 + 1e-9);
    }
    return q;
}

void ck_quant_destroy(ck_quant *q) {
    if (!q) return;
    free(q->wq); free(q);
}

/// out (8·n8 int32) = Σ_t x̃[2t..2t+1]·W̃[2t..2t+1] for the row x (zero past the
/// pairs, a multiple of 8 of them), over its non-zero pairs only — one row at a
/// time: the union of two rows' pairs cost more than their shared loads saved.
INLINE void quant_row256(const int16_t *x, const int16_t *wq, long pairs, long wstride, int32_t *out, const int n8) {
    __m256i acc[7];
    for (int v = 0; v < n8; v++) acc[v] = _mm256_setzero_si256();
    const __m256i zero = _mm256_setzero_si256();
    for (long t0 = 0; t0 < pairs; t0 += 8) {
        const __m256i xv = _mm256_load_si256((const __m256i *)(x + 2 * t0));
        unsigned u = ~(unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(xv, zero))) & 0xffu;
        while (u) {
            const long t = t0 + __builtin_ctz(u);
            u &= u - 1;
            const int16_t *w = wq + t * wstride;
            int32_t pair;
            memcpy(&pair, x + 2 * t, sizeof pair);
            const __m256i xb = _mm256_set1_epi32(pair);
            for (int v = 0; v < n8; v++)
                acc[v] = _mm256_add_epi32(acc[v], _mm256_madd_epi16(xb, _mm256_load_si256((const __m256i *)(w + 16 * v))));
        }
    }
    for (int v = 0; v < n8; v++) _mm256_storeu_si256((__m256i *)(out + 8 * v), acc[v]);
}

#define QUANT256_CASE(N8) case N8: quant_row256(x, wq, pairs, wstride, out, N8); break;

/// quant_row256 for the hidden units 0 ..< 8·n8 (n8 ≤ 7).
static void quant_row_avx2(const int16_t *x, const int16_t *wq, long pairs, long wstride, int32_t *out, long n8) {
    switch (n8) {
        QUANT256_CASE(1) QUANT256_CASE(2) QUANT256_CASE(3) QUANT256_CASE(4) QUANT256_CASE(5) QUANT256_CASE(6) QUANT256_CASE(7)
    }
}

/// The label of one row from its approximate outputs a (o values, b2 added),
/// or −1 when the bounds do not settle it.
static long settled_label(const double *a, long o, const ck_quant *q, double S, double nEx) {
    long best = 0;
    for (long c = 1; c < o; c++) if (a[c] > a[best]) best = c;
    const double eb = S * q->A[best] + nEx * q->Bb[best] + q->K[best];
    for (long c = 0; c < o; c++) {
        if (c == best) continue;
        const double ec = S * q->A[c] + nEx * q->Bb[c] + q->K[c];
        if (!(a[best] - a[c] > (eb + ec) * (1 + 1e-9))) return -1;
    }
    return best;
}

/// z (cnt × hp) = x·W1 exactly for the compact rows rows[0 ..< cnt]: the kernels of
/// the exact evaluation (the AVX-512 three-row product, or the AVX2 blocked one).
static void exact_rows(const ck_compact *s, const long *rows, long cnt, const ck_quant *q, const double *w1,
                       const double *pal, double *z, uint8_t *codes, long *rs, int32_t *cols, double *vals, long *cursor) {
    if (q->wide) {
        ck_dense_rows_compact512(s, rows, cnt, pal, w1, q->stride, z, codes);
    } else {
        ck_gather_compact(s, rows, cnt, rs, cols, vals);
        ck_blocked_sparse_dot(rs, cols, vals, cnt, w1, s->columns, q->stride, W1_BLOCK, cursor, z, 0);
    }
}

long ck_predict_labels_compact_screened(const ck_compact *s, long r0, long r1, const ck_quant *q,
                                        const double *w1, const double *b1, const double *w2, const double *b2,
                                        long *out) {
    const long k = s->columns, h = q->hidden, hp = q->stride, o = q->outputs, block = 60;   // 10 groups of 6
    if (k != q->inputs || s->paletteSize > 255) {
        ck_predict_labels_compact(s, r0, r1, w1, hp, b1, h, w2, b2, o, q->wide, out);
        return r1 - r0;
    }
    // A NaN or ±∞ pixel (fmax below would pass over a NaN): the exact kernels.
    int finite = 1;
    for (long c = 0; c < s->paletteSize; c++) finite &= isfinite(s->palette[c]) != 0;
    if (!finite) {
        ck_predict_labels_compact(s, r0, r1, w1, hp, b1, h, w2, b2, o, q->wide, out);
        return r1 - r0;
    }
    // The palette's integers: x̃_c = round(x_c/sx), |x_c − sx·x̃_c| ≤ Ex.
    double maxpal = 0;
    for (long c = 0; c < s->paletteSize; c++) maxpal = fmax(maxpal, fabs(s->palette[c]));
    const double sx = maxpal > 0 ? maxpal / 255 : 1;
    int16_t xt[256] = { 0 };
    double Ex = 0;
    for (long c = 0; c < s->paletteSize; c++) {
        double n = fmin(fmax(nearbyint(s->palette[c] / sx), -255), 255);
        xt[c] = (int16_t)n;
        Ex = fmax(Ex, fabs(fma(-sx, n, s->palette[c])));
    }
    Ex = Ex * (1 + 1e-15) + 1e-300;
    // Every x̃ in 0 ..< 256 (pixels): the rows can be decoded as bytes, by expanding their codes.
    uint8_t xt8[256] = { 0 };
    int decode = q->vbmi2 && s->nonzero != 0;
    for (long c = 0; c < s->paletteSize; c++) {
        decode &= xt[c] >= 0 && xt[c] <= 255;
        xt8[c] = (uint8_t)xt[c];
    }
    // Rows per integer pass: six with vpdpwssd (sharing W̃'s loads), one with vpmaddwd.
    const long group = q->vnni ? CK_QUANT_ROWS512 : 1, rowsMax = CK_QUANT_ROWS512;
    const long kp = (q->pairs + 15) / 16 * 32;   // int16 per decoded row: whole zmm of pairs
    int16_t *xq = aligned_alloc(64, (size_t)(rowsMax * kp) * sizeof(int16_t));
    int32_t *ints = aligned_alloc(64, rowsMax * 64 * sizeof(int32_t));
    double *z = aligned_alloc(64, (size_t)(block * hp) * sizeof(double));
    uint8_t *codes = malloc((size_t)(block * k));
    long *redo = malloc((size_t)block * sizeof(long));
    long *rs = malloc((size_t)(block + 1) * sizeof(long)), *cursor = malloc((size_t)block * sizeof(long));
    int32_t *cols = malloc((size_t)(block * k + 4) * sizeof(int32_t));
    double *vals = malloc((size_t)(block * k + 4) * sizeof(double));
    memset(xq, 0, (size_t)(rowsMax * kp) * sizeof(int16_t));
    double scale[64] __attribute__((aligned(64)));
    for (long j = 0; j < 64; j++) scale[j] = q->scale[j] * sx;
    double a[16];
    const __m256i ones = _mm256_set1_epi16(1);
    long exact = 0;
    for (long rb = r0; rb < r1; rb += block) {
        const long cnt = r1 - rb < block ? r1 - rb : block;
        long nredo = 0;
        for (long g = 0; g < cnt; g += group) {
            const int nrows = cnt - g < group ? (int)(cnt - g) : (int)group;
            long X[CK_QUANT_ROWS512];
            for (int i = 0; i < nrows; i++) {
                const long r = rb + g + i;
                int16_t *row = xq + i * kp;
                if (decode) {
                    // The whole row written (its zeros too), X = Σ x̃ = Σ|x̃|.
                    X[i] = ck_decode_row512(s, r, xt8, row, kp);
                    continue;
                }
                for (long e = s->rowStart[r]; e < s->rowStart[r + 1]; e++) row[s->cols[e]] = xt[s->codes[e]];
                // X = Σ|x̃| (≤ 255·kp: int32 lanes do not overflow)
                __m256i sum = _mm256_setzero_si256();
                for (long c = 0; c < kp; c += 16)
                    sum = _mm256_add_epi32(sum, _mm256_madd_epi16(_mm256_abs_epi16(_mm256_load_si256((const __m256i *)(row + c))), ones));
                int32_t lanes[8];
                _mm256_storeu_si256((__m256i *)lanes, sum);
                X[i] = (long)lanes[0] + lanes[1] + lanes[2] + lanes[3] + lanes[4] + lanes[5] + lanes[6] + lanes[7];
            }
            if (q->vnni) ck_quant_rows512(xq, kp, nrows, q->wq, q->pairs, q->nz, h, ints);
            else quant_row_avx2(xq, q->wq, q->pairs, q->nz * 32, ints, (h + 7) / 8);
            if (!decode) memset(xq, 0, (size_t)(nrows * kp) * sizeof(int16_t));
            for (int i = 0; i < nrows; i++) {
                const long r = rb + g + i, nnz = s->rowStart[r + 1] - s->rowStart[r];
                double *zi = z;   // one row's scratch
                for (long v = 0; v < hp; v += 4) {
                    const __m128i iv = _mm_loadu_si128((const __m128i *)(ints + i * 64 + v));
                    _mm256_store_pd(zi + v, _mm256_mul_pd(_mm256_cvtepi32_pd(iv), _mm256_load_pd(scale + v)));
                }
                sigmoid_row(zi, b1, h);
                affine_row(zi, h, w2, o, a);
                for (long c = 0; c < o; c++) a[c] += b2[c];
                const double S = (sx * (double)X[i] + (double)nnz * Ex) * (1 + 1e-12);
                const long label = settled_label(a, o, q, S, (double)nnz * Ex);
                if (label >= 0) out[r - r0] = label;
                else redo[nredo++] = r;
            }
        }
        if (nredo == 0) continue;
        // The unsettled rows, exactly.
        exact_rows(s, redo, nredo, q, w1, s->codeValue, z, codes, rs, cols, vals, cursor);
        for (long i = 0; i < nredo; i++) {
            sigmoid_row(z + i * hp, b1, h);
            affine_row(z + i * hp, h, w2, o, a);
            long best = 0;
            double bestValue = a[0] + b2[0];
            for (long c = 1; c < o; c++) {
                const double v = a[c] + b2[c];
                if (v > bestValue) { best = c; bestValue = v; }
            }
            out[redo[i] - r0] = best;
        }
        exact += nredo;
    }
    free(xq); free(ints); free(z); free(codes); free(redo); free(rs); free(cursor); free(cols); free(vals);
    return exact;
}

#pragma clang attribute pop

#endif
