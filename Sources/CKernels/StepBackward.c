// AVX2/FMA: the fused training step's backward phase — dW1 = xᵀ·da1 per W1
// block from the batch's entries listed per pixel (or, with AVX-512, a dense
// product per W1 block in StepBackward512.c; or a transposed product), the
// W1 update of the rows that change, dW2, db1, db2 and their updates, and
// the NaN/∞ check.
#include "internal.h"

#if CK_X86

#pragma clang attribute push (__attribute__((target("avx2,fma"))), apply_to = function)
#include "avx2.h"

/// gw2 rows j ..< j + n (n ≤ 4, o ≤ 12) = Σ_i z1[i, j]·dy[i, ·] over the batch, i ascending,
/// FMA from 0 (the scalar loop's sums): the n rows' three vectors each in 12 registers.
INLINE void dw2_rows(const double *z1, long hp, const double *dy, long o, long m, long j, const int n, double *gw2) {
    __m256i mask[3];
    lane_masks(o, mask);
    __m256d acc[4][3];
    for (int k = 0; k < n; k++) for (int v = 0; v < 3; v++) acc[k][v] = _mm256_setzero_pd();
    for (long i = 0; i < m; i++) {
        const double *di = dy + i * o;
        const __m256d d0 = _mm256_maskload_pd(di, mask[0]), d1 = _mm256_maskload_pd(di + 4, mask[1]), d2 = _mm256_maskload_pd(di + 8, mask[2]);
        for (int k = 0; k < n; k++) {
            const __m256d z = _mm256_broadcast_sd(z1 + i * hp + j + k);
            acc[k][0] = _mm256_fmadd_pd(z, d0, acc[k][0]);
            acc[k][1] = _mm256_fmadd_pd(z, d1, acc[k][1]);
            acc[k][2] = _mm256_fmadd_pd(z, d2, acc[k][2]);
        }
    }
    for (int k = 0; k < n; k++) for (int v = 0; v < 3; v++) _mm256_maskstore_pd(gw2 + (j + k) * o + 4 * v, mask[v], acc[k][v]);
}

/// The column-wise half for the hidden units j0 ..< j1 (sums over the batch, i
/// ascending): dW2 rows, db1, then W2 rows and b1 updated; with b2, also db2 and b2.
/// Returns Σ (new value)·0, NaN iff an updated value is NaN or ±∞. The sums run in
/// vectors (dW2: four rows' outputs at a time; db1: four hidden units), each entry's
/// terms in the scalar order, so the same bits.
static double backward_columns(ck_net *net, double lr, long j0, long j1, int withB2) {
    const long hp = net->hiddenStride, o = net->outputs, m = net->batch;
    const double *z1 = net->z1, *dy = net->dy, *da1 = net->da1;
    double *gw2 = net->gw2, *gb1 = net->gb1, *gb2 = net->gb2;
    double bad = 0;
    if (o <= 12) {
        long j = j0;
        for (; j + 4 <= j1; j += 4) dw2_rows(z1, hp, dy, o, m, j, 4, gw2);
        switch (j1 - j) {
            case 3: dw2_rows(z1, hp, dy, o, m, j, 3, gw2); break;
            case 2: dw2_rows(z1, hp, dy, o, m, j, 2, gw2); break;
            case 1: dw2_rows(z1, hp, dy, o, m, j, 1, gw2); break;
        }
    } else {
        for (long j = j0; j < j1; j++) {
            for (long c = 0; c < o; c++) gw2[j * o + c] = 0;
            for (long i = 0; i < m; i++) {
                const double z = z1[i * hp + j];
                const double *di = dy + i * o;
                for (long c = 0; c < o; c++) gw2[j * o + c] = fma(z, di[c], gw2[j * o + c]);
            }
        }
    }
    // db1 four hidden units at a time (the lanes past j1 masked: nothing past a row is read).
    for (long j = j0; j < j1; j += 4) {
        __m256i mask[3];
        lane_masks(j1 - j, mask);
        __m256d acc = _mm256_setzero_pd();
        for (long i = 0; i < m; i++) acc = _mm256_add_pd(acc, _mm256_maskload_pd(da1 + i * hp + j, mask[0]));
        double lanes[4];
        _mm256_storeu_pd(lanes, acc);
        for (long k = 0; k < 4 && j + k < j1; k++) gb1[j + k] = lanes[k];
    }
    for (long j = j0; j < j1; j++) {
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

/// First entry of the sorted cols[from ..< to] that is ≥ c.
static inline long lower_bound(const int32_t *cols, long from, long to, long c) {
    const batch_entries e = csr_entries(0, cols, 0);
    return entries_lower_bound(&e, from, to, c, 0);
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

/// One W1 row's gradient g = Σ_t xs[t]·da1[rows[t]] (t ascending, FMA from +0: the
/// sums of the scatter g[cols[t]] += x·da1[row], row by row, that this replaced) in nv registers, then w ← w − g·lr and
/// check += the new values × 0.
INLINE void pixel_update(const int32_t *rows, const double *xs, long n, const double *da1, long hp,
                         double *w, __m256d vlr, __m256d *check, const int nv) {
    __m256d acc[14];
    for (int v = 0; v < nv; v++) acc[v] = _mm256_setzero_pd();
    for (long t = 0; t < n; t++) {
        const __m256d x = _mm256_broadcast_sd(xs + t);
        const double *d = da1 + (long)rows[t] * hp;
        for (int v = 0; v < nv; v++) acc[v] = _mm256_fmadd_pd(x, _mm256_load_pd(d + 4 * v), acc[v]);
    }
    const __m256d zero = _mm256_setzero_pd();
    for (int v = 0; v < nv; v++) {
        const __m256d nw = _mm256_sub_pd(_mm256_load_pd(w + 4 * v), _mm256_mul_pd(acc[v], vlr));
        _mm256_store_pd(w + 4 * v, nw);
        *check = _mm256_add_pd(*check, _mm256_mul_pd(nw, zero));
    }
}

/// The entries in [b0, b1) of the batch rows lo ..< hi (entries e, row lo is e's row 0)
/// appended to their pixels' lists (at pixel·m, count[pixel − b0] so far); cursors moved past them.
INLINE void list_block_entries(const batch_entries *e, long lo, long hi, long *cursor, long b0, long b1, long m,
                               long *count, int32_t *trows, double *tvals, const int compact) {
    for (long row = lo; row < hi; row++) {
        const long end = e->end[row - lo];
        long t = cursor[row];
        for (; t < end && entry_col(e, t, compact) < b1; t++) {
            const long p = entry_col(e, t, compact), at = p * m + count[p - b0]++;
            trows[at] = (int32_t)row;
            tvals[at] = entry_val(e, t, compact);
        }
        cursor[row] = t;
    }
}

#define PIXEL_CASE(NV) case NV: pixel_update(rows, xs, n, net->da1, hp, net->w1 + p * hp, vlr, check, NV); break;

/// The backward of the W1 block [b0, b1) with the AVX2 kernels (also the AVX-512
/// layout's when da1 is not finite, hp ≤ 56): the batch's
/// entries in the block listed per pixel (rows ascending over the parts, at
/// trows/tvals + pixel·batch), then every pixel that occurs gets its gradient
/// in registers and its W1 row updated from them (pixel_update) — the same
/// FMAs in the same order as a scatter into dW1 rows, without a load and a
/// store of dW1 per term (measured 15–20 % less time for the backward phase on
/// one thread, Xeon with AVX2 kernels). Pixels absent from the batch keep their W1 rows (dW1 = 0).
static void listed_block(ck_net *net, long r, long parts, long *cursor, long b0, long b1, __m256d vlr, __m256d *check) {
    const long hp = net->hiddenStride, m = net->batch;
    const int nv = (int)(hp / 4);   // ≤ 14
    long count[W1_BLOCK] = { 0 };
    // The block's lists in part r's own 48·batch entries (hot in L1/L2 block after block) where
    // trows/tvals hold them all (inputs ≥ 48·parts), else at pixel·batch.
    const long base = net->inputs >= W1_BLOCK * parts ? r * W1_BLOCK * m - b0 * m : 0;
    int32_t *trows = net->trows + base;
    double *tvals = net->tvals + base;
    for (long q = 0; q < parts; q++) {
        const batch_entries pe = part_entries(net, q);
        if (pe.codes) list_block_entries(&pe, part_lo(net, q), part_lo(net, q + 1), cursor, b0, b1, m, count, trows, tvals, 1);
        else list_block_entries(&pe, part_lo(net, q), part_lo(net, q + 1), cursor, b0, b1, m, count, trows, tvals, 0);
    }
    for (long p = b0; p < b1; p++) {
        const long n = count[p - b0];
        if (n == 0) continue;
        const int32_t *rows = trows + p * m;
        const double *xs = tvals + p * m;
        switch (nv) {
            PIXEL_CASE(1) PIXEL_CASE(2) PIXEL_CASE(3) PIXEL_CASE(4) PIXEL_CASE(5) PIXEL_CASE(6) PIXEL_CASE(7)
            PIXEL_CASE(8) PIXEL_CASE(9) PIXEL_CASE(10) PIXEL_CASE(11) PIXEL_CASE(12) PIXEL_CASE(13) PIXEL_CASE(14)
        }
    }
}

/// The AVX2 backward of the W1 block [b0, b1) when spreads_codes(net): the block's entries
/// spread as byte codes into xb (spread_codes; left zero), then for every pixel that occurs its
/// rows found 32 at a time by byte compares, g = Σ_i codeValue[code]·da1[i] in registers (rows
/// ascending, FMA from 0: the listed block's sums) and its W1 row updated. No per-pixel lists:
/// listing wrote two values and counted per entry, a third of the AVX2 backward.
INLINE void coded_block(ck_net *net, long parts, long *cursor, long b0, long b1, uint8_t *xb,
                        __m256d vlr, __m256d *check, const int nv) {
    const long hp = net->hiddenStride, m = net->batch;
    const double *pal1 = net->source->codeValue;
    uint64_t used = 0;
    spread_codes(net, parts, cursor, b0, b1, xb, &used, 0);
    const __m256i zero8 = _mm256_setzero_si256();
    const __m256d zero = _mm256_setzero_pd();
    for (uint64_t left = used; left; left &= left - 1) {
        const long c = __builtin_ctzll(left);
        const uint8_t *codes = xb + c * m;
        __m256d acc[14];
        for (int v = 0; v < nv; v++) acc[v] = _mm256_setzero_pd();
        for (long i0 = 0; i0 < m; i0 += 32) {
            // 32 rows' codes (past the pixel's m, the next pixel's or the part's unused scratch: masked off).
            const long n = m - i0 < 32 ? m - i0 : 32;
            unsigned rows = ~(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(codes + i0)), zero8));
            if (n < 32) rows &= (1u << n) - 1;
            for (; rows; rows &= rows - 1) {
                const long i = i0 + __builtin_ctz(rows);
                const __m256d x = _mm256_set1_pd(pal1[codes[i]]);
                const double *d = net->da1 + i * hp;
                for (int v = 0; v < nv; v++) acc[v] = _mm256_fmadd_pd(x, _mm256_load_pd(d + 4 * v), acc[v]);
            }
        }
        double *w = net->w1 + (b0 + c) * hp;
        for (int v = 0; v < nv; v++) {
            const __m256d nw = _mm256_sub_pd(_mm256_load_pd(w + 4 * v), _mm256_mul_pd(acc[v], vlr));
            _mm256_store_pd(w + 4 * v, nw);
            *check = _mm256_add_pd(*check, _mm256_mul_pd(nw, zero));
        }
        memset(xb + c * m, 0, (size_t)m);
    }
}

#define CODED_CASE(NV) case NV: coded_block(net, parts, cursor, b0, b1, xb, vlr, &check, NV); break;

/// Prefetches into L2 the compact rows of the next step's batch (net->nextBatch)
/// that part q will gather: its rows lo + from ..< lo + to.
static void prefetch_next(const ck_net *net, long q, long from, long to) {
    const ck_compact *s = net->source;
    if (!s || !net->nextBatch) return;
    const long lo = part_lo(net, q);
    for (long i = lo + from; i < lo + to; i++) {
        const long a = s->rowStart[net->nextBatch[i]], n = s->rowStart[net->nextBatch[i] + 1] - a;
        for (long b = 0; b < 2 * n; b += 64) _mm_prefetch((const char *)(s->cols + a) + b, _MM_HINT_T1);
        for (long b = 0; b < n; b += 64) _mm_prefetch((const char *)(s->codes + a) + b, _MM_HINT_T1);
    }
}


/// dW1 rows p0 ..< p1 = xᵀ·dz1 without transposing the batch, in W1-row blocks
/// of 48 (L1): every batch row's non-zeros in the block listed per pixel and
/// each touched W1 row updated from its gradient in registers (listed_block;
/// i ascending, FMA — the same sums as the transposed product), or with
/// AVX-512 and a finite da1 the dense product per block. Needs hp ≤ 56.
static void blocked_backward(ck_net *net, double lr, long r, long parts) {
    const long hp = net->hiddenStride, m = net->batch;
    const long p0 = net->pixelSplit[r], p1 = net->pixelSplit[r + 1];
    long *cursor = net->cursor + r * m;
    for (long q = 0; q < parts; q++) {
        const batch_entries pe = part_entries(net, q);
        for (long row = part_lo(net, q), i = 0; row < part_lo(net, q + 1); row++, i++)
            cursor[row] = pe.codes ? entries_lower_bound(&pe, pe.begin[i], pe.end[i], p0, 1) : entries_lower_bound(&pe, pe.begin[i], pe.end[i], p0, 0);
    }
    __m256d check = _mm256_setzero_pd();
    const __m256d vlr = _mm256_set1_pd(lr);
    // The next batch's rows are fetched from memory a few per block, while this computes.
    const long blocks = (p1 - p0 + W1_BLOCK - 1) / W1_BLOCK, own = part_lo(net, r + 1) - part_lo(net, r);
    // AVX-512: the dense backward per block while da1 is finite (always, unless training diverges).
    const int dense = net->wide && net->xt && all_finite(net->da1, m * hp);
    // A batch read in place with ≤ 255 palette values: the dense block as byte codes (AVX-512),
    // or the coded block (AVX2; the listed one measured slower, see coded_block).
    const int inPlaceCodes = spreads_codes(net) && net->xt;
    const int denseCodes = dense && inPlaceCodes, coded = !net->wide && inPlaceCodes;
    uint8_t *xb = net->xt ? (uint8_t *)(net->xt + r * W1_BLOCK * m) : 0;
    const int nv = (int)(hp / 4);
    double denseCheck = 0;
    for (long b0 = p0, bi = 0; b0 < p1; b0 += W1_BLOCK, bi++) {
        const long b1 = b0 + W1_BLOCK < p1 ? b0 + W1_BLOCK : p1;
        prefetch_next(net, r, bi * own / blocks, (bi + 1) * own / blocks);
        if (dense) denseCheck += ck_dense_block512(net, parts, cursor, b0, b1, lr, net->xt + r * W1_BLOCK * m, denseCodes);
        else if (coded) {
            switch (nv) {
                CODED_CASE(1) CODED_CASE(2) CODED_CASE(3) CODED_CASE(4) CODED_CASE(5) CODED_CASE(6) CODED_CASE(7)
                CODED_CASE(8) CODED_CASE(9) CODED_CASE(10) CODED_CASE(11) CODED_CASE(12) CODED_CASE(13)
            }
        } else listed_block(net, r, parts, cursor, b0, b1, vlr, &check);
    }
    store_part_flag(net, r, check);
    net->partFlags[r] += denseCheck;
}

/// dW1 rows of part r and the update of those W1 rows (blocked, or transposed batch times da1).
static void w1_backward(ck_net *net, double lr, long r, long parts) {
    if (net->hiddenStride <= blocked_width(net->wide) && !net->transposedBackward) { blocked_backward(net, lr, r, parts); return; }
    const long hp = net->hiddenStride, m = net->batch;
    const long p0 = net->pixelSplit[r], p1 = net->pixelSplit[r + 1], width = p1 - p0;
    prefetch_next(net, r, 0, part_lo(net, r + 1) - part_lo(net, r));
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
    if (hp <= blocked_width(net->wide)) ck_blocked_sparse_dot(cs, trows, tvals, width, net->da1, m, hp, 50, net->cursor + p0, gw1, net->wide);
    else ck_sparse_dot_ld(cs, trows, tvals, width, net->da1, hp, hp, 0, 0, gw1, hp, hp);

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

#pragma clang attribute pop

#endif
