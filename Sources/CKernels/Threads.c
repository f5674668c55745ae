// AVX2/FMA: the two-thread step — the helper thread that runs part 1 of
// every phase (spinning briefly, then sleeping) and the split of the batch
// rows and W1 rows between the parts, moved toward equal times.
#include "internal.h"
#include <pthread.h>
#include <stdatomic.h>
#include <sched.h>

#if CK_X86

#pragma clang attribute push (__attribute__((target("avx2,fma"))), apply_to = function)

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

void ck_adapt_split(ck_net *net, const double rowTime[2], const double pixelTime[2]) {
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

/// A helper thread for the two-part training step: it spins briefly for new
/// work (the phases are ~0.1 ms apart), then sleeps on a condition variable.
/// The caller, waiting for the helper's part, also spins only briefly and then
/// sleeps (see helper_run).
struct ck_helper {
    unsigned long long lastTicks;     // time stamp counter ticks of the helper's last piece of work
    pthread_t thread;
    pthread_mutex_t mutex;
    pthread_cond_t wake;
    pthread_cond_t done;              // signalled when the helper finishes while the caller sleeps
    _Atomic long posted, finished;
    _Atomic int callerSleeping;
    int quit;
    ck_step_mode mode;
    int force;                        // −1, or the mode pinned by ck_helper_force_mode
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
        atomic_store_explicit(&h->finished, seen, memory_order_seq_cst);
        if (atomic_load_explicit(&h->callerSleeping, memory_order_seq_cst)) {
            pthread_mutex_lock(&h->mutex);
            pthread_cond_signal(&h->done);
            pthread_mutex_unlock(&h->mutex);
        }
    }
}

struct ck_helper *ck_helper_create(void) {
    struct ck_helper *h = calloc(1, sizeof *h);
    pthread_mutex_init(&h->mutex, 0);
    pthread_cond_init(&h->wake, 0);
    pthread_cond_init(&h->done, 0);
    h->force = -1;
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
    pthread_cond_destroy(&h->done);
    free(h);
}

/// How long the caller spins for the helper's part before it sleeps: ~40 µs of
/// time stamp counter ticks at 2–4 GHz, several times the parts' usual
/// difference. On a busy machine the helper may be waiting for a core; a
/// caller that kept spinning would hold the core the helper needs (a
/// 3 000-step run beside one busy process took 7.1 s instead of ~1 s), while a
/// caller that sleeps lets the scheduler run the helper there at once.
#define CK_SPIN_TICKS 120000ull

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
    const unsigned long long spinStart = __rdtsc();
    while (atomic_load_explicit(&h->finished, memory_order_acquire) != generation && __rdtsc() - spinStart < CK_SPIN_TICKS)
        _mm_pause();
    if (atomic_load_explicit(&h->finished, memory_order_acquire) != generation) {
        // Sleep until the helper is done. The flag and the helper's `finished` are
        // written before each reads the other's (sequentially consistent), so one of
        // the two sees the other: the caller finds the part done, or the helper signals.
        atomic_store_explicit(&h->callerSleeping, 1, memory_order_seq_cst);
        pthread_mutex_lock(&h->mutex);
        while (atomic_load_explicit(&h->finished, memory_order_seq_cst) != generation) pthread_cond_wait(&h->done, &h->mutex);
        pthread_mutex_unlock(&h->mutex);
        atomic_store_explicit(&h->callerSleeping, 0, memory_order_relaxed);
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

void ck_step_mode_after(ck_step_mode *m, double wall, double work) {
    if (m->serial) {
        m->serialWall += wall;
        if (--m->left > 0) return;
        if (m->probing) {
            // The probe is over: keep the faster way for the next 512 steps.
            m->probing = 0;
            m->serial = m->serialWall / 16 < m->parallelWall;
            m->left = 512;
            if (!m->serial) m->poor = -512;   // no new probe while the kept two threads run
            return;
        }
        // A kept stretch on one thread is over: try two threads again.
        m->serial = 0;
        m->poor = 0;
        m->parallelWall = 0;
        return;
    }
    m->parallelWall = m->parallelWall > 0 ? 0.75 * m->parallelWall + 0.25 * wall : wall;
    if (work > 0 && wall > 0.8 * work) m->poor++;
    else if (m->poor > 0) m->poor = 0;
    else if (m->poor < 0) m->poor++;
    if (m->poor >= 8) {
        m->serial = 1;
        m->probing = 1;
        m->left = 16;
        m->serialWall = 0;
        m->poor = 0;
        m->switches++;
    }
}

ck_step_mode *ck_helper_mode(struct ck_helper *h) { return &h->mode; }
void ck_helper_force_mode(struct ck_helper *h, int force) { h->force = force; }

int ck_train_step_2(struct ck_helper *helper, ck_net *net, const double *images, const long *batch,
                    const long *labels, double lr, double *lossOut) {
    const int serial = helper->force >= 0 ? helper->force : helper->mode.serial;
    if (serial) {
        // Both parts here, in order: the same work, so the same bits.
        const unsigned long long start = __rdtsc();
        const int bad = ck_train_step(net, images, batch, labels, lr, lossOut);
        if (helper->force < 0) ck_step_mode_after(&helper->mode, (double)(__rdtsc() - start), 0);
        return bad;
    }
    const unsigned long long start = __rdtsc();
    step_context c = { net, images, batch, labels, lr };
    double forwardTicks[2], backwardTicks[2], lossTicks[2];
    helper_run(helper, forward1, forward0, &c, forwardTicks);
    helper_run(helper, backward1, backward0, &c, backwardTicks);
    helper_run(helper, loss1, loss0, &c, lossTicks);
    *lossOut = ck_step_loss(net);
    const double rowTicks[2] = { forwardTicks[0] + lossTicks[0], forwardTicks[1] + lossTicks[1] };
    ck_adapt_split(net, rowTicks, backwardTicks);
    const double work = rowTicks[0] + rowTicks[1] + backwardTicks[0] + backwardTicks[1];
    if (helper->force < 0) ck_step_mode_after(&helper->mode, (double)(__rdtsc() - start), work);
    return ck_step_finish(net, 2);
}

#pragma clang attribute pop

#endif
