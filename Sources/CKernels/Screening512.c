// AVX-512 VNNI (with F, VL, BW): the screened evaluations' integer product,
// 32 multiply-adds per vpdpwssd; the rest of the screened evaluation (the
// quantization, the bound, the exact rows) is Screening.c.
#include "internal.h"

#if CK_X86

#pragma clang attribute push (__attribute__((target("avx512f,avx512vl,avx512bw,avx512vnni,avx2,fma"))), apply_to = function)

/// acc[a] (nz·16 int32 each) = Σ_t x̃_a[2t..2t+1]·W̃[2t..2t+1] for the nrows ≤ 6 rows
/// xq + a·kp (kp int16, zero past the row), skipping the pairs zero in every row. half: the
/// last vector's upper 8 lanes are past the hidden units, and it is a 256-bit one (on CPUs that
/// split 512-bit work in two, half the cost: measured 1 920 → 1 638 ticks a row for hidden 50).
INLINE void quant_rows512(const int16_t *xq, long kp, int nrows, const int16_t *wq, long pairs, int32_t *out,
                          const int nz, const int half) {
    enum { QR = CK_QUANT_ROWS512 };   // rows per integer pass (five and four measured no faster)
    const int nfull = half ? nz - 1 : nz;
    __m512i acc[QR][4];
    __m256i acc8[QR];
    for (int a = 0; a < QR; a++) {
        for (int v = 0; v < nfull; v++) acc[a][v] = _mm512_setzero_si512();
        acc8[a] = _mm256_setzero_si256();
    }
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
            for (int v = 0; v < nfull; v++) wv[v] = _mm512_load_si512(w + 32 * v);
            const __m256i w8 = half ? _mm256_load_si256((const __m256i *)(w + 32 * nfull)) : _mm256_setzero_si256();
            for (int a = 0; a < QR; a++) {
                int32_t pair;
                memcpy(&pair, x[a] + 2 * t, sizeof pair);
                const __m512i xb = _mm512_set1_epi32(pair);
                for (int v = 0; v < nfull; v++) acc[a][v] = _mm512_dpwssd_epi32(acc[a][v], xb, wv[v]);
                if (half) acc8[a] = _mm256_dpwssd_epi32(acc8[a], _mm512_castsi512_si256(xb), w8);
            }
        }
    }
    for (int a = 0; a < nrows; a++) {
        for (int v = 0; v < nfull; v++) _mm512_storeu_si512(out + a * 64 + 16 * v, acc[a][v]);
        if (half) _mm256_storeu_si256((__m256i *)(out + a * 64 + 16 * nfull), acc8[a]);
    }
}

#define QUANT_CASE(NZ) case NZ: \
    if (half) quant_rows512(xq, kp, nrows, wq, pairs, out, NZ, 1); else quant_rows512(xq, kp, nrows, wq, pairs, out, NZ, 0); break;

void ck_quant_rows512(const int16_t *xq, long kp, int nrows, const int16_t *wq, long pairs, long nz, long hidden, int32_t *out) {
    const int half = hidden <= 16 * (nz - 1) + 8;
    switch (nz) { QUANT_CASE(1) QUANT_CASE(2) QUANT_CASE(3) QUANT_CASE(4) }
}

#pragma clang attribute pop

#endif
