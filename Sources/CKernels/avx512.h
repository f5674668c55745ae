// Internal to CKernels: AVX-512 helpers (static inline) shared by the files
// compiled for AVX-512 (F, VL, BW) or wider. Include it after the file's
// `#pragma clang attribute push`.
#ifndef CK_AVX512_H
#define CK_AVX512_H

#include "internal.h"

/// The AVX-512 blocked product fetches the next block of W1 (rows b1 ..< b1 + block, ld doubles
/// each) into L2 while it uses this one, `per` lines at a time: in the two-thread step half of
/// its rows were just written by the other thread's backward and come from that core's cache.
/// (Measured ~3 % off the forward phases with AVX-512 on an AMD EPYC Zen 4; no change with the AVX2
/// kernels there, which do not have it.)
typedef struct { const char *at, *end; long per; } block_prefetch;

static inline block_prefetch next_block_prefetch(const double *B, long nb, long ld, long b1, long block, long steps) {
    const long end = b1 + block < nb ? b1 + block : nb, lines = end > b1 ? (end - b1) * ld * 8 / 64 : 0;
    return (block_prefetch){ (const char *)(B + b1 * ld), (const char *)(B + (end > b1 ? end : b1) * ld),
                             (lines + steps - 1) / (steps > 0 ? steps : 1) };
}

INLINE void prefetch_some(block_prefetch *p) {
    for (long l = 0; l < p->per && p->at < p->end; l++, p->at += 64) _mm_prefetch(p->at, _MM_HINT_T1);
}

/// The end of the entries of block [·, b1) from `from` on: from + the number of
/// cols[from ..< end] below b1, which are at most `block` (their columns are
/// distinct and ≥ b1 − block). Sixteen at a time, without branches on the data.
INLINE long block_end512(const int32_t *cols, long from, long end, long b1, const long block) {
    const __m512i limit = _mm512_set1_epi32((int)b1);
    long count = 0;
    for (long c = 0; c < block; c += 16) {
        long avail = end - from - c;
        avail = avail < 0 ? 0 : avail > 16 ? 16 : avail;
        const __mmask16 valid = (__mmask16)((1u << avail) - 1);
        const __m512i v = _mm512_maskz_loadu_epi32(valid, cols + from + c);
        count += __builtin_popcount((unsigned)_mm512_mask_cmplt_epi32_mask(valid, v, limit));
    }
    return from + count;
}

/// block_end512 of the compact set's 16-bit columns: cols < b1 as cols ≤ b1 − 1 (b1 − 1
/// may pass 65 535, which every column is below), 32 at a time.
INLINE long block_end512_u16(const uint16_t *cols, long from, long end, long b1, const long block) {
    const __m512i limit = _mm512_set1_epi16((short)(uint16_t)(b1 - 1 > 65535 ? 65535 : b1 - 1));
    long count = 0;
    for (long c = 0; c < block; c += 32) {
        long avail = end - from - c;
        avail = avail < 0 ? 0 : avail > 32 ? 32 : avail;
        const __mmask32 valid = (__mmask32)(avail == 32 ? 0xffffffffu : (1u << avail) - 1);
        const __m512i v = _mm512_maskz_loadu_epi16(valid, cols + from + c);
        count += __builtin_popcount((unsigned)_mm512_mask_cmple_epu16_mask(valid, v, limit));
    }
    return from + count;
}

/// block_end512 of e's entries.
INLINE long entries_block_end512(const batch_entries *e, long from, long end, long b1, const long block, const int compact) {
    return compact ? block_end512_u16(e->cols16, from, end, b1, block) : block_end512(e->cols, from, end, b1, block);
}


/// z (nrows ≤ 3 rows of stride ld, 8·n8 columns) (+)= x·W1 over the pixels
/// pb0 ..< pb1 that are non-zero in at least one of the rows (dense byte
/// codes c[a][p], value pal[code], pal[0] = 0), pixels ascending. The rows
/// share every W1 load; a row's zero terms add 0·w = ±0 to a sum that is never
/// −0, so with W1 finite the sums are those of the sparse product.
INLINE void dense_rows512(const uint8_t *c0, const uint8_t *c1, const uint8_t *c2, int nrows, const double *pal,
                          const double *W, long ld, double *z, long pb0, long pb1, int first, const int n8) {
    __m512d acc[3][7];
    for (int a = 0; a < 3; a++)
        for (int v = 0; v < n8; v++)
            acc[a][v] = first || a >= nrows ? _mm512_setzero_pd() : _mm512_loadu_pd(z + a * ld + 8 * v);
    const __m512i ones = _mm512_set1_epi8(-1);
    for (long p0 = pb0; p0 < pb1; p0 += 64) {
        const long lim = pb1 - p0 < 64 ? pb1 - p0 : 64;
        const __mmask64 valid = lim == 64 ? ~0ull : ((1ull << lim) - 1);
        __mmask64 u = _mm512_mask_test_epi8_mask(valid, _mm512_maskz_loadu_epi8(valid, c0 + p0), ones)
                    | _mm512_mask_test_epi8_mask(valid, _mm512_maskz_loadu_epi8(valid, c1 + p0), ones)
                    | _mm512_mask_test_epi8_mask(valid, _mm512_maskz_loadu_epi8(valid, c2 + p0), ones);
        while (u) {
            const long p = p0 + __builtin_ctzll(u);
            u &= u - 1;
            const double *w = W + p * ld;
            __m512d wv[7];
            for (int v = 0; v < n8; v++) wv[v] = _mm512_loadu_pd(w + 8 * v);
            const __m512d x0 = _mm512_set1_pd(pal[c0[p]]), x1 = _mm512_set1_pd(pal[c1[p]]), x2 = _mm512_set1_pd(pal[c2[p]]);
            for (int v = 0; v < n8; v++) {
                acc[0][v] = _mm512_fmadd_pd(x0, wv[v], acc[0][v]);
                acc[1][v] = _mm512_fmadd_pd(x1, wv[v], acc[1][v]);
                acc[2][v] = _mm512_fmadd_pd(x2, wv[v], acc[2][v]);
            }
        }
    }
    for (int a = 0; a < nrows; a++)
        for (int v = 0; v < n8; v++) _mm512_storeu_pd(z + a * ld + 8 * v, acc[a][v]);
}

INLINE void dense_forward512(const uint8_t *codes, long m, long k, const double *pal, const double *W, long ld,
                             double *z, long block, const int n8) {
    for (long b0 = 0; b0 < k || b0 == 0; b0 += block) {
        const long b1 = b0 + block < k ? b0 + block : k;
        for (long r = 0; r < m; r += 3) {
            const int nrows = m - r < 3 ? (int)(m - r) : 3;
            const uint8_t *c0 = codes + r * k;
            dense_rows512(c0, nrows > 1 ? c0 + k : c0, nrows > 2 ? c0 + 2 * k : c0, nrows, pal, W, ld, z + r * ld, b0, b1,
                          b0 == 0, n8);
        }
    }
}

#define DENSE_FORWARD_CASE(N8) case N8: dense_forward512(codes, m, k, pal, W, ld, z, 64, N8); break;

/// dense_forward512 for any ld ≤ 56 (a multiple of 8), pixel blocks of 64.
static inline void dense_forward_ld512(const uint8_t *codes, long m, long k, const double *pal, const double *W, long ld,
                                       double *z) {
    switch (ld / 8) {
        DENSE_FORWARD_CASE(1) DENSE_FORWARD_CASE(2) DENSE_FORWARD_CASE(3) DENSE_FORWARD_CASE(4) DENSE_FORWARD_CASE(5)
        DENSE_FORWARD_CASE(6) DENSE_FORWARD_CASE(7)
    }
}

#undef DENSE_FORWARD_CASE

#endif
