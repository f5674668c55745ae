// AVX-512 VNNI (with F, VL, BW): screened evaluations (see include/CKernels.h
// and the comment below); the exact kernels they fall back to are Prediction.c.
#include "internal.h"

#if CK_X86

#pragma clang attribute push (__attribute__((target("avx512f,avx512vl,avx512bw,avx512vnni,avx2,fma"))), apply_to = function)
#include "avx2.h"
#include "avx512.h"

// ---------------------------------------------------------------------------
// Screened evaluations (AVX-512 VNNI): the labels of ck_predict_labels_compact,
// bit for bit, with most rows' first layer in 16-bit integers.
//
// x·W1 is computed exactly in int32 on quantized copies, x̃ = round(x/sx) with
// |x̃| ≤ 255 and W̃ = round(W1/sw_j) with |W̃| ≤ Q per hidden unit j, 32
// multiply-adds per vpdpwssd against 8 per double FMA. The difference from
// the double product the reference computes is bounded per row by what is
// known of it (Σ|x| and its non-zero count), carried through σ (slope ≤ 1/4)
// and W2 into a bound E_c on every output. A row whose largest approximate
// output beats every other by more than the two bounds has the reference's
// label; any other row (a near tie, a NaN) is computed again exactly by the
// double kernels. Rounding of the double computations on both sides is
// covered by terms 1e-12 relative (a 785-term sum's is below 1e-13).
// ---------------------------------------------------------------------------

struct ck_quant {
    long inputs, hidden, stride, outputs, pairs, nz, Q;
    int16_t *wq;            // pairs × nz·16 pairs (W̃[2t][j], W̃[2t+1][j]), 64-byte aligned
    double scale[64];       // sw_j (0 past hidden)
    double A[16], Bb[16], K[16];   // E_c = S·A_c + nnz·Ex·Bb_c + K_c
};

/// Only a W1 in the AVX-512 layout (ldw1 = ck_padded(h, 1), a trainer made with
/// the avx512 kernel set, see ck_net.wide) is screened, and only on a CPU with VNNI.
ck_quant *ck_quant_create(const double *w1, long ldw1, long k, const double *b1, long h,
                          const double *w2, const double *b2, long o) {
    if (!(ck_cpu_features() & CK_CPU_AVX512_VNNI) || h < 1 || ck_padded(h, 1) > 56 || o < 1 || o > 16 || k < 1 || ldw1 != ck_padded(h, 1)) return 0;
    if (!all_finite(w1, k * ldw1) || !all_finite(b1, h) || !all_finite(w2, h * o) || !all_finite(b2, o)) return 0;
    ck_quant *q = calloc(1, sizeof *q);
    if (!q) return 0;
    q->inputs = k; q->hidden = h; q->stride = ldw1; q->outputs = o;
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

/// acc[a] (nz·16 int32 each) = Σ_t x̃_a[2t..2t+1]·W̃[2t..2t+1] for the nrows ≤ 6 rows
/// xq + a·kp (kp int16, zero past the row), skipping the pairs zero in every row.
#define QR 6   // rows per integer pass (five and four measured no faster)
INLINE void quant_rows512(const int16_t *xq, long kp, int nrows, const int16_t *wq, long pairs, int32_t *out,
                          const int nz) {
    __m512i acc[QR][4];
    for (int a = 0; a < QR; a++) for (int v = 0; v < nz; v++) acc[a][v] = _mm512_setzero_si512();
    const int16_t *x[QR];
    for (int a = 0; a < QR; a++) x[a] = xq + (a < nrows ? a : 0) * kp;
    for (long t0 = 0; t0 < pairs; t0 += 16) {
        __mmask16 u = 0;
        for (int a = 0; a < QR; a++) {
            const __m512i v = _mm512_load_si512(x[a] + 2 * t0);
            u |= _mm512_test_epi32_mask(v, v);
        }
        while (u) {
            const long t = t0 + __builtin_ctz(u);
            u &= u - 1;
            const int16_t *w = wq + t * nz * 32;
            __m512i wv[4];
            for (int v = 0; v < nz; v++) wv[v] = _mm512_load_si512(w + 32 * v);
            for (int a = 0; a < QR; a++) {
                int32_t pair;
                memcpy(&pair, x[a] + 2 * t, sizeof pair);
                const __m512i xb = _mm512_set1_epi32(pair);
                for (int v = 0; v < nz; v++) acc[a][v] = _mm512_dpwssd_epi32(acc[a][v], xb, wv[v]);
            }
        }
    }
    for (int a = 0; a < nrows; a++)
        for (int v = 0; v < nz; v++) _mm512_storeu_si512(out + a * 64 + 16 * v, acc[a][v]);
}

#define QUANT_CASE(NZ) case NZ: quant_rows512(xq, kp, nrows, q->wq, q->pairs, ints, NZ); break;

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

long ck_predict_labels_compact_screened(const ck_compact *s, long r0, long r1, const ck_quant *q,
                                        const double *w1, const double *b1, const double *w2, const double *b2,
                                        long *out) {
    const long k = s->columns, h = q->hidden, hp = q->stride, o = q->outputs, block = 60;   // 10 groups of 6
    if (k != q->inputs || s->paletteSize > 255) {
        ck_predict_labels_compact(s, r0, r1, w1, hp, b1, h, w2, b2, o, 1, out);
        return r1 - r0;
    }
    // A NaN or ±∞ pixel (fmax below would pass over a NaN): the exact kernels.
    int finite = 1;
    for (long c = 0; c < s->paletteSize; c++) finite &= isfinite(s->palette[c]) != 0;
    if (!finite) {
        ck_predict_labels_compact(s, r0, r1, w1, hp, b1, h, w2, b2, o, 1, out);
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
    const long kp = (q->pairs + 15) / 16 * 32;   // int16 per decoded row: whole zmm of pairs
    int16_t *xq = aligned_alloc(64, (size_t)(QR * kp) * sizeof(int16_t));
    int32_t *ints = aligned_alloc(64, QR * 64 * sizeof(int32_t));
    double *z = aligned_alloc(64, (size_t)(block * hp) * sizeof(double));
    uint8_t *codes = malloc((size_t)(block * k));
    long *redo = malloc((size_t)block * sizeof(long));
    memset(xq, 0, (size_t)(QR * kp) * sizeof(int16_t));
    double scale[64] __attribute__((aligned(64)));
    for (long j = 0; j < 64; j++) scale[j] = q->scale[j] * sx;
    double pal[256] = { 0 }, a[16];
    for (long c = 0; c < s->paletteSize; c++) pal[c + 1] = s->palette[c];
    long exact = 0;
    for (long rb = r0; rb < r1; rb += block) {
        const long cnt = r1 - rb < block ? r1 - rb : block;
        long nredo = 0;
        for (long g = 0; g < cnt; g += QR) {
            const int nrows = cnt - g < QR ? (int)(cnt - g) : QR;
            long X[QR];
            for (int i = 0; i < nrows; i++) {
                const long r = rb + g + i;
                int16_t *row = xq + i * kp;
                for (long e = s->rowStart[r]; e < s->rowStart[r + 1]; e++) row[s->cols[e]] = xt[s->codes[e]];
                // X = Σ|x̃| (≤ 255·kp: int32 lanes do not overflow)
                __m512i sum = _mm512_setzero_si512();
                for (long c = 0; c < kp; c += 32)
                    sum = _mm512_add_epi32(sum, _mm512_madd_epi16(_mm512_abs_epi16(_mm512_load_si512(row + c)), _mm512_set1_epi16(1)));
                X[i] = _mm512_reduce_add_epi32(sum);
            }
            switch (q->nz) { QUANT_CASE(1) QUANT_CASE(2) QUANT_CASE(3) QUANT_CASE(4) }
            memset(xq, 0, (size_t)(nrows * kp) * sizeof(int16_t));
            for (int i = 0; i < nrows; i++) {
                const long r = rb + g + i, nnz = s->rowStart[r + 1] - s->rowStart[r];
                double *zi = z;   // one row's scratch
                for (long v = 0; v < hp; v += 8) {
                    const __m256i iv = _mm256_loadu_si256((const __m256i *)(ints + i * 64 + v));
                    _mm512_store_pd(zi + v, _mm512_mul_pd(_mm512_cvtepi32_pd(iv), _mm512_load_pd(scale + v)));
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
        // The unsettled rows, exactly (dense_rows_compact512's kernel).
        for (long i = 0; i < nredo; i++) compact_row_codes(s, redo[i], codes + i * k);
        dense_forward_ld512(codes, nredo, k, pal, w1, hp, z);
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
    free(xq); free(ints); free(z); free(codes); free(redo);
    return exact;
}

#pragma clang attribute pop

#endif
