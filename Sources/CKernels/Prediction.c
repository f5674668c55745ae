// AVX2/FMA: predicted labels (arg-max of the network's output) of dense or
// compact rows — the exact evaluations; the screened ones are Screening.c
// (and Screening512.c).
#include "internal.h"

#if CK_X86

#pragma clang attribute push (__attribute__((target("avx2,fma"))), apply_to = function)
#include "avx2.h"

/// ck_predict_labels for the rows of dense x, or of the compact set s when x is 0.
static void predict_labels(const double *x, const ck_compact *s, long k, long r0, long r1,
                           const double *w1, long ldw1, const double *b1, long h,
                           const double *w2, const double *b2, long o, long wideKernels, long *out) {
    // The AVX-512 kernels only where the CPU has them (a caller's wrong choice costs speed, not results).
    const long wide = wideKernels && (ck_cpu_features() & CK_CPU_AVX512), block = 64, hp = ck_padded(h, wide);
    long *rs = malloc((size_t)(block + 1) * sizeof(long));
    int32_t *cols = malloc((size_t)(block * k + 4) * sizeof(int32_t));
    double *vals = malloc((size_t)(block * k + 4) * sizeof(double));
    double *z = aligned_alloc(64, (size_t)(block * hp) * sizeof(double));
    double *a = malloc((size_t)(o > 0 ? o : 1) * sizeof(double));
    // W1 and b1 with rows padded to whole vectors, 64-byte aligned — read in
    // place when they already are (the training state's).
    const int inPlace = ldw1 == hp;
    double *wp = inPlace ? 0 : aligned_alloc(64, ((size_t)(k * hp + 8) * sizeof(double) + 63) / 64 * 64);
    double *bp = inPlace ? 0 : calloc((size_t)hp, sizeof(double));
    long *cursor = malloc((size_t)block * sizeof(long));
    if (!inPlace) {
        for (long p = 0; p < k; p++) {
            for (long j = 0; j < h; j++) wp[p * hp + j] = w1[p * ldw1 + j];
            for (long j = h; j < hp; j++) wp[p * hp + j] = 0;
        }
        for (long j = 0; j < h; j++) bp[j] = b1[j];
    }
    const double *w = inPlace ? w1 : wp, *b = inPlace ? b1 : bp;
    // AVX-512 and a compact set: three rows at a time over the union of their
    // pixels (ck_dense_rows_compact512), exact while W1 is finite.
    const int dense = !x && s && wide && hp <= blocked_width(wide) && s->paletteSize <= 255 && all_finite(w, k * hp);
    uint8_t *codes = dense ? malloc((size_t)(block * k)) : 0;
    long rows[64];
    for (long r = r0; r < r1; r += block) {
        long cnt = r1 - r < block ? r1 - r : block;
        for (long i = 0; i < cnt; i++) rows[i] = r + i;
        if (hp > blocked_width(wide)) {
            if (x) ck_sparse_rows(x, k, r, r + cnt, rs, cols, vals);
            else ck_compact_rows(s, r, r + cnt, rs, cols, vals);
            ck_sparse_dot_ld(rs, cols, vals, cnt, w, hp, hp, b, 1, z, hp, h);   // with bias and σ
        } else {
            if (dense) {
                ck_dense_rows_compact512(s, rows, cnt, s->codeValue, w, hp, z, codes);
            } else {
                if (x) ck_sparse_rows(x, k, r, r + cnt, rs, cols, vals);
                else ck_compact_rows(s, r, r + cnt, rs, cols, vals);
                ck_blocked_sparse_dot(rs, cols, vals, cnt, w, k, hp, W1_BLOCK, cursor, z, wide);
            }
            for (long i = 0; i < cnt; i++) sigmoid_row(z + i * hp, b, h);
        }
        for (long i = 0; i < cnt; i++) {
            affine_row(z + i * hp, h, w2, o, a);
            long best = 0;
            double bestValue = o > 0 ? a[0] + b2[0] : 0;
            for (long c = 1; c < o; c++) {
                double v = a[c] + b2[c];
                if (v > bestValue) { best = c; bestValue = v; }
            }
            out[r - r0 + i] = best;
        }
    }
    free(rs); free(cols); free(vals); free(z); free(a); free(wp); free(bp); free(cursor); free(codes);
}

void ck_predict_labels(const double *x, long k, long r0, long r1,
                       const double *w1, long ldw1, const double *b1, long h,
                       const double *w2, const double *b2, long o, long wide, long *out) {
    predict_labels(x, 0, k, r0, r1, w1, ldw1, b1, h, w2, b2, o, wide, out);
}

void ck_predict_labels_compact(const ck_compact *s, long r0, long r1,
                               const double *w1, long ldw1, const double *b1, long h,
                               const double *w2, const double *b2, long o, long wide, long *out) {
    predict_labels(0, s, s->columns, r0, r1, w1, ldw1, b1, h, w2, b2, o, wide, out);
}

#pragma clang attribute pop

#endif
