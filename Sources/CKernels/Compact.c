// AVX2/FMA: the compact exact copy of a set of images (ck_compact: 16-bit
// columns, 8-bit palette codes) and the compressed (CSR) rows that the
// products read, from dense matrices or from a compact copy.
#include "internal.h"

#if CK_X86

#pragma clang attribute push (__attribute__((target("avx2,fma"))), apply_to = function)

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
    long t = 0;
    // Eight entries at a time: columns widened to 32 bits, codes to palette values by two gathers.
    for (; t + 8 <= n; t += 8) {
        _mm256_storeu_si256((__m256i *)(cols + t), _mm256_cvtepu16_epi32(_mm_loadu_si128((const __m128i *)(c + t))));
        const __m256i codes = _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)(k + t)));
        _mm256_storeu_pd(vals + t, _mm256_i32gather_pd(s->palette, _mm256_castsi256_si128(codes), 8));
        _mm256_storeu_pd(vals + t + 4, _mm256_i32gather_pd(s->palette, _mm256_extracti128_si256(codes, 1), 8));
    }
    for (; t < n; t++) { cols[t] = c[t]; vals[t] = s->palette[k[t]]; }
    return n;
}

/// codeValue from the finished palette (see ck_compact).
static void set_code_values(ck_compact *s) {
    s->codeValue[0] = 0;
    for (long c = 0; c < s->paletteSize && c < 255; c++) s->codeValue[c + 1] = s->palette[c];
}

/// CSR of the rows indices[0..<count] of the compact set (the next row prefetched).
long ck_gather_compact(const ck_compact *s, const long *indices, long count,
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
long ck_compact_rows(const ck_compact *s, long r0, long r1, long *rowStart, int32_t *cols, double *vals) {
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
    s->nonzeroWords = (columns + 63) / 64;
    s->nonzero = calloc((size_t)(rows * s->nonzeroWords > 0 ? rows * s->nonzeroWords : 1), sizeof(uint64_t));
    if (!table || !rc || !rv || !s->rowStart || !s->cols || !s->codes || !s->nonzero) goto fail;
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
            s->nonzero[r * s->nonzeroWords + rc[t] / 64] |= 1ull << (rc[t] % 64);
        }
        nnz += n;
        s->rowStart[r + 1] = nnz;
    }
    s->paletteSize = table->count;
    set_code_values(s);
    free(table); free(rc); free(rv);
    return s;
fail:
    free(table); free(rc); free(rv);
    ck_compact_destroy(s);
    return 0;
}

/// Appends the entry of byte b at column p of the row being built (its bits of s->nonzero at
/// rowBits): its code from codeOf (−2: not seen yet, −1: its value is 0 and it is dropped).
INLINE void append_byte(ck_compact *s, int16_t codeOf[256], const double quotient[256], long *nnz,
                        unsigned b, long p, uint64_t *rowBits) {
    int code = codeOf[b];
    if (code == -2) {
        // First appearance: the code of an equal value already in the palette
        // (the same bits), else the next one — as ck_compact_create numbers them.
        const double v = quotient[b];
        uint64_t bits;
        memcpy(&bits, &v, sizeof bits);
        code = -1;
        if (v != 0) {
            for (long c = 0; c < s->paletteSize && code < 0; c++) {
                uint64_t other;
                memcpy(&other, &s->palette[c], sizeof other);
                if (other == bits) code = (int)c;
            }
            if (code < 0) { code = (int)s->paletteSize; s->palette[s->paletteSize++] = v; }
        }
        codeOf[b] = (int16_t)code;
    }
    if (code >= 0) {
        s->cols[*nnz] = (uint16_t)p;
        s->codes[*nnz] = (uint8_t)code;
        (*nnz)++;
        rowBits[p / 64] |= 1ull << (p % 64);
    }
}

ck_compact *ck_compact_create_bytes(const uint8_t *pixels, long rows, long columns, const double quotient[256]) {
    if (columns > 65536 || columns < 1 || rows < 0) return 0;
    ck_compact *s = calloc(1, sizeof *s);
    if (!s) return 0;
    s->rows = rows;
    s->columns = columns;
    s->rowStart = malloc((size_t)(rows + 1) * sizeof(long));
    // Room for every entry: pages never written are never touched.
    s->cols = malloc((size_t)(rows * columns + 16) * sizeof(uint16_t));
    s->codes = malloc((size_t)(rows * columns + 16));
    s->nonzeroWords = (columns + 63) / 64;
    s->nonzero = calloc((size_t)(rows * s->nonzeroWords > 0 ? rows * s->nonzeroWords : 1), sizeof(uint64_t));
    if (!s->rowStart || !s->cols || !s->codes || !s->nonzero) { ck_compact_destroy(s); return 0; }
    int16_t codeOf[256];
    for (int b = 0; b < 256; b++) codeOf[b] = -2;
    // Byte 0 is skipped 32 at a time when its value is 0 (pixel data), else every byte is looked at.
    const int skipZero = quotient[0] == 0;
    const __m256i zero = _mm256_setzero_si256();
    long nnz = 0;
    s->rowStart[0] = 0;
    for (long r = 0; r < rows; r++) {
        const uint8_t *row = pixels + r * columns;
        uint64_t *rowBits = s->nonzero + r * s->nonzeroWords;
        long p = 0;
        if (skipZero) {
            for (; p + 32 <= columns; p += 32) {
                const __m256i v = _mm256_loadu_si256((const __m256i *)(row + p));
                uint32_t set = ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, zero));
                while (set) {
                    const long q = p + __builtin_ctz(set);
                    append_byte(s, codeOf, quotient, &nnz, row[q], q, rowBits);
                    set &= set - 1;
                }
            }
        }
        for (; p < columns; p++) {
            if (!skipZero || row[p]) append_byte(s, codeOf, quotient, &nnz, row[p], p, rowBits);
        }
        s->rowStart[r + 1] = nnz;
    }
    set_code_values(s);
    return s;
}

void ck_compact_destroy(ck_compact *s) {
    if (!s) return;
    free(s->rowStart); free(s->cols); free(s->codes); free(s->nonzero); free(s);
}

#pragma clang attribute pop

#endif
