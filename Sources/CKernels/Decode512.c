// AVX-512 VBMI and VBMI2 (with F, VL, BW): the screened evaluations' rows
// decoded from the compact set by expanding their codes (vpexpandb) instead
// of storing them one entry at a time. Called by Screening.c.
#include "internal.h"

#if CK_X86

#pragma clang attribute push (__attribute__((target("avx512f,avx512vl,avx512bw,avx512vbmi,avx512vbmi2,avx2,fma"))), apply_to = function)

long ck_decode_row512(const ck_compact *s, long r, const uint8_t xt8[256], int16_t *row, long kp) {
    const uint8_t *codes = s->codes + s->rowStart[r];
    const uint64_t *bits = s->nonzero + r * s->nonzeroWords;
    const __m512i t0 = _mm512_loadu_si512(xt8), t1 = _mm512_loadu_si512(xt8 + 64);
    const __m512i t2 = _mm512_loadu_si512(xt8 + 128), t3 = _mm512_loadu_si512(xt8 + 192);
    const __m512i zero = _mm512_setzero_si512();
    __m512i sum = zero;
    long taken = 0;
    for (long p0 = 0, w = 0; p0 < kp; p0 += 64, w++) {
        const uint64_t m = w < s->nonzeroWords ? bits[w] : 0;
        const long n = __builtin_popcountll(m);
        // The chunk's n codes (only they are read: the row's last ones end the array's data).
        const __m512i packed = _mm512_maskz_loadu_epi8(n == 64 ? ~0ull : (1ull << n) - 1, codes + taken);
        taken += n;
        const __m512i c = _mm512_maskz_expand_epi8(m, packed);
        // xt8[c]: the low seven bits index 128 bytes; bit 7 picks the upper half of the table.
        const __m512i lo = _mm512_permutex2var_epi8(t0, c, t1), hi = _mm512_permutex2var_epi8(t2, c, t3);
        const __m512i x = _mm512_maskz_mov_epi8(m, _mm512_mask_blend_epi8(_mm512_movepi8_mask(c), lo, hi));
        sum = _mm512_add_epi64(sum, _mm512_sad_epu8(x, zero));
        // kp is a multiple of 32: the row ends after this chunk's first or second 32 pixels.
        _mm512_storeu_si512(row + p0, _mm512_cvtepu8_epi16(_mm512_castsi512_si256(x)));
        if (p0 + 32 < kp) _mm512_storeu_si512(row + p0 + 32, _mm512_cvtepu8_epi16(_mm512_extracti64x4_epi64(x, 1)));
    }
    return (long)_mm512_reduce_add_epi64(sum);
}

#pragma clang attribute pop

#endif
