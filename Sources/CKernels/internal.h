// Internal to the CKernels target (Swift never sees this header): what the
// kernel files share. Each .c file is compiled for exactly one instruction
// set, named at its top by one `#pragma clang attribute push` that covers
// the whole file (or none: baseline x86-64); functions one file calls in
// another are declared here, hidden from the library's exports.
#ifndef CK_INTERNAL_H
#define CK_INTERNAL_H

#include "CKernels.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#define CK_X86 1
#include <immintrin.h>
#include <x86intrin.h>
#else
#define CK_X86 0
#endif

#define INLINE static inline __attribute__((always_inline))
#define CK_HIDDEN __attribute__((visibility("hidden")))

/// Rows of W1 per block of the blocked product: 48 × 52 doubles (20 KB) stay in L1.
#define W1_BLOCK 48

/// The widest rows (doubles) the blocked kernels hold in registers: 13 AVX2 or 7 AVX-512 vectors.
static inline long blocked_width(long wide) { return wide ? 56 : 52; }

/// The columns of W1, z1 and da1 the step's products compute: the hidden units rounded up to
/// a multiple of 4. The AVX-512 rows are padded to 8 (ck_padded), but when hidden ≡ 1…4 mod 8
/// the last 4 padding columns (zero in W1) are left out: one 4-wide vector instead of an
/// 8-wide one, which on CPUs that split 512-bit work in two halves (AMD Zen 4) is half
/// the FMAs and loads of the last vector.
static inline long computed_width(const ck_net *net) { return ck_padded(net->hidden, 0); }

/// Rows lo ..< hi of the batch belong to part q: lo = rowSplit[q] (q·batch/parts unless
/// the two-thread step moved it, see ck_adapt_split).
static inline long part_lo(const ck_net *net, long q) { return net->rowSplit[q]; }

/// Part q's batch rows lo ..< lo + count and their CSR (rowStart[i] is row lo + i's
/// first entry), which lives at rowStart + lo + q and cols/vals + lo·inputs + 4q.
typedef struct { long lo, count; long *rowStart; int32_t *cols; double *vals; } part_rows;

static inline part_rows rows_of_part(const ck_net *net, long q) {
    const long lo = part_lo(net, q), off = lo * net->inputs + 4 * q;
    return (part_rows){ lo, part_lo(net, q + 1) - lo, net->rowStart + lo + q, net->cols + off, net->vals + off };
}

/// A batch's non-zero entries as the step's kernels read them: row i's entries are
/// begin[i] ..< end[i], columns increasing, either in a CSR (cols, vals; end = begin + 1)
/// or straight in the compact training set (cols16, codes; the value pal[code]): the
/// same columns and values in the same order, so the same sums either way.
typedef struct {
    const long *begin, *end;
    const int32_t *cols; const double *vals;
    const uint16_t *cols16; const uint8_t *codes; const double *pal;
} batch_entries;

static inline batch_entries csr_entries(const long *rowStart, const int32_t *cols, const double *vals) {
    return (batch_entries){ rowStart, rowStart + 1, cols, vals, 0, 0, 0 };
}

/// Column and value of entry t (compact: a constant at each call, so each kernel is compiled twice).
INLINE long entry_col(const batch_entries *e, long t, const int compact) { return compact ? (long)e->cols16[t] : (long)e->cols[t]; }
INLINE double entry_val(const batch_entries *e, long t, const int compact) { return compact ? e->pal[e->codes[t]] : e->vals[t]; }

/// First entry t of e in [from, to) with column ≥ c (the columns are sorted).
INLINE long entries_lower_bound(const batch_entries *e, long from, long to, long c, const int compact) {
    while (from < to) {
        const long mid = (from + to) / 2;
        if (entry_col(e, mid, compact) < c) from = mid + 1; else to = mid;
    }
    return from;
}

/// 1 when the step's kernels read the batch straight from net->source (the blocked
/// kernels with the listed or dense backward); otherwise each part gathers its rows into
/// the CSR first. The CSR cost a write of 12 bytes per entry that the other core then read
/// (in the backward) and the next step wrote again: measured as 120 kticks per part and step
/// against 30 for the same gather with its lines already in the core's cache.
static inline int reads_source(const ck_net *net) {
    return net->source && net->hiddenStride <= blocked_width(net->wide) && !net->transposedBackward;
}

/// Part q's rows' entries (row lo + i is i): in the compact set, or in its CSR.
static inline batch_entries part_entries(const ck_net *net, long q) {
    const part_rows pr = rows_of_part(net, q);
    if (!reads_source(net)) return csr_entries(pr.rowStart, pr.cols, pr.vals);
    const ck_compact *s = net->source;
    return (batch_entries){ net->entryBegin + pr.lo, net->entryEnd + pr.lo, 0, 0, s->cols, s->codes, s->palette };
}

/// 1 when the batch is read in place from a compact copy of ≤ 255 values: the backward can
/// then spread a W1 block as byte codes (spread_codes).
static inline int spreads_codes(const ck_net *net) { return reads_source(net) && net->source->paletteSize <= 255; }

/// The batch rows' entries (all parts, rows ascending) in the W1 block [b0, b1) spread as
/// byte codes: xb[(c − b0)·batch + row] = code + 1 (0 stays a zero pixel; the value is
/// source->codeValue[code + 1]), the pixels that occur set in *used, and each row's cursor
/// moved past its entries. Needs spreads_codes(net). block_end: the end of a row's entries in
/// the block found first (a vector search), or 0: found while spreading them (one pass, which
/// the AVX2 kernels measured ~7 % faster for the backward phase than a scan first).
INLINE void spread_codes(ck_net *net, long parts, long *cursor, long b0, long b1, uint8_t *xb, uint64_t *used,
                         long (*block_end)(const batch_entries *, long, long, long)) {
    const long m = net->batch;
    for (long q = 0; q < parts; q++) {
        const batch_entries e = part_entries(net, q);
        for (long row = part_lo(net, q), i = 0; row < part_lo(net, q + 1); row++, i++) {
            const long from = cursor[row], to = block_end ? block_end(&e, from, e.end[i], b1) : e.end[i];
            long t = from;
            for (; t < to && (block_end || (long)e.cols16[t] < b1); t++) {
                const long c = (long)e.cols16[t] - b0;
                xb[c * m + row] = (uint8_t)(e.codes[t] + 1);
                *used |= 1ull << c;
            }
            cursor[row] = t;
        }
    }
}

/// Row r of s as dense byte codes (code + 1; 0 for a zero pixel) in out[0 ..< columns].
static inline void compact_row_codes(const ck_compact *s, long r, uint8_t *out) {
    memset(out, 0, (size_t)s->columns);
    for (long e = s->rowStart[r]; e < s->rowStart[r + 1]; e++) out[s->cols[e]] = (uint8_t)(s->codes[e] + 1);
}

// --- Compact.c (AVX2): compressed rows ---------------------------------------
// Matrices are row-major doubles. "Sparse" rows are CSR: row i has entries
// rowStart[i] ..< rowStart[i+1] of cols/vals, in increasing column order;
// exact zeros are dropped (zero skipping).

/// CSR of the rows `indices[0..<count]` of the dense src (· × k).
/// cols/vals need capacity count*k + 4; rowStart count + 1. Returns nnz.
CK_HIDDEN long ck_gather_sparse(const double *src, long k, const long *indices, long count,
                                long *rowStart, int32_t *cols, double *vals);
/// CSR of the contiguous rows r0 ..< r1 of src (· × k); capacity as above.
CK_HIDDEN long ck_sparse_rows(const double *src, long k, long r0, long r1,
                              long *rowStart, int32_t *cols, double *vals);
/// CSR of the rows indices[0..<count] of the compact set (the next row prefetched).
CK_HIDDEN long ck_gather_compact(const ck_compact *s, const long *indices, long count,
                                 long *rowStart, int32_t *cols, double *vals);
/// CSR of the contiguous rows r0 ..< r1 of the compact set.
CK_HIDDEN long ck_compact_rows(const ck_compact *s, long r0, long r1, long *rowStart, int32_t *cols, double *vals);

// --- Products.c (AVX2) and Products512.c (AVX-512): sparse products -----------

/// out (m×n) = S·B (+ bias row if bias != 0); if applySigmoid, out = σ(out)
/// with σ(a) = 1 / (1 + exp(−a)). S is CSR with m rows, B is (·×n).
CK_HIDDEN void ck_sparse_dot(const long *rowStart, const int32_t *cols, const double *vals, long m,
                             const double *B, long n, const double *bias, int applySigmoid, double *out);
/// out (k×n) = Sᵀ·D for S CSR (m×k) and D (m×n). Scratch: colStart k+1,
/// trows and tvals nnz(S) entries each.
CK_HIDDEN void ck_sparse_tdot(const long *rowStart, const int32_t *cols, const double *vals, long m, long k,
                              const double *D, long n, long *colStart, int32_t *trows, double *tvals, double *out);
/// out[i, 0..<nstore] (row stride ldo) = row i of S·B (+ bias, σ), computing n ≥ nstore
/// columns of B (row stride ldb). Chunks of 52 columns (13 vectors), the last
/// one up to 51 columns with a masked tail.
CK_HIDDEN void ck_sparse_dot_ld(const long *rowStart, const int32_t *cols, const double *vals, long m,
                                const double *B, long ldb, long n, const double *bias, int sig,
                                double *out, long ldo, long nstore);
/// out (m×ld) = S·B for S CSR (m rows) and B (nb×ld), ld a multiple of 4 and
/// ≤ blocked_width(wide). B is walked in blocks of `block` rows that stay in the L1 cache;
/// every output row is accumulated block after block (its terms still in
/// increasing column order). cursor: m entries of scratch. wide: the AVX-512 kernels.
CK_HIDDEN void ck_blocked_sparse_dot(const long *rowStart, const int32_t *cols, const double *vals, long m,
                                     const double *B, long nb, long ld, long block, long *cursor, double *out, long wide);
/// ck_blocked_sparse_dot of the m rows of e (CSR or compact), computing only the first `width`
/// columns of out (a multiple of 4, ≤ ld; the others are left as they are).
CK_HIDDEN void ck_blocked_entries_dot(batch_entries e, long m, const double *B, long nb, long ld, long width, long block,
                                      long *cursor, double *out, long wide);
/// ck_blocked_entries_dot's AVX-512 kernels (ld ≤ 56), two rows at a time.
CK_HIDDEN void ck_blocked_entries_dot512(batch_entries e, long m, const double *B, long nb, long ld, long width, long block,
                                         long *cursor, double *out);
/// z (cnt × ld, ld a multiple of 8, ≤ 56) = x·W1 for the rows rows[0 ..< cnt] of the
/// compact set s, three rows at a time over the union of their pixels (AVX-512;
/// codes: cnt × columns bytes of scratch; pal: s->codeValue).
/// Needs s->paletteSize ≤ 255 and W1 finite.
CK_HIDDEN void ck_dense_rows_compact512(const ck_compact *s, const long *rows, long cnt, const double *pal,
                                        const double *W, long ld, double *z, uint8_t *codes);

// --- StepBackward512.c (AVX-512): the backward of one W1 block -----------------

/// The backward of the W1 block [b0, b1) as a dense product, W1 updated; returns the
/// check sum (NaN iff an updated value is not finite). xt is left zero. codes (needs
/// spreads_codes(net)): the block is spread as byte codes instead of doubles.
CK_HIDDEN double ck_dense_block512(ck_net *net, long parts, long *cursor, long b0, long b1, double lr, double *xt,
                                   int codes);

// --- Screening512.c (AVX-512 VNNI): the screened evaluations' integer product ------

/// Rows per pass of ck_quant_rows512.
#define CK_QUANT_ROWS512 6
/// out[a·64 + j] (int32, j < 16·nz, or only j < 16·nz − 8 when hidden ≤ 16·nz − 8) =
/// Σ_t x̃_a[2t..2t+1]·W̃[2t..2t+1][j] for the nrows ≤ 6 rows xq + a·kp (kp int16, a multiple
/// of 32, zero past the row; 64-byte aligned), W̃ in pairs × nz·32 int16 (see ck_quant),
/// skipping the pairs zero in every row.
CK_HIDDEN void ck_quant_rows512(const int16_t *xq, long kp, int nrows, const int16_t *wq, long pairs, long nz,
                                long hidden, int32_t *out);

// --- Decode512.c (AVX-512 VBMI2): the screened evaluations' rows --------------------

/// row[0 ..< kp] (int16) = x̃ of compact row r of s: xt8[code] at the row's entries, 0 elsewhere
/// (kp ≥ s->columns, a multiple of 32); returns Σ x̃. Needs s->nonzero and the CPU's VBMI and VBMI2.
CK_HIDDEN long ck_decode_row512(const ck_compact *s, long r, const uint8_t xt8[256], int16_t *row, long kp);

// --- Threads.c (AVX2): the split of the two-thread step ---------------------------

/// Moves the two-thread step's boundaries toward equal times (time stamp counter ticks per part).
CK_HIDDEN void ck_adapt_split(ck_net *net, const double rowTime[2], const double pixelTime[2]);

#endif
