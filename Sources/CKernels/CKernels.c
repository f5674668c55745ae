// AVX2/FMA kernels for DeepLearning; see include/CKernels.h. Every function
// but ck_has_avx2_fma is compiled for AVX2+FMA (the rest of the package
// targets baseline x86-64), so callers must check ck_has_avx2_fma() first.
#include "kernels.h"
#include <pthread.h>
#include <stdatomic.h>
#include <sched.h>

#if defined(__x86_64__) || defined(__i386__)

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

// AVX-512 variants of the two inner loops that take most of the training time
// (CPUs with AVX-512F, VL and BW, e.g. Zen 4/5): eight doubles per register
// instead of four, so a 52-wide row is 6 zmm + 1 ymm instead of 13 ymm. Every
// lane does the same FMA as before, in the same order: the same bits.
// CK_AVX512=0 turns them off; ck_set_avx512 switches them for tests.
static _Atomic int avx512State = -1;

static int avx512_supported(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw")
        && ck_has_avx2_fma();
}

int ck_avx512_supported(void) { return avx512_supported(); }

int ck_avx512_enabled(void) {
    int v = atomic_load_explicit(&avx512State, memory_order_relaxed);
    if (v < 0) {
        const char *e = getenv("CK_AVX512");
        v = avx512_supported() && !(e && e[0] == '0');
        atomic_store_explicit(&avx512State, v, memory_order_relaxed);
    }
    return v;
}

int ck_set_avx512(int on) {
    const int previous = ck_avx512_enabled();
    atomic_store_explicit(&avx512State, on && avx512_supported(), memory_order_relaxed);
    return previous;
}

#pragma clang attribute push (__attribute__((target("avx512f,avx512vl,avx512bw,avx2,fma"))), apply_to = function)

/// out[0 ..< 8·n8 + 4·n4] (+)= Σ_{t ∈ [from, to)} vals[t]·B[cols[t], ·] in registers (= when first).
INLINE void blocked_part512(const int32_t *cols, const double *vals, long from, long to,
                            const double *B, long ldb, double *out, int first, const int n8, const int n4) {
    __m512d acc[7];
    __m256d acc4 = _mm256_setzero_pd();
    for (int v = 0; v < n8; v++) acc[v] = first ? _mm512_setzero_pd() : _mm512_loadu_pd(out + 8 * v);
    if (n4 && !first) acc4 = _mm256_loadu_pd(out + 8 * n8);
    for (long t = from; t < to; t++) {
        const __m512d x = _mm512_set1_pd(vals[t]);
        const double *b = B + (long)cols[t] * ldb;
        for (int v = 0; v < n8; v++) acc[v] = _mm512_fmadd_pd(x, _mm512_loadu_pd(b + 8 * v), acc[v]);
        if (n4) acc4 = _mm256_fmadd_pd(_mm512_castpd512_pd256(x), _mm256_loadu_pd(b + 8 * n8), acc4);
    }
    for (int v = 0; v < n8; v++) _mm512_storeu_pd(out + 8 * v, acc[v]);
    if (n4) _mm256_storeu_pd(out + 8 * n8, acc4);
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

/// blocked_part512 for two output rows at once (terms a: [fa, ta), b: [fb, tb)),
/// interleaved so that the two rows' FMA chains overlap; each row's terms are
/// still added in their order.
INLINE void blocked_pair512(const int32_t *cols, const double *vals, long fa, long ta, long fb, long tb,
                            const double *B, long ldb, double *outA, double *outB, int first, const int n8, const int n4) {
    __m512d a[7], b[7];
    __m256d a4 = _mm256_setzero_pd(), b4 = _mm256_setzero_pd();
    for (int v = 0; v < n8; v++) {
        a[v] = first ? _mm512_setzero_pd() : _mm512_loadu_pd(outA + 8 * v);
        b[v] = first ? _mm512_setzero_pd() : _mm512_loadu_pd(outB + 8 * v);
    }
    if (n4 && !first) { a4 = _mm256_loadu_pd(outA + 8 * n8); b4 = _mm256_loadu_pd(outB + 8 * n8); }
    const long common = ta - fa < tb - fb ? ta - fa : tb - fb;
    for (long t = 0; t < common; t++) {
        const __m512d xa = _mm512_set1_pd(vals[fa + t]), xb = _mm512_set1_pd(vals[fb + t]);
        const double *ra = B + (long)cols[fa + t] * ldb, *rb = B + (long)cols[fb + t] * ldb;
        for (int v = 0; v < n8; v++) {
            a[v] = _mm512_fmadd_pd(xa, _mm512_loadu_pd(ra + 8 * v), a[v]);
            b[v] = _mm512_fmadd_pd(xb, _mm512_loadu_pd(rb + 8 * v), b[v]);
        }
        if (n4) {
            a4 = _mm256_fmadd_pd(_mm512_castpd512_pd256(xa), _mm256_loadu_pd(ra + 8 * n8), a4);
            b4 = _mm256_fmadd_pd(_mm512_castpd512_pd256(xb), _mm256_loadu_pd(rb + 8 * n8), b4);
        }
    }
    for (long t = fa + common; t < ta; t++) {
        const __m512d x = _mm512_set1_pd(vals[t]);
        const double *r = B + (long)cols[t] * ldb;
        for (int v = 0; v < n8; v++) a[v] = _mm512_fmadd_pd(x, _mm512_loadu_pd(r + 8 * v), a[v]);
        if (n4) a4 = _mm256_fmadd_pd(_mm512_castpd512_pd256(x), _mm256_loadu_pd(r + 8 * n8), a4);
    }
    for (long t = fb + common; t < tb; t++) {
        const __m512d x = _mm512_set1_pd(vals[t]);
        const double *r = B + (long)cols[t] * ldb;
        for (int v = 0; v < n8; v++) b[v] = _mm512_fmadd_pd(x, _mm512_loadu_pd(r + 8 * v), b[v]);
        if (n4) b4 = _mm256_fmadd_pd(_mm512_castpd512_pd256(x), _mm256_loadu_pd(r + 8 * n8), b4);
    }
    for (int v = 0; v < n8; v++) { _mm512_storeu_pd(outA + 8 * v, a[v]); _mm512_storeu_pd(outB + 8 * v, b[v]); }
    if (n4) { _mm256_storeu_pd(outA + 8 * n8, a4); _mm256_storeu_pd(outB + 8 * n8, b4); }
}

/// blocked_sparse_dot (see there) with the AVX-512 kernels, two rows at a time.
INLINE void blocked_dot512(const long *rowStart, const int32_t *cols, const double *vals, long m,
                           const double *B, long nb, long ld, long block, long *cursor, double *out,
                           const int n8, const int n4) {
    for (long i = 0; i < m; i++) cursor[i] = rowStart[i];
    for (long b0 = 0; b0 < nb || b0 == 0; b0 += block) {
        const long b1 = b0 + block;
        const int first = b0 == 0;
        long i = 0;
        for (; i + 2 <= m; i += 2) {
            const long fa = cursor[i], ta = block_end512(cols, fa, rowStart[i + 1], b1, block);
            const long fb = cursor[i + 1], tb = block_end512(cols, fb, rowStart[i + 2], b1, block);
            cursor[i] = ta;
            cursor[i + 1] = tb;
            if (fa == ta && fb == tb && !first) continue;
            blocked_pair512(cols, vals, fa, ta, fb, tb, B, ld, out + i * ld, out + (i + 1) * ld, first, n8, n4);
        }
        if (i < m) {
            const long from = cursor[i], to = block_end512(cols, from, rowStart[i + 1], b1, block);
            cursor[i] = to;
            if (from != to || first) blocked_part512(cols, vals, from, to, B, ld, out + i * ld, first, n8, n4);
        }
    }
}

#define DOT512_CASE(NV) case NV: blocked_dot512(rowStart, cols, vals, m, B, nb, ld, block, cursor, out, NV / 2, NV % 2); break;

/// blocked_sparse_dot for ld ≤ 56 (a multiple of 4) with the AVX-512 kernels.
__attribute__((noinline)) static void blocked_sparse_dot_avx512(const long *rowStart, const int32_t *cols, const double *vals, long m,
                                                                const double *B, long nb, long ld, long block, long *cursor, double *out) {
    switch (ld / 4) {
        DOT512_CASE(1) DOT512_CASE(2) DOT512_CASE(3) DOT512_CASE(4) DOT512_CASE(5) DOT512_CASE(6) DOT512_CASE(7)
        DOT512_CASE(8) DOT512_CASE(9) DOT512_CASE(10) DOT512_CASE(11) DOT512_CASE(12) DOT512_CASE(13) DOT512_CASE(14)
    }
}

/// g[cols[t], 0 ..< 8·n8 + 4·n4] += vals[t]·d for t in from ..< to.
INLINE void scatter_part512(const int32_t *cols, const double *vals, long from, long to,
                            const double *d, double *g, long ld, const int n8, const int n4) {
    __m512d dv[7];
    for (int v = 0; v < n8; v++) dv[v] = _mm512_loadu_pd(d + 8 * v);
    const __m256d dv4 = n4 ? _mm256_loadu_pd(d + 8 * n8) : _mm256_setzero_pd();
    for (long t = from; t < to; t++) {
        const __m512d x = _mm512_set1_pd(vals[t]);
        double *gp = g + (long)cols[t] * ld;
        for (int v = 0; v < n8; v++) _mm512_storeu_pd(gp + 8 * v, _mm512_fmadd_pd(x, dv[v], _mm512_loadu_pd(gp + 8 * v)));
        if (n4) _mm256_storeu_pd(gp + 8 * n8, _mm256_fmadd_pd(_mm512_castpd512_pd256(x), dv4, _mm256_loadu_pd(gp + 8 * n8)));
    }
}

#define SCATTER512_CASE(NV) case NV: scatter_part512(cols, vals, from, to, d, g, ld, NV / 2, NV % 2); break;

/// scatter_row for rows of ld ≤ 56 doubles (ld a multiple of 4).
__attribute__((noinline)) static void scatter_row_avx512(const int32_t *cols, const double *vals, long from, long to,
                                                         const double *d, double *g, long ld) {
    switch (ld / 4) {
        SCATTER512_CASE(1) SCATTER512_CASE(2) SCATTER512_CASE(3) SCATTER512_CASE(4) SCATTER512_CASE(5) SCATTER512_CASE(6)
        SCATTER512_CASE(7) SCATTER512_CASE(8) SCATTER512_CASE(9) SCATTER512_CASE(10) SCATTER512_CASE(11) SCATTER512_CASE(12)
        SCATTER512_CASE(13) SCATTER512_CASE(14)
    }
}

/// z (cnt × ld, ld a multiple of 8, ≤ 56) = x·W1 for the rows r ..< r + cnt of the
/// compact set s, three rows at a time over the union of their pixels (see
/// dense_rows512): their byte codes (code + 1, 0 for a zero pixel) are laid out
/// densely in codes (cnt × columns bytes of scratch); pal[c + 1] = s->palette[c],
/// pal[0] = 0. Needs s->paletteSize ≤ 255 and W1 finite. Measured 20 % faster than
/// decoding the rows and the sparse product on Fashion-MNIST.
__attribute__((noinline)) static void dense_rows_compact512(const ck_compact *s, long r, long cnt, const double *pal,
                                                            const double *W, long ld, double *z, uint8_t *codes) {
    const long k = s->columns;
    for (long i = 0; i < cnt; i++) compact_row_codes(s, r + i, codes + i * k);
    dense_forward_ld512(codes, cnt, k, pal, W, ld, z);
}

#pragma clang attribute pop

#pragma clang attribute push (__attribute__((target("avx2,fma"))), apply_to = function)
/// Rows of W1 per block of the blocked product: 48 × 52 doubles (20 KB) stay in L1.
#define W1_BLOCK 48



void ck_exp_array(const double *x, long n, double *out) {
    long i = 0;
    for (; i + 4 <= n; i += 4) _mm256_storeu_pd(out + i, exp4(_mm256_loadu_pd(x + i)));
    for (; i < n; i++) out[i] = exp(x[i]);
}


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
        if (i + 1 < count) {
            // The rows are scattered over the training set (DRAM): fetch the next one meanwhile.
            const char *next = (const char *)(src + indices[i + 1] * k);
            for (long b = 0; b < k * 8; b += 64) _mm_prefetch(next + b, _MM_HINT_T0);
        }
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

/// Non-zeros of row r of the compact set into cols/vals; returns their count.
INLINE long expand_row(const ck_compact *s, long r, int32_t *cols, double *vals) {
    const long a = s->rowStart[r], n = s->rowStart[r + 1] - a;
    const uint16_t *c = s->cols + a;
    const uint8_t *k = s->codes + a;
    for (long t = 0; t < n; t++) { cols[t] = c[t]; vals[t] = s->palette[k[t]]; }
    return n;
}

/// CSR of the rows indices[0..<count] of the compact set (the next row prefetched).
static long gather_compact(const ck_compact *s, const long *indices, long count,
                           long *rowStart, int32_t *cols, double *vals) {
    long nnz = 0;
    rowStart[0] = 0;
    for (long i = 0; i < count; i++) {
        if (i + 1 < count) {
            const long a = s->rowStart[indices[i + 1]], n = s->rowStart[indices[i + 1] + 1] - a;
            for (long b = 0; b < 2 * n; b += 64) _mm_prefetch((const char *)(s->cols + a) + b, _MM_HINT_T0);
            for (long b = 0; b < n; b += 64) _mm_prefetch((const char *)(s->codes + a) + b, _MM_HINT_T0);
        }
        nnz += expand_row(s, indices[i], cols + nnz, vals + nnz);
        rowStart[i + 1] = nnz;
    }
    return nnz;
}

/// CSR of the contiguous rows r0 ..< r1 of the compact set.
static long compact_rows(const ck_compact *s, long r0, long r1, long *rowStart, int32_t *cols, double *vals) {
    long nnz = 0;
    rowStart[0] = 0;
    for (long r = r0; r < r1; r++) {
        nnz += expand_row(s, r, cols + nnz, vals + nnz);
        rowStart[r - r0 + 1] = nnz;
    }
    return nnz;
}

/// Palette code of a value: a 1024-slot open-addressing table keyed by the
/// value's bits; −1 when the palette is full (256 values).
typedef struct { uint64_t key[1024]; int16_t code[1024]; int count; } palette_table;

INLINE int palette_code(palette_table *t, double *palette, double v) {
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    unsigned slot = (unsigned)((bits * 0x9E3779B97F4A7C15ull) >> 54);
    for (;;) {
        if (t->code[slot] < 0) {
            if (t->count == 256) return -1;
            t->key[slot] = bits;
            t->code[slot] = (int16_t)t->count;
            palette[t->count] = v;
            return t->count++;
        }
        if (t->key[slot] == bits) return t->code[slot];
        slot = (slot + 1) & 1023;
    }
}

ck_compact *ck_compact_create(const double *x, long rows, long columns) {
    if (columns > 65536 || columns < 1 || rows < 0) return 0;
    ck_compact *s = calloc(1, sizeof *s);
    palette_table *table = malloc(sizeof *table);
    int32_t *rc = malloc((size_t)(columns + 4) * sizeof(int32_t));
    double *rv = malloc((size_t)(columns + 4) * sizeof(double));
    s->rows = rows;
    s->columns = columns;
    s->rowStart = malloc((size_t)(rows + 1) * sizeof(long));
    // Room for every entry: pages never written are never touched.
    s->cols = malloc((size_t)(rows * columns + 16) * sizeof(uint16_t));
    s->codes = malloc((size_t)(rows * columns + 16));
    if (!table || !rc || !rv || !s->rowStart || !s->cols || !s->codes) goto fail;
    memset(table->code, 0xff, sizeof table->code);
    table->count = 0;
    long nnz = 0;
    s->rowStart[0] = 0;
    // A direct-mapped cache in front of the table, indexed by round(255·v):
    // for pixel data k/255 every look-up hits it.
    uint64_t cacheBits[256];
    uint8_t cacheCode[256];
    memset(cacheBits, 0xff, sizeof cacheBits);   // all ones: "empty" (that NaN is never taken from the cache)
    memset(cacheCode, 0, sizeof cacheCode);
    for (long r = 0; r < rows; r++) {
        long n = compress_row(x + r * columns, columns, rc, rv);
        for (long t = 0; t < n; t++) {
            const double v = rv[t];
            uint64_t bits;
            memcpy(&bits, &v, sizeof bits);
            const double scaled = v * 255.0;
            const unsigned slot = scaled >= 0 && scaled < 255.5 ? (unsigned)(scaled + 0.5) & 255 : (unsigned)(bits >> 44) & 255;
            int code;
            if (cacheBits[slot] == bits && bits != ~0ull) {
                code = cacheCode[slot];
            } else {
                code = palette_code(table, s->palette, v);
                if (code < 0) goto fail;
                cacheBits[slot] = bits;
                cacheCode[slot] = (uint8_t)code;
            }
            s->cols[nnz + t] = (uint16_t)rc[t];
            s->codes[nnz + t] = (uint8_t)code;
        }
        nnz += n;
        s->rowStart[r + 1] = nnz;
    }
    s->paletteSize = table->count;
    free(table); free(rc); free(rv);
    return s;
fail:
    free(table); free(rc); free(rv);
    ck_compact_destroy(s);
    return 0;
}

void ck_compact_destroy(ck_compact *s) {
    if (!s) return;
    free(s->rowStart); free(s->cols); free(s->codes); free(s);
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

/// The widest rows (doubles) the blocked kernels hold in registers: 13 AVX2 or 7 AVX-512 vectors.
static inline long blocked_width(long wide) { return wide ? 56 : 52; }

#define PART_CASE(NV) case NV: blocked_part(cols, vals, from, to, B, ld, out + i * ld, first, NV); break;

/// out (m×ld) = S·B for S CSR (m rows) and B (nb×ld), ld a multiple of 4 and
/// ≤ blocked_width(wide). B is walked in blocks of `block` rows that stay in the L1 cache;
/// every output row is accumulated block after block (its terms still in
/// increasing column order). cursor: m entries of scratch.
static void blocked_sparse_dot(const long *rowStart, const int32_t *cols, const double *vals, long m,
                               const double *B, long nb, long ld, long block, long *cursor, double *out, long wide) {
    if (wide) { blocked_sparse_dot_avx512(rowStart, cols, vals, m, B, nb, ld, block, cursor, out); return; }
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


__attribute__((noinline)) static void output_probabilities(const double *z1, long m, long h, long ldz, const double *w2, const double *b2, long o, double *y) {
    for (long i = 0; i < m; i++) {
        double *yi = y + i * o;
        affine_row(z1 + i * ldz, h, w2, o, yi);
        for (long c = 0; c < o; c++) yi[c] = yi[c] + b2[c];
        double mx = yi[0];
        for (long c = 1; c < o; c++) if (yi[c] > mx) mx = yi[c];
        double sum = 0;
        if (o <= 12) {
            // exp of the (up to) 12 differences in three vectors (the C library's bits), summed in order.
            double d[12] = { 0 }, e[12];
            for (long c = 0; c < o; c++) d[c] = yi[c] - mx;
            for (long v = 0; v < 12; v += 4) _mm256_storeu_pd(e + v, exp4(_mm256_loadu_pd(d + v)));
            for (long c = 0; c < o; c++) { yi[c] = e[c]; sum += e[c]; }
        } else {
            for (long c = 0; c < o; c++) { double e = exp(yi[c] - mx); yi[c] = e; sum += e; }
        }
        for (long c = 0; c < o; c++) yi[c] /= sum;
    }
}

/// For the batch rows lo ..< hi (z1, y = dy already holding softmax): dy = (y − t)/m and
/// da1 = (1 − z1)·z1·(dy·W2ᵀ) — the row-wise half of backprop.
static void backward_rows(ck_net *net, const long *labels, long lo, long hi) {
    const long hp = net->hiddenStride, o = net->outputs;
    double *dy = net->dy;
    const double dm = (double)net->batch;
    for (long i = lo; i < hi; i++) dy[i * o + labels[i]] -= 1;
    for (long e = lo * o; e < hi * o; e++) dy[e] = dy[e] / dm;
    // Four hidden units at a time from W2ᵀ (outputs × hiddenStride, zero padding):
    // s = Σ_c dy[i, c]·W2[j, c] (c ascending, FMA), da1 = (1 − z)·z·s; the padding stays 0.
    const __m256d one = _mm256_set1_pd(1.0);
    for (long i = lo; i < hi; i++) {
        const double *zi = net->z1 + i * hp, *di = dy + i * o;
        double *ai = net->da1 + i * hp;
        for (long j = 0; j < hp; j += 4) {
            __m256d acc = _mm256_setzero_pd();
            for (long c = 0; c < o; c++)
                acc = _mm256_fmadd_pd(_mm256_broadcast_sd(di + c), _mm256_load_pd(net->w2t + c * hp + j), acc);
            const __m256d z = _mm256_load_pd(zi + j);
            _mm256_store_pd(ai + j, _mm256_mul_pd(_mm256_mul_pd(_mm256_sub_pd(one, z), z), acc));
        }
    }
}

/// The column-wise half for the hidden units j0 ..< j1 (sums over the batch, i
/// ascending): dW2 rows, db1, then W2 rows and b1 updated; with b2, also db2 and b2.
/// Returns Σ (new value)·0, NaN iff an updated value is NaN or ±∞.
static double backward_columns(ck_net *net, double lr, long j0, long j1, int withB2) {
    const long hp = net->hiddenStride, o = net->outputs, m = net->batch;
    const double *z1 = net->z1, *dy = net->dy, *da1 = net->da1;
    double *gw2 = net->gw2, *gb1 = net->gb1, *gb2 = net->gb2;
    double bad = 0;
    for (long j = j0; j < j1; j++) {
        for (long c = 0; c < o; c++) gw2[j * o + c] = 0;
        gb1[j] = 0;
        for (long i = 0; i < m; i++) {
            double z = z1[i * hp + j];
            const double *di = dy + i * o;
            for (long c = 0; c < o; c++) gw2[j * o + c] += z * di[c];
        }
        for (long i = 0; i < m; i++) gb1[j] += da1[i * hp + j];
        for (long c = 0; c < o; c++) {
            double s = gw2[j * o + c] * lr;
            net->w2[j * o + c] = net->w2[j * o + c] - s;
            net->w2t[c * hp + j] = net->w2[j * o + c];
            bad += net->w2[j * o + c] * 0.0;
        }
        double s = lr * gb1[j];
        net->b1[j] = net->b1[j] - s;
        bad += net->b1[j] * 0.0;
    }
    if (withB2) {
        for (long c = 0; c < o; c++) gb2[c] = 0;
        for (long i = 0; i < m; i++)
            for (long c = 0; c < o; c++) gb2[c] += dy[i * o + c];
        for (long c = 0; c < o; c++) { double s = lr * gb2[c]; net->b2[c] = net->b2[c] - s; bad += net->b2[c] * 0.0; }
    }
    return bad;
}

/// CK_TRANSPOSED_BACKWARD=1 selects the transpose-then-product backward (for measurements).
static int getenv_scatter(void) {
    static _Atomic int value = -1;
    int v = atomic_load_explicit(&value, memory_order_relaxed);
    if (v < 0) {
        const char *e = getenv("CK_TRANSPOSED_BACKWARD");
        v = e && e[0] == '1' ? 0 : 1;
        atomic_store_explicit(&value, v, memory_order_relaxed);
    }
    return v;
}

/// Rows lo ..< hi of the batch belong to part q: lo = rowSplit[q] (q·batch/parts unless
/// the two-thread step moved it, see adapt_split).
static inline long part_lo(const ck_net *net, long q) { return net->rowSplit[q]; }

/// Part q's batch rows lo ..< lo + count and their CSR (rowStart[i] is row lo + i's
/// first entry), which lives at rowStart + lo + q and cols/vals + lo·inputs + 4q.
typedef struct { long lo, count; long *rowStart; int32_t *cols; double *vals; } part_rows;

static inline part_rows rows_of_part(const ck_net *net, long q) {
    const long lo = part_lo(net, q), off = lo * net->inputs + 4 * q;
    return (part_rows){ lo, part_lo(net, q + 1) - lo, net->rowStart + lo + q, net->cols + off, net->vals + off };
}

/// z1 = σ(x·W1 + b1) for the rows of part q.
static void hidden_layer_part(ck_net *net, long q, long parts) {
    const long h = net->hidden, hp = net->hiddenStride;
    const part_rows pr = rows_of_part(net, q);
    double *z1 = net->z1 + pr.lo * hp;
    if (hp > blocked_width(net->wide)) {
        sparse_dot_ld(pr.rowStart, pr.cols, pr.vals, pr.count, net->w1, hp, hp, net->b1, 1, z1, hp, h);
        return;
    }
    blocked_sparse_dot(pr.rowStart, pr.cols, pr.vals, pr.count, net->w1, net->inputs, hp, W1_BLOCK,
                       net->cursor + pr.lo, z1, net->wide);
    for (long i = 0; i < pr.count; i++) {
        double *zi = z1 + i * hp;
        sigmoid_row(zi, net->b1, h);
    }
}

/// σ(x·W1 + b1), then softmax(z1·W2 + b2) into dy, for the batch rows of part q.
static void forward_part(ck_net *net, long q, long parts) {
    const long lo = part_lo(net, q), hi = part_lo(net, q + 1);
    const long hp = net->hiddenStride, o = net->outputs;
    hidden_layer_part(net, q, parts);
    output_probabilities(net->z1 + lo * hp, hi - lo, net->hidden, hp, net->w2, net->b2, o, net->dy + lo * o);
}

void ck_step_forward(ck_net *net, const double *images, const long *batch, const long *labels, long q, long parts) {
    const part_rows pr = rows_of_part(net, q);
    if (net->source) gather_compact(net->source, batch + pr.lo, pr.count, pr.rowStart, pr.cols, pr.vals);
    else ck_gather_sparse(images, net->inputs, batch + pr.lo, pr.count, pr.rowStart, pr.cols, pr.vals);
    forward_part(net, q, parts);
    backward_rows(net, labels, pr.lo, pr.lo + pr.count);
}

/// First entry of the sorted cols[from ..< to] that is ≥ c.
static inline long lower_bound(const int32_t *cols, long from, long to, long c) {
    while (from < to) {
        long mid = (from + to) / 2;
        if (cols[mid] < c) from = mid + 1; else to = mid;
    }
    return from;
}

/// w[0..<hp] ← w − g·lr (hp a multiple of 4), and check += w·0 for the new
/// values, so that check becomes NaN iff one of them is NaN or ±∞.
INLINE void update_w1_row(double *w, const double *g, long hp, __m256d vlr, __m256d *check) {
    const __m256d zero = _mm256_setzero_pd();
    for (long j = 0; j < hp; j += 4) {
        __m256d s = _mm256_mul_pd(_mm256_loadu_pd(g + j), vlr);
        __m256d nw = _mm256_sub_pd(_mm256_loadu_pd(w + j), s);
        _mm256_storeu_pd(w + j, nw);
        *check = _mm256_add_pd(*check, _mm256_mul_pd(nw, zero));
    }
}

/// partFlags[r] = the sum of the lanes of check (read by ck_step_finish).
INLINE void store_part_flag(ck_net *net, long r, __m256d check) {
    double lanes[4];
    _mm256_storeu_pd(lanes, check);
    net->partFlags[r] = lanes[0] + lanes[1] + lanes[2] + lanes[3];
}

/// g[cols[t], ·] += vals[t]·d for t in from ..< to (d: nv vectors, held in registers).
INLINE void scatter_row(const int32_t *cols, const double *vals, long from, long to,
                        const double *d, double *g, long ld, const int nv) {
    __m256d dv[13];
    for (int v = 0; v < nv; v++) dv[v] = _mm256_loadu_pd(d + 4 * v);
    for (long t = from; t < to; t++) {
        const __m256d x = _mm256_broadcast_sd(vals + t);
        double *gp = g + (long)cols[t] * ld;
        for (int v = 0; v < nv; v++) _mm256_storeu_pd(gp + 4 * v, _mm256_fmadd_pd(x, dv[v], _mm256_loadu_pd(gp + 4 * v)));
    }
}

#define SCATTER_CASE(NV) case NV: scatter_row(cols, vals, from, to, d, net->gw1, hp, NV); break;

/// Prefetches into L2 the compact rows of the next step's batch (net->nextBatch)
/// that part q will gather: its rows lo + from ..< lo + to.
static void prefetch_next(const ck_net *net, long q, long parts, long from, long to) {
    const ck_compact *s = net->source;
    if (!s || !net->nextBatch) return;
    const long lo = part_lo(net, q);
    for (long i = lo + from; i < lo + to; i++) {
        const long a = s->rowStart[net->nextBatch[i]], n = s->rowStart[net->nextBatch[i] + 1] - a;
        for (long b = 0; b < 2 * n; b += 64) _mm_prefetch((const char *)(s->cols + a) + b, _MM_HINT_T1);
        for (long b = 0; b < n; b += 64) _mm_prefetch((const char *)(s->codes + a) + b, _MM_HINT_T1);
    }
}

#pragma clang attribute pop
#pragma clang attribute push (__attribute__((target("avx512f,avx512vl,avx512bw,avx2,fma"))), apply_to = function)

/// For every batch row (all parts, rows ascending): visit(context, cols, vals,
/// row, from, to) with the row's entries [from, to) in the W1 block ending at
/// b1 (found by block_end512), and the row's cursor moved past them.
INLINE void each_block_row512(ck_net *net, long parts, long *cursor, long b1,
                              void (*visit)(void *, const int32_t *, const double *, long, long, long), void *context) {
    for (long q = 0; q < parts; q++) {
        const part_rows pr = rows_of_part(net, q);
        for (long i = 0; i < pr.count; i++) {
            const long row = pr.lo + i, from = cursor[row], to = block_end512(pr.cols, from, pr.rowStart[i + 1], b1, W1_BLOCK);
            cursor[row] = to;
            visit(context, pr.cols, pr.vals, row, from, to);
        }
    }
}

/// dW1 rows += x·da1[row] for one row's entries (the scatter).
INLINE void scatter_visit512(void *context, const int32_t *cols, const double *vals, long row, long from, long to) {
    const ck_net *net = context;
    if (from < to) scatter_row_avx512(cols, vals, from, to, net->da1 + row * net->hiddenStride, net->gw1, net->hiddenStride);
}

/// The dense backward's x of one W1 block: xt[(c − b0)·m + row] = x, and the pixels that occur.
typedef struct { double *xt; long m, b0; uint64_t used; } dense_spread;

INLINE void dense_visit512(void *context, const int32_t *cols, const double *vals, long row, long from, long to) {
    dense_spread *d = context;
    for (long t = from; t < to; t++) {
        const long c = cols[t] - d->b0;
        d->xt[c * d->m + row] = vals[t];
        d->used |= 1ull << c;
    }
}

/// The scatter of one W1 block [b0, b1) (see scatter_backward) with the AVX-512 kernels:
/// every batch row's entries in the block found without branches (block_end512).
__attribute__((noinline)) static void scatter_block_avx512(ck_net *net, long parts, long *cursor, long b0, long b1) {
    each_block_row512(net, parts, cursor, b1, scatter_visit512, net);
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
/// those pixels; check += the new values × 0.
INLINE void dense_group512(const double *xt, long m, const double *da1, long hp, const long *pix, const int n,
                           double *w1, long b0, __m512d vlr, __m512d *check, const int n8) {
    __m512d acc[3][7];
    for (int k = 0; k < n; k++) for (int v = 0; v < n8; v++) acc[k][v] = _mm512_setzero_pd();
    const double *x0 = xt + pix[0] * m, *x1 = xt + pix[n > 1 ? 1 : 0] * m, *x2 = xt + pix[n > 2 ? 2 : 0] * m;
    for (long i0 = 0; i0 < m; i0 += 64) {
        for (uint64_t rows = nonzero_rows64(x0, x1, x2, i0, m); rows; rows &= rows - 1) {
            const long i = i0 + __builtin_ctzll(rows);
            __m512d d[7];
            for (int v = 0; v < n8; v++) d[v] = _mm512_load_pd(da1 + i * hp + 8 * v);
            const __m512d a = _mm512_set1_pd(x0[i]);
            for (int v = 0; v < n8; v++) acc[0][v] = _mm512_fmadd_pd(a, d[v], acc[0][v]);
            if (n > 1) {
                const __m512d b = _mm512_set1_pd(x1[i]);
                for (int v = 0; v < n8; v++) acc[1][v] = _mm512_fmadd_pd(b, d[v], acc[1][v]);
            }
            if (n > 2) {
                const __m512d c = _mm512_set1_pd(x2[i]);
                for (int v = 0; v < n8; v++) acc[2][v] = _mm512_fmadd_pd(c, d[v], acc[2][v]);
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
    }
}

#define GROUP512_CASE(N8) case N8: \
    if (n == 3) dense_group512(xt, m, net->da1, hp, pix + g, 3, net->w1, b0, vlr, &check, N8); \
    else if (n == 2) dense_group512(xt, m, net->da1, hp, pix + g, 2, net->w1, b0, vlr, &check, N8); \
    else dense_group512(xt, m, net->da1, hp, pix + g, 1, net->w1, b0, vlr, &check, N8); \
    break;

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
__attribute__((noinline)) static double dense_block_avx512(ck_net *net, long parts, long *cursor, long b0, long b1,
                                                           double lr, double *xt) {
    const long hp = net->hiddenStride, m = net->batch;
    dense_spread spread = { xt, m, b0, 0 };
    each_block_row512(net, parts, cursor, b1, dense_visit512, &spread);
    uint64_t used = spread.used;
    long pix[64], count = 0;
    while (used) { pix[count++] = __builtin_ctzll(used); used &= used - 1; }
    const __m512d vlr = _mm512_set1_pd(lr);
    __m512d check = _mm512_setzero_pd();
    for (long g = 0; g < count; g += 3) {
        const int n = count - g < 3 ? (int)(count - g) : 3;
        switch (hp / 8) {
            GROUP512_CASE(1) GROUP512_CASE(2) GROUP512_CASE(3) GROUP512_CASE(4) GROUP512_CASE(5) GROUP512_CASE(6) GROUP512_CASE(7)
        }
    }
    for (long k = 0; k < count; k++) memset(xt + pix[k] * m, 0, (size_t)m * sizeof(double));
    return _mm512_reduce_add_pd(check);
}

#pragma clang attribute pop
#pragma clang attribute push (__attribute__((target("avx2,fma"))), apply_to = function)

/// dW1 rows p0 ..< p1 = xᵀ·dz1 without transposing the batch: W1-row blocks of
/// 48 (L1), every batch row's non-zeros in the block added to their dW1 rows
/// (i ascending, FMA — the same sums as the transposed product), then the
/// W1 update of the block's touched rows. Needs hp ≤ 52.
static void scatter_backward(ck_net *net, double lr, long r, long parts) {
    const long hp = net->hiddenStride, m = net->batch;
    const long p0 = net->pixelSplit[r], p1 = net->pixelSplit[r + 1];
    const int nv = (int)(hp / 4), wide = (int)net->wide;
    long *cursor = net->cursor + r * m;
    for (long q = 0; q < parts; q++) {
        const part_rows pr = rows_of_part(net, q);
        for (long i = 0; i < pr.count; i++) cursor[pr.lo + i] = lower_bound(pr.cols, pr.rowStart[i], pr.rowStart[i + 1], p0);
    }
    __m256d check = _mm256_setzero_pd();
    const __m256d vlr = _mm256_set1_pd(lr);
    unsigned char touched[W1_BLOCK];
    // The next batch's rows are fetched from memory a few per block, while this computes.
    const long blocks = (p1 - p0 + W1_BLOCK - 1) / W1_BLOCK, own = part_lo(net, r + 1) - part_lo(net, r);
    // AVX-512: the dense backward per block while da1 is finite (always, unless training diverges).
    const int dense = wide && net->xt && all_finite(net->da1, m * hp);
    double denseCheck = 0;
    for (long b0 = p0, bi = 0; b0 < p1; b0 += W1_BLOCK, bi++) {
        const long b1 = b0 + W1_BLOCK < p1 ? b0 + W1_BLOCK : p1;
        prefetch_next(net, r, parts, bi * own / blocks, (bi + 1) * own / blocks);
        if (dense) {
            denseCheck += dense_block_avx512(net, parts, cursor, b0, b1, lr, net->xt + r * W1_BLOCK * m);
            continue;
        }
        memset(net->gw1 + b0 * hp, 0, (size_t)((b1 - b0) * hp) * sizeof(double));
        if (wide) {
            // (Only when da1 is not finite.) Every W1 row of the block is updated: rows of
            // pixels absent from the batch have dW1 = 0, and w − 0·lr is w, bit for bit.
            scatter_block_avx512(net, parts, cursor, b0, b1);
            memset(touched, 1, sizeof touched);
        } else {
            memset(touched, 0, sizeof touched);
            for (long q = 0; q < parts; q++) {
                const part_rows pr = rows_of_part(net, q);
                const int32_t *cols = pr.cols;
                const double *vals = pr.vals;
                for (long i = 0; i < pr.count; i++) {
                    const long row = pr.lo + i, from = cursor[row], end = pr.rowStart[i + 1];
                    long to = from;
                    while (to < end && cols[to] < b1) { touched[cols[to] - b0] = 1; to++; }
                    cursor[row] = to;
                    if (from == to) continue;
                    const double *d = net->da1 + row * hp;
                    switch (nv) {
                        SCATTER_CASE(1) SCATTER_CASE(2) SCATTER_CASE(3) SCATTER_CASE(4) SCATTER_CASE(5) SCATTER_CASE(6) SCATTER_CASE(7)
                        SCATTER_CASE(8) SCATTER_CASE(9) SCATTER_CASE(10) SCATTER_CASE(11) SCATTER_CASE(12) SCATTER_CASE(13)
                    }
                }
            }
        }
        // W1 ← W1 − dW1·lr for the rows of pixels non-zero in the batch (the others have dW1 = 0).
        for (long p = b0; p < b1; p++) {
            if (!touched[p - b0]) continue;
            update_w1_row(net->w1 + p * hp, net->gw1 + p * hp, hp, vlr, &check);
        }
    }
    store_part_flag(net, r, check);
    net->partFlags[r] += denseCheck;
}

/// pixelSplit[r] for r = 1 ..< parts at the shares share[r] (share[0] = 0,
/// share[parts] = 1) of the cumulative work pixelWork.
static void split_pixels(ck_net *net, const double *share) {
    const long k = net->inputs, parts = net->parts;
    const double total = (double)net->pixelWork[k];
    net->pixelSplit[0] = 0;
    net->pixelSplit[parts] = k;
    long p = 0;
    for (long r = 1; r < parts; r++) {
        while (p < k && (double)net->pixelWork[p] < share[r] * total) p++;
        net->pixelSplit[r] = p;
    }
}

void ck_net_balance(ck_net *net) {
    const long k = net->inputs, parts = net->parts, m = net->batch;
    for (long q = 0; q <= parts; q++) net->rowSplit[q] = q * m / parts;
    // pixelWork[p] = non-zeros in pixels < p over every 8th row of source (1 per pixel without one).
    const ck_compact *s = net->source;
    for (long p = 0; p <= k; p++) net->pixelWork[p] = p;
    if (s && s->rows > 0) {
        for (long p = 0; p <= k; p++) net->pixelWork[p] = 0;
        for (long r = 0; r < s->rows; r += 8)
            for (long e = s->rowStart[r]; e < s->rowStart[r + 1]; e++) net->pixelWork[s->cols[e] + 1]++;
        for (long p = 0; p < k; p++) net->pixelWork[p + 1] += net->pixelWork[p];
        if (net->pixelWork[k] == 0) for (long p = 0; p <= k; p++) net->pixelWork[p] = p;
    }
    double share[9];
    for (long r = 0; r <= parts; r++) share[r] = (double)r / (double)parts;
    split_pixels(net, share);
    net->rowShare = net->pixelShare = 0.5;
}

/// The two-thread step moves the boundaries between its parts toward equal
/// times: each part's speed is its share of the work over its time, and the
/// new share of part 0 is a quarter of the way from the old one to
/// speed0/(speed0 + speed1) (kept in [0.2, 0.8]). Only where rows and W1
/// rows are computed changes, never how.
static double adapted_share(double share, double time0, double time1) {
    if (time0 <= 0 || time1 <= 0) return share;
    const double speed0 = share / time0, speed1 = (1 - share) / time1;
    double next = share + 0.25 * (speed0 / (speed0 + speed1) - share);
    return next < 0.2 ? 0.2 : next > 0.8 ? 0.8 : next;
}

static void adapt_split(ck_net *net, const double rowTime[2], const double pixelTime[2]) {
    const long m = net->batch;
    // The row shares actually used (rows are whole).
    const double rowsUsed = (double)net->rowSplit[1] / (double)m;
    net->rowShare = adapted_share(rowsUsed, rowTime[0], rowTime[1]);
    long rows0 = (long)(net->rowShare * (double)m + 0.5);
    net->rowSplit[1] = rows0 < 1 ? 1 : rows0 > m - 1 ? m - 1 : rows0;
    const double pixelsUsed = (double)net->pixelWork[net->pixelSplit[1]] / (double)net->pixelWork[net->inputs];
    net->pixelShare = adapted_share(pixelsUsed, pixelTime[0], pixelTime[1]);
    const double share[3] = { 0, net->pixelShare, 1 };
    split_pixels(net, share);
}

/// dW1 rows of part r and the update of those W1 rows (scatter, or transposed batch times da1).
static void w1_backward(ck_net *net, double lr, long r, long parts) {
    if (net->hiddenStride <= blocked_width(net->wide) && getenv_scatter()) { scatter_backward(net, lr, r, parts); return; }
    const long hp = net->hiddenStride, m = net->batch;
    const long p0 = net->pixelSplit[r], p1 = net->pixelSplit[r + 1], width = p1 - p0;
    prefetch_next(net, r, parts, 0, part_lo(net, r + 1) - part_lo(net, r));
    long *cs = net->colStart + p0 + r;
    int32_t *trows = net->trows + p0 * m;
    double *tvals = net->tvals + p0 * m;
    // Sᵀ restricted to the columns p0 ..< p1 (rows of dW1 this part computes), i ascending.
    memset(cs, 0, (size_t)(width + 1) * sizeof(long));
    for (long q = 0; q < parts; q++) {
        const part_rows pr = rows_of_part(net, q);
        for (long i = 0; i < pr.count; i++) {
            for (long e = lower_bound(pr.cols, pr.rowStart[i], pr.rowStart[i + 1], p0); e < pr.rowStart[i + 1] && pr.cols[e] < p1; e++)
                cs[pr.cols[e] - p0 + 1]++;
        }
    }
    for (long p = 0; p < width; p++) cs[p + 1] += cs[p];
    for (long q = 0; q < parts; q++) {
        const part_rows pr = rows_of_part(net, q);
        for (long i = 0; i < pr.count; i++) {
            for (long e = lower_bound(pr.cols, pr.rowStart[i], pr.rowStart[i + 1], p0); e < pr.rowStart[i + 1] && pr.cols[e] < p1; e++) {
                long pos = cs[pr.cols[e] - p0]++;
                trows[pos] = (int32_t)(pr.lo + i);
                tvals[pos] = pr.vals[e];
            }
        }
    }
    for (long p = width; p > 0; p--) cs[p] = cs[p - 1];
    cs[0] = 0;
    double *gw1 = net->gw1 + p0 * hp;
    if (hp <= blocked_width(net->wide)) blocked_sparse_dot(cs, trows, tvals, width, net->da1, m, hp, 50, net->cursor + p0, gw1, net->wide);
    else sparse_dot_ld(cs, trows, tvals, width, net->da1, hp, hp, 0, 0, gw1, hp, hp);

    // W1 ← W1 − dW1·lr; only rows of pixels non-zero in the batch change
    // (the others have dW1 = 0). The padding columns stay 0.
    __m256d check = _mm256_setzero_pd();
    const __m256d vlr = _mm256_set1_pd(lr);
    for (long p = 0; p < width; p++) {
        if (cs[p + 1] == cs[p]) continue;
        update_w1_row(net->w1 + (p0 + p) * hp, gw1 + p * hp, hp, vlr, &check);
    }
    store_part_flag(net, r, check);
}

void ck_step_backward(ck_net *net, double lr, long r, long parts) {
    w1_backward(net, lr, r, parts);
    const long h = net->hidden;
    net->partFlags[r] += backward_columns(net, lr, r * h / parts, (r + 1) * h / parts, r == parts - 1);
}

int ck_step_finish(ck_net *net, long parts) {
    double bad = 0;
    for (long r = 0; r < parts; r++) bad += net->partFlags[r];
    return bad != bad ? 1 : 0;   // NaN iff some updated parameter is NaN or ±∞
}

void ck_step_loss_forward(ck_net *net, const long *labels, long q, long parts) {
    const long lo = part_lo(net, q), hi = part_lo(net, q + 1), o = net->outputs;
    forward_part(net, q, parts);
    for (long i = lo; i < hi; i++) net->rowLoss[i] = log(net->dy[i * o + labels[i]] + 1e-7);
}

double ck_step_loss(ck_net *net) {
    double sum = 0;
    for (long i = 0; i < net->batch; i++) sum += net->rowLoss[i];
    return -sum / (double)net->batch;
}

int ck_train_step(ck_net *net, const double *images, const long *batch, const long *labels,
                  double lr, double *lossOut) {
    const long parts = net->parts;
    for (long q = 0; q < parts; q++) ck_step_forward(net, images, batch, labels, q, parts);
    for (long r = 0; r < parts; r++) ck_step_backward(net, lr, r, parts);
    for (long q = 0; q < parts; q++) ck_step_loss_forward(net, labels, q, parts);
    *lossOut = ck_step_loss(net);
    return ck_step_finish(net, parts);
}

/// A helper thread for the two-part training step: it spins briefly for new
/// work (the phases are ~0.1 ms apart), then sleeps on a condition variable.
struct ck_helper {
    unsigned long long lastTicks;     // time stamp counter ticks of the helper's last piece of work
    pthread_t thread;
    pthread_mutex_t mutex;
    pthread_cond_t wake;
    _Atomic long posted, finished;
    int quit;
    void (*work)(void *);
    void *context;
};

static void *helper_main(void *arg) {
    struct ck_helper *h = arg;
    long seen = 0;
    for (;;) {
        long spins = 0;
        while (atomic_load_explicit(&h->posted, memory_order_acquire) == seen && spins < 20000) { _mm_pause(); spins++; }
        if (atomic_load_explicit(&h->posted, memory_order_acquire) == seen) {
            pthread_mutex_lock(&h->mutex);
            while (atomic_load_explicit(&h->posted, memory_order_acquire) == seen && !h->quit)
                pthread_cond_wait(&h->wake, &h->mutex);
            int quit = h->quit;
            pthread_mutex_unlock(&h->mutex);
            if (quit && atomic_load_explicit(&h->posted, memory_order_acquire) == seen) return 0;
        }
        seen = atomic_load_explicit(&h->posted, memory_order_acquire);
        const unsigned long long start = __rdtsc();
        h->work(h->context);
        h->lastTicks = __rdtsc() - start;
        atomic_store_explicit(&h->finished, seen, memory_order_release);
    }
}

struct ck_helper *ck_helper_create(void) {
    struct ck_helper *h = calloc(1, sizeof *h);
    pthread_mutex_init(&h->mutex, 0);
    pthread_cond_init(&h->wake, 0);
    if (pthread_create(&h->thread, 0, helper_main, h) != 0) { free(h); return 0; }
    return h;
}

void ck_helper_destroy(struct ck_helper *h) {
    if (!h) return;
    pthread_mutex_lock(&h->mutex);
    h->quit = 1;
    pthread_cond_signal(&h->wake);
    pthread_mutex_unlock(&h->mutex);
    pthread_join(h->thread, 0);
    pthread_mutex_destroy(&h->mutex);
    pthread_cond_destroy(&h->wake);
    free(h);
}

/// Runs work(context) on the helper while the caller runs mine(context); returns when both
/// are done, with the ticks of each (ticks[0] the caller's, ticks[1] the helper's).
static void helper_run(struct ck_helper *h, void (*work)(void *), void (*mine)(void *), void *context, double ticks[2]) {
    h->work = work;
    h->context = context;
    long generation = atomic_load_explicit(&h->posted, memory_order_relaxed) + 1;
    atomic_store_explicit(&h->posted, generation, memory_order_release);
    pthread_mutex_lock(&h->mutex);
    pthread_cond_signal(&h->wake);
    pthread_mutex_unlock(&h->mutex);
    const unsigned long long start = __rdtsc();
    mine(context);
    ticks[0] = (double)(__rdtsc() - start);
    long spins = 0;
    while (atomic_load_explicit(&h->finished, memory_order_acquire) != generation) {
        if (++spins < 100000) _mm_pause(); else sched_yield();
    }
    ticks[1] = (double)h->lastTicks;
}

typedef struct { ck_net *net; const double *images; const long *batch; const long *labels; double lr; } step_context;
static void forward0(void *c) { step_context *s = c; ck_step_forward(s->net, s->images, s->batch, s->labels, 0, 2); }
static void forward1(void *c) { step_context *s = c; ck_step_forward(s->net, s->images, s->batch, s->labels, 1, 2); }
static void backward0(void *c) { step_context *s = c; ck_step_backward(s->net, s->lr, 0, 2); }
static void backward1(void *c) { step_context *s = c; ck_step_backward(s->net, s->lr, 1, 2); }
static void loss0(void *c) { step_context *s = c; ck_step_loss_forward(s->net, s->labels, 0, 2); }
static void loss1(void *c) { step_context *s = c; ck_step_loss_forward(s->net, s->labels, 1, 2); }

int ck_train_step_2(struct ck_helper *helper, ck_net *net, const double *images, const long *batch,
                    const long *labels, double lr, double *lossOut) {
    step_context c = { net, images, batch, labels, lr };
    double forwardTicks[2], backwardTicks[2], lossTicks[2];
    helper_run(helper, forward1, forward0, &c, forwardTicks);
    helper_run(helper, backward1, backward0, &c, backwardTicks);
    helper_run(helper, loss1, loss0, &c, lossTicks);
    *lossOut = ck_step_loss(net);
    const double rowTicks[2] = { forwardTicks[0] + lossTicks[0], forwardTicks[1] + lossTicks[1] };
    adapt_split(net, rowTicks, backwardTicks);
    return ck_step_finish(net, 2);
}

/// ck_predict_labels for the rows of dense x, or of the compact set s when x is 0.
static void predict_labels(const double *x, const ck_compact *s, long k, long r0, long r1,
                           const double *w1, long ldw1, const double *b1, long h,
                           const double *w2, const double *b2, long o, long *out) {
    const long wide = ck_avx512_enabled(), block = 64, hp = ck_padded(h, wide);
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
    // pixels (dense_rows_compact512), exact while W1 is finite.
    const int dense = !x && s && wide && hp <= blocked_width(wide) && s->paletteSize <= 255 && all_finite(w, k * hp);
    uint8_t *codes = dense ? malloc((size_t)(block * k)) : 0;
    double pal[256] = { 0 };
    if (dense) for (long c = 0; c < s->paletteSize; c++) pal[c + 1] = s->palette[c];
    for (long r = r0; r < r1; r += block) {
        long cnt = r1 - r < block ? r1 - r : block;
        if (hp > blocked_width(wide)) {
            if (x) ck_sparse_rows(x, k, r, r + cnt, rs, cols, vals);
            else compact_rows(s, r, r + cnt, rs, cols, vals);
            sparse_dot_ld(rs, cols, vals, cnt, w, hp, hp, b, 1, z, hp, h);   // with bias and σ
        } else {
            if (dense) {
                dense_rows_compact512(s, r, cnt, pal, w, hp, z, codes);
            } else {
                if (x) ck_sparse_rows(x, k, r, r + cnt, rs, cols, vals);
                else compact_rows(s, r, r + cnt, rs, cols, vals);
                blocked_sparse_dot(rs, cols, vals, cnt, w, k, hp, W1_BLOCK, cursor, z, wide);
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
                       const double *w2, const double *b2, long o, long *out) {
    predict_labels(x, 0, k, r0, r1, w1, ldw1, b1, h, w2, b2, o, out);
}

void ck_predict_labels_compact(const ck_compact *s, long r0, long r1,
                               const double *w1, long ldw1, const double *b1, long h,
                               const double *w2, const double *b2, long o, long *out) {
    predict_labels(0, s, s->columns, r0, r1, w1, ldw1, b1, h, w2, b2, o, out);
}

#pragma clang attribute pop

#else
// Not x86: no AVX2; callers use the Swift/BLAS paths.
int ck_has_avx2_fma(void) { return 0; }
int ck_avx512_supported(void) { return 0; }
int ck_avx512_enabled(void) { return 0; }
int ck_set_avx512(int on) { return 0; }
long ck_gather_sparse(const double *s, long k, const long *i, long c, long *r, int32_t *co, double *v) { abort(); }
long ck_sparse_rows(const double *s, long k, long a, long b, long *r, int32_t *c, double *v) { abort(); }
void ck_sparse_dot(const long *r, const int32_t *c, const double *v, long m, const double *B, long n, const double *b, int s, double *o) { abort(); }
void ck_sparse_tdot(const long *r, const int32_t *c, const double *v, long m, long k, const double *D, long n, long *cs, int32_t *t, double *tv, double *o) { abort(); }
void ck_dense_dot(const double *A, long k, long a, long b, const double *B, long n, double *C) { abort(); }
void ck_dense_tdot(const double *A, long m, long k, const double *D, long n, double *C) { abort(); }
int ck_train_step(ck_net *n, const double *i, const long *b, const long *l, double lr, double *loss) { abort(); }
void ck_step_forward(ck_net *n, const double *i, const long *b, const long *l, long q, long p) { abort(); }
void ck_step_backward(ck_net *n, double lr, long r, long p) { abort(); }
int ck_step_finish(ck_net *n, long p) { abort(); }
void ck_net_balance(ck_net *n) { abort(); }
void ck_exp_array(const double *x, long n, double *out) { abort(); }
void ck_step_loss_forward(ck_net *n, const long *l, long q, long p) { abort(); }
double ck_step_loss(ck_net *n) { abort(); }
struct ck_helper *ck_helper_create(void) { return 0; }
void ck_helper_destroy(struct ck_helper *h) {}
int ck_train_step_2(struct ck_helper *h, ck_net *n, const double *i, const long *b, const long *l, double lr, double *loss) { abort(); }
void ck_predict_labels(const double *x, long k, long a, long b, const double *w1, long ld, const double *b1, long h, const double *w2, const double *b2, long o, long *out) { abort(); }
ck_compact *ck_compact_create(const double *x, long rows, long columns) { return 0; }
void ck_compact_destroy(ck_compact *s) {}
void ck_predict_labels_compact(const ck_compact *s, long a, long b, const double *w1, long ld, const double *b1, long h, const double *w2, const double *b2, long o, long *out) { abort(); }
#endif
