// Internal to CKernels: AVX2/FMA helpers (static inline) shared by the files
// compiled for AVX2 or wider. Include it after the file's `#pragma clang
// attribute push`: every copy is compiled for its includer's instruction set
// (the same operations in the same order there, so the same bits).
#ifndef CK_AVX2_H
#define CK_AVX2_H

#include "internal.h"
#include "exp_table.h"


/// 1 when v[0 ..< n] are all finite (four sums of v·0 in vectors: NaN iff one is NaN or ±∞).
static inline int all_finite(const double *v, long n) {
    const __m256d zero = _mm256_setzero_pd();
    __m256d a0 = zero, a1 = zero, a2 = zero, a3 = zero;
    long i = 0;
    for (; i + 16 <= n; i += 16) {
        a0 = _mm256_add_pd(a0, _mm256_mul_pd(_mm256_loadu_pd(v + i), zero));
        a1 = _mm256_add_pd(a1, _mm256_mul_pd(_mm256_loadu_pd(v + i + 4), zero));
        a2 = _mm256_add_pd(a2, _mm256_mul_pd(_mm256_loadu_pd(v + i + 8), zero));
        a3 = _mm256_add_pd(a3, _mm256_mul_pd(_mm256_loadu_pd(v + i + 12), zero));
    }
    double lanes[4];
    _mm256_storeu_pd(lanes, _mm256_add_pd(_mm256_add_pd(a0, a1), _mm256_add_pd(a2, a3)));
    double sum = lanes[0] + lanes[1] + lanes[2] + lanes[3];
    for (; i < n; i++) sum += v[i] * 0.0;
    return sum == sum;
}

/// exp of four doubles with the C library's bits: lanes with 2⁻⁵⁴ ≤ |x| < 512
/// follow glibc's exp (≥ 2.28, the FMA build) operation by operation —
/// x = k·ln2/128 + r, 2^(k/128) from the table, degree-5 polynomial in r;
/// lanes with |x| < 2⁻⁵⁴ (0 among them) are 1 + x, as glibc returns them;
/// the others (huge, ±∞, NaN) call exp().
INLINE __m256d exp4(__m256d x) {
    const __m256i xi = _mm256_castpd_si256(x);
    const __m256i abstop = _mm256_and_si256(_mm256_srli_epi64(xi, 52), _mm256_set1_epi64x(0x7ff));
    const __m256i fast = _mm256_and_si256(_mm256_cmpgt_epi64(abstop, _mm256_set1_epi64x(0x3c8)),
                                          _mm256_cmpgt_epi64(_mm256_set1_epi64x(0x408), abstop));
    const __m256d shift = _mm256_set1_pd(CK_EXP_SHIFT);
    __m256d kd = _mm256_fmadd_pd(x, _mm256_set1_pd(CK_EXP_INV_LN2_N), shift);
    const __m256i ki = _mm256_castpd_si256(kd);
    kd = _mm256_sub_pd(kd, shift);
    __m256d r = _mm256_fmadd_pd(kd, _mm256_set1_pd(CK_EXP_NEG_LN2_HI_N), x);
    r = _mm256_fmadd_pd(kd, _mm256_set1_pd(CK_EXP_NEG_LN2_LO_N), r);
    const __m256i idx = _mm256_slli_epi64(_mm256_and_si256(ki, _mm256_set1_epi64x(0x7f)), 1);
    const __m256d tail = _mm256_castsi256_pd(_mm256_i64gather_epi64((const long long *)ck_exp_table, idx, 8));
    const __m256i sbits = _mm256_add_epi64(_mm256_slli_epi64(ki, 45),
                                           _mm256_i64gather_epi64((const long long *)ck_exp_table + 1, idx, 8));
    const __m256d p23 = _mm256_fmadd_pd(r, _mm256_set1_pd(CK_EXP_C3), _mm256_set1_pd(CK_EXP_C2));
    const __m256d t0 = _mm256_add_pd(r, tail);
    const __m256d r2 = _mm256_mul_pd(r, r);
    const __m256d p45 = _mm256_fmadd_pd(r, _mm256_set1_pd(CK_EXP_C5), _mm256_set1_pd(CK_EXP_C4));
    __m256d tmp = _mm256_fmadd_pd(p23, r2, t0);
    tmp = _mm256_fmadd_pd(_mm256_mul_pd(r2, r2), p45, tmp);
    const __m256d scale = _mm256_castsi256_pd(sbits);
    __m256d result = _mm256_fmadd_pd(scale, tmp, scale);
    int fastMask = _mm256_movemask_pd(_mm256_castsi256_pd(fast));
    if (fastMask != 0xf) {
        const __m256i tiny = _mm256_cmpgt_epi64(_mm256_set1_epi64x(0x3c9), abstop);
        result = _mm256_blendv_pd(result, _mm256_add_pd(_mm256_set1_pd(1.0), x), _mm256_castsi256_pd(tiny));
        fastMask |= _mm256_movemask_pd(_mm256_castsi256_pd(tiny));
    }
    if (fastMask != 0xf) {
        double xs[4], rs[4];
        _mm256_storeu_pd(xs, x);
        _mm256_storeu_pd(rs, result);
        for (int l = 0; l < 4; l++) if (!(fastMask >> l & 1)) rs[l] = exp(xs[l]);
        result = _mm256_loadu_pd(rs);
    }
    return result;
}

/// z[j] = 1 / (1 + exp(−(z[j] + b[j]))) for j < h, four at a time (the same
/// bits as the scalar expression); z and b have whole vectors (to h rounded
/// up to 4), and the lanes past h are set to 0.
INLINE void sigmoid_row(double *z, const double *b, long h) {
    const __m256d one = _mm256_set1_pd(1.0), sign = _mm256_set1_pd(-0.0);
    for (long j = 0; j < h; j += 4) {
        __m256d a = _mm256_add_pd(_mm256_loadu_pd(z + j), _mm256_loadu_pd(b + j));
        const long valid = h - j;
        const __m256d keep = _mm256_castsi256_pd(_mm256_setr_epi64x(-1, valid > 1 ? -1 : 0, valid > 2 ? -1 : 0, valid > 3 ? -1 : 0));
        a = _mm256_blendv_pd(one, a, keep);   // padding lanes: a harmless 1
        const __m256d sig = _mm256_div_pd(one, _mm256_add_pd(one, exp4(_mm256_xor_pd(a, sign))));
        _mm256_storeu_pd(z + j, _mm256_and_pd(sig, keep));
    }
}

/// Masks of the first `lanes` (≤ 12) lanes of three vectors.
INLINE void lane_masks(long lanes, __m256i mask[3]) {
    for (long v = 0; v < 3; v++) {
        const long valid = lanes - 4 * v;
        mask[v] = _mm256_setr_epi64x(valid > 0 ? -1 : 0, valid > 1 ? -1 : 0, valid > 2 ? -1 : 0, valid > 3 ? -1 : 0);
    }
}

/// y = softmax(z1·W2 + b2) row by row (z1 rows of stride ldz), the max subtracted, as softmax(Matrix) does.
/// a[c] = Σ_j z[j]·w[j, c] (j ascending, FMA, from 0) for c < o, w row-major h × o:
/// up to 12 columns in three vectors (masked loads; nothing past w's end is
/// read), more column by column.
INLINE void affine_row(const double *z, long h, const double *w, long o, double *a) {
    if (o > 12) {
        for (long c = 0; c < o; c++) a[c] = 0;
        for (long j = 0; j < h; j++) {
            double zj = z[j];
            for (long c = 0; c < o; c++) a[c] = fma(zj, w[j * o + c], a[c]);
        }
        return;
    }
    __m256i mask[3];
    lane_masks(o, mask);
    __m256d acc0 = _mm256_setzero_pd(), acc1 = acc0, acc2 = acc0;
    for (long j = 0; j < h; j++) {
        const __m256d zj = _mm256_broadcast_sd(z + j);
        const double *wj = w + j * o;
        acc0 = _mm256_fmadd_pd(zj, _mm256_maskload_pd(wj, mask[0]), acc0);
        acc1 = _mm256_fmadd_pd(zj, _mm256_maskload_pd(wj + 4, mask[1]), acc1);
        acc2 = _mm256_fmadd_pd(zj, _mm256_maskload_pd(wj + 8, mask[2]), acc2);
    }
    _mm256_maskstore_pd(a, mask[0], acc0);
    _mm256_maskstore_pd(a + 4, mask[1], acc1);
    _mm256_maskstore_pd(a + 8, mask[2], acc2);
}


#endif
