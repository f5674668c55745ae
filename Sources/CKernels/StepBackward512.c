// AVX-512 (F, VL, BW): the backward of one W1 block as a dense product in
// registers with W1 updated from them (while da1 is finite; otherwise
// StepBackward.c's listed backward runs). Called by StepBackward.c.
#include "internal.h"

#if CK_X86

#pragma clang attribute push (__attribute__((target("avx512f,avx512vl,avx512bw,avx2,fma"))), apply_to = function)
#include "avx512.h"

/// The dense backward's x of one W1 block: xt[(c − b0)·m + row] = x, and the pixels that occur.
typedef struct { double *xt; long m, b0; uint64_t used; } dense_spread;

/// For every batch row (all parts, rows ascending): its entries in the W1 block
/// ending at b1 (found by block_end512) spread into d, and the row's cursor moved past them.
INLINE void spread_block512(ck_net *net, long parts, long *cursor, long b1, dense_spread *d, const int compact) {
    for (long q = 0; q < parts; q++) {
        const batch_entries e = part_entries(net, q);
        for (long row = part_lo(net, q), i = 0; row < part_lo(net, q + 1); row++, i++) {
            const long from = cursor[row], to = entries_block_end512(&e, from, e.end[i], b1, W1_BLOCK, compact);
            cursor[row] = to;
            for (long t = from; t < to; t++) {
                const long c = entry_col(&e, t, compact) - d->b0;
                d->xt[c * d->m + row] = entry_val(&e, t, compact);
                d->used |= 1ull << c;
            }
        }
    }
}

/// spread_codes' block end: block_end512 of the 16-bit columns.
INLINE long vector_block_end512(const batch_entries *e, long from, long end, long b1) {
    return block_end512_u16(e->cols16, from, end, b1, W1_BLOCK);
}

/// Bit j set when row i0 + j (< m) has a non-zero code in one of x0, x1, x2 (one 64-byte test).
INLINE uint64_t nonzero_code_rows64(const uint8_t *x0, const uint8_t *x1, const uint8_t *x2, long i0, long m) {
    const long n = m - i0 < 64 ? m - i0 : 64;
    const __mmask64 valid = n == 64 ? ~0ull : (1ull << n) - 1;
    const __m512i v = _mm512_or_si512(_mm512_or_si512(_mm512_maskz_loadu_epi8(valid, x0 + i0), _mm512_maskz_loadu_epi8(valid, x1 + i0)),
                                      _mm512_maskz_loadu_epi8(valid, x2 + i0));
    return (uint64_t)_mm512_test_epi8_mask(v, v);
}

/// Bit j set when row i0 + j (< m) has a non-zero x in one of x0, x1, x2 (masked 8-lane compares).
INLINE uint64_t nonzero_rows64(const double *x0, const double *x1, const double *x2, long i0, long m) {
    const __m512d zero = _mm512_setzero_pd();
    uint64_t rows = 0;
    for (long c = 0; c < 8 && i0 + 8 * c < m; c++) {
        const long at = i0 + 8 * c;
        const __mmask8 valid = m - at >= 8 ? 0xff : (__mmask8)((1u << (m - at)) - 1);
        const __mmask8 nz = _mm512_mask_cmp_pd_mask(valid, _mm512_maskz_loadu_pd(valid, x0 + at), zero, _CMP_NEQ_UQ)
                          | _mm512_mask_cmp_pd_mask(valid, _mm512_maskz_loadu_pd(valid, x1 + at), zero, _CMP_NEQ_UQ)
                          | _mm512_mask_cmp_pd_mask(valid, _mm512_maskz_loadu_pd(valid, x2 + at), zero, _CMP_NEQ_UQ);
        rows |= (uint64_t)nz << (8 * c);
    }
    return rows;
}

/// For up to three pixels (rows pix[0..<n] of the dense block xt, m rows of x
/// each): g = Σ_i x_ip·da1[i] over the batch rows i in order, in registers,
/// skipping the rows where all of the pixels are zero (a zero x adds ±0, which
/// changes nothing: g is never −0 and da1 is finite), then W1 ← W1 − g·lr for
/// those pixels; check += the new values × 0. The columns: n8 8-wide vectors, then
/// n4 (0 or 1) 4-wide one (computed_width; W1's columns past it stay zero).
/// With bytes, the block is byte codes (xt is then xb, see spread_codes) and x = pal1[code] (source->codeValue).
INLINE void dense_group512(const double *xt, long m, const double *da1, long hp, const long *pix, const int n,
                           double *w1, long b0, __m512d vlr, __m512d *check, const int n8, const int n4,
                           const double *pal1, const int bytes) {
    __m512d acc[3][7];
    __m256d acc4[3];
    for (int k = 0; k < n; k++) {
        for (int v = 0; v < n8; v++) acc[k][v] = _mm512_setzero_pd();
        acc4[k] = _mm256_setzero_pd();
    }
    const double *x0 = xt + pix[0] * m, *x1 = xt + pix[n > 1 ? 1 : 0] * m, *x2 = xt + pix[n > 2 ? 2 : 0] * m;
    const uint8_t *xb = (const uint8_t *)xt;
    const uint8_t *c0 = xb + pix[0] * m, *c1 = xb + pix[n > 1 ? 1 : 0] * m, *c2 = xb + pix[n > 2 ? 2 : 0] * m;
    for (long i0 = 0; i0 < m; i0 += 64) {
        const uint64_t nonzero = bytes ? nonzero_code_rows64(c0, c1, c2, i0, m) : nonzero_rows64(x0, x1, x2, i0, m);
        for (uint64_t rows = nonzero; rows; rows &= rows - 1) {
            const long i = i0 + __builtin_ctzll(rows);
            __m512d d[7];
            for (int v = 0; v < n8; v++) d[v] = _mm512_load_pd(da1 + i * hp + 8 * v);
            const __m256d d4 = n4 ? _mm256_load_pd(da1 + i * hp + 8 * n8) : _mm256_setzero_pd();
            const __m512d a = _mm512_set1_pd(bytes ? pal1[c0[i]] : x0[i]);
            for (int v = 0; v < n8; v++) acc[0][v] = _mm512_fmadd_pd(a, d[v], acc[0][v]);
            if (n4) acc4[0] = _mm256_fmadd_pd(_mm512_castpd512_pd256(a), d4, acc4[0]);
            if (n > 1) {
                const __m512d b = _mm512_set1_pd(bytes ? pal1[c1[i]] : x1[i]);
                for (int v = 0; v < n8; v++) acc[1][v] = _mm512_fmadd_pd(b, d[v], acc[1][v]);
                if (n4) acc4[1] = _mm256_fmadd_pd(_mm512_castpd512_pd256(b), d4, acc4[1]);
            }
            if (n > 2) {
                const __m512d c = _mm512_set1_pd(bytes ? pal1[c2[i]] : x2[i]);
                for (int v = 0; v < n8; v++) acc[2][v] = _mm512_fmadd_pd(c, d[v], acc[2][v]);
                if (n4) acc4[2] = _mm256_fmadd_pd(_mm512_castpd512_pd256(c), d4, acc4[2]);
            }
        }
    }
    const __m512d zero = _mm512_setzero_pd();
    for (int k = 0; k < n; k++) {
        double *w = w1 + (b0 + pix[k]) * hp;
        for (int v = 0; v < n8; v++) {
            const __m512d nw = _mm512_sub_pd(_mm512_load_pd(w + 8 * v), _mm512_mul_pd(acc[k][v], vlr));
            _mm512_store_pd(w + 8 * v, nw);
            *check = _mm512_add_pd(*check, _mm512_mul_pd(nw, zero));
        }
        if (n4) {
            const __m256d nw = _mm256_sub_pd(_mm256_load_pd(w + 8 * n8), _mm256_mul_pd(acc4[k], _mm512_castpd512_pd256(vlr)));
            _mm256_store_pd(w + 8 * n8, nw);
            *check = _mm512_add_pd(*check, _mm512_zextpd256_pd512(_mm256_mul_pd(nw, _mm512_castpd512_pd256(zero))));   // upper lanes 0
        }
    }
}

#define GROUP512_N(NV, BYTES) \
    if (n == 3) dense_group512(xt, m, net->da1, hp, pix + g, 3, net->w1, b0, vlr, &check, NV / 2, NV % 2, pal1, BYTES); \
    else if (n == 2) dense_group512(xt, m, net->da1, hp, pix + g, 2, net->w1, b0, vlr, &check, NV / 2, NV % 2, pal1, BYTES); \
    else dense_group512(xt, m, net->da1, hp, pix + g, 1, net->w1, b0, vlr, &check, NV / 2, NV % 2, pal1, BYTES);
#define GROUP512_CASE(NV) case NV: if (pal1) { GROUP512_N(NV, 1) } else { GROUP512_N(NV, 0) } break;

/// The backward of one W1 block [b0, b1) (≤ 64 pixels) as a dense product: the
/// block's x values are spread into xt (pixel-major, m per pixel, zero
/// elsewhere), then every pixel that occurs in the batch gets dW1 = Σ_i x_ip·da1[i]
/// over the rows in order (those where one of the three pixels is non-zero),
/// three pixels at a time in registers, and its W1 row is updated from there
/// (no dW1 in memory). The same sums as the scatter: the added zero terms
/// change nothing while da1 is finite (the caller checks). More FMAs than the
/// scatter, but no loads and stores of dW1 per term: measured ~10 % less time
/// than the scatter here before the row skipping, which took off ~6 % more. xt is left zero. Returns the
/// check sum (NaN iff an updated value is not finite).
double ck_dense_block512(ck_net *net, long parts, long *cursor, long b0, long b1,
                         double lr, double *xt, int codes) {
    const long hp = net->hiddenStride, m = net->batch;
    const double *pal1 = codes ? net->source->codeValue : 0;
    dense_spread spread = { xt, m, b0, 0 };
    if (codes) spread_codes(net, parts, cursor, b0, b1, (uint8_t *)xt, &spread.used, vector_block_end512);
    else if (reads_source(net)) spread_block512(net, parts, cursor, b1, &spread, 1);
    else spread_block512(net, parts, cursor, b1, &spread, 0);
    uint64_t used = spread.used;
    long pix[64], count = 0;
    while (used) { pix[count++] = __builtin_ctzll(used); used &= used - 1; }
    const __m512d vlr = _mm512_set1_pd(lr);
    __m512d check = _mm512_setzero_pd();
    for (long g = 0; g < count; g += 3) {
        const int n = count - g < 3 ? (int)(count - g) : 3;
        switch (computed_width(net) / 4) {
            GROUP512_CASE(1) GROUP512_CASE(2) GROUP512_CASE(3) GROUP512_CASE(4) GROUP512_CASE(5) GROUP512_CASE(6) GROUP512_CASE(7)
            GROUP512_CASE(8) GROUP512_CASE(9) GROUP512_CASE(10) GROUP512_CASE(11) GROUP512_CASE(12) GROUP512_CASE(13) GROUP512_CASE(14)
        }
    }
    const size_t width = pal1 ? 1 : sizeof(double);
    for (long k = 0; k < count; k++) memset((char *)xt + (size_t)(pix[k] * m) * width, 0, (size_t)m * width);
    return _mm512_reduce_add_pd(check);
}

#pragma clang attribute pop

#endif
