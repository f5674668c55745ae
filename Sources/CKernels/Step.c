// AVX2/FMA: the fused training step's row-wise phases — the forward of a
// part's batch rows (gather, hidden layer, output layer, softmax, the
// row-wise half of backprop), the loss at the updated parameters — and the
// whole step on one thread (ck_train_step). The backward is StepBackward.c.
#include "internal.h"

#if CK_X86

#pragma clang attribute push (__attribute__((target("avx2,fma"))), apply_to = function)
#include "avx2.h"

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

/// z1 = σ(x·W1 + b1) for the rows of part q.
static void hidden_layer_part(ck_net *net, long q) {
    const long h = net->hidden, hp = net->hiddenStride;
    const part_rows pr = rows_of_part(net, q);
    double *z1 = net->z1 + pr.lo * hp;
    if (hp > blocked_width(net->wide)) {
        ck_sparse_dot_ld(pr.rowStart, pr.cols, pr.vals, pr.count, net->w1, hp, hp, net->b1, 1, z1, hp, h);
        return;
    }
    ck_blocked_entries_dot(part_entries(net, q), pr.count, net->w1, net->inputs, hp, computed_width(net), W1_BLOCK,
                           net->cursor + pr.lo, z1, net->wide);
    for (long i = 0; i < pr.count; i++) {
        double *zi = z1 + i * hp;
        sigmoid_row(zi, net->b1, h);
    }
}

/// σ(x·W1 + b1), then softmax(z1·W2 + b2) into dy, for the batch rows of part q.
static void forward_part(ck_net *net, long q) {
    const long lo = part_lo(net, q), hi = part_lo(net, q + 1);
    const long hp = net->hiddenStride, o = net->outputs;
    hidden_layer_part(net, q);
    output_probabilities(net->z1 + lo * hp, hi - lo, net->hidden, hp, net->w2, net->b2, o, net->dy + lo * o);
}

void ck_step_forward(ck_net *net, const double *images, const long *batch, const long *labels, long q, long parts) {
    (void)parts;   // every part's rows are at rowSplit[q]
    const part_rows pr = rows_of_part(net, q);
    const ck_compact *s = net->source;
    if (reads_source(net)) {
        // The rows are read where they are: their entries' bounds, and their lines fetched meanwhile.
        for (long i = pr.lo; i < pr.lo + pr.count; i++) {
            const long a = s->rowStart[batch[i]], n = s->rowStart[batch[i] + 1] - a;
            net->entryBegin[i] = a;
            net->entryEnd[i] = a + n;
            for (long b = 0; b < 2 * n; b += 64) _mm_prefetch((const char *)(s->cols + a) + b, _MM_HINT_T0);
            for (long b = 0; b < n; b += 64) _mm_prefetch((const char *)(s->codes + a) + b, _MM_HINT_T0);
        }
    } else if (s) ck_gather_compact(s, batch + pr.lo, pr.count, pr.rowStart, pr.cols, pr.vals);
    else ck_gather_sparse(images, net->inputs, batch + pr.lo, pr.count, pr.rowStart, pr.cols, pr.vals);
    forward_part(net, q);
    backward_rows(net, labels, pr.lo, pr.lo + pr.count);
}


void ck_step_loss_forward(ck_net *net, const long *labels, long q, long parts) {
    const long lo = part_lo(net, q), hi = part_lo(net, q + 1), o = net->outputs;
    (void)parts;   // every part's rows are at rowSplit[q]
    forward_part(net, q);
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

#pragma clang attribute pop

#endif
