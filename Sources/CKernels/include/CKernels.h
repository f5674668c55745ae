#ifndef CKERNELS_H
#define CKERNELS_H
// The C kernels of the DeepLearning target: only what Swift calls. The
// kernels exist in two sets, AVX2/FMA and AVX-512 (F, VL, BW; screening also
// VNNI), each function compiled for one set in a file of its own and chosen
// by its caller, never by a process-wide switch: a network's kernel set is
// ck_net.wide, fixed when it is made; the evaluations take it as an argument.
// Callers check ck_cpu_features() first: every function below except it
// needs AVX2 and FMA, and those given wide = 1 need AVX-512.
#include <stdint.h>

/// Bits of ck_cpu_features().
enum {
    CK_CPU_AVX2_FMA = 1,      ///< AVX2 and FMA: the avx2 kernels
    CK_CPU_AVX512 = 2,        ///< AVX-512F, VL and BW (with AVX2, FMA): the avx512 kernels
    CK_CPU_AVX512_VNNI = 4,   ///< also AVX-512 VNNI: the screened evaluations' integer product by vpdpwssd
    CK_CPU_AVX512_VBMI2 = 8,  ///< also AVX-512 VBMI and VBMI2: the screened evaluations' rows decoded by vpexpandb
};

/// What this CPU can run (CK_CPU_* bits), read once from cpuid.
int ck_cpu_features(void);

/// out[i] = exp(x[i]) for i < n, four at a time with the C library's bits
/// (glibc ≥ 2.28's algorithm, see scripts/make-exp-table); used for σ.
void ck_exp_array(const double *x, long n, double *out);

/// C (rows r0 ..< r1 of m×n) = A·B for dense A (m×k) and B (k×n), zeros of A skipped.
void ck_dense_dot(const double *A, long k, long r0, long r1, const double *B, long n, double *C);

/// C (k×n) = Aᵀ·D for dense A (m×k) and D (m×n), zeros of A skipped.
void ck_dense_tdot(const double *A, long m, long k, const double *D, long n, double *C);

/// A set of images stored once, compactly, for the training loop and its
/// evaluations: per row its non-zero entries as 16-bit column numbers and
/// 8-bit codes into a palette of at most 256 distinct non-zero values (MNIST
/// pixels k/255 have 255). Exact: palette[code] is the original double.
typedef struct {
    long rows, columns;
    long *rowStart;      // rows + 1 entries
    uint16_t *cols;      // rowStart[rows] entries, increasing within a row
    uint8_t *codes;
    double palette[256];
    long paletteSize;    // the codes in use: 0 ..< paletteSize
    double codeValue[256];   // the value of code + 1 (the dense kernels' byte codes, 0 a zero pixel):
                             // codeValue[0] = 0, codeValue[c + 1] = palette[c] for c < min(paletteSize, 255)
    uint64_t *nonzero;   // rows × nonzeroWords: bit p % 64 of word p / 64 of row r set when row r has an entry at
    long nonzeroWords;   // column p (the AVX-512 VBMI2 decode of the screened evaluations expands the codes with it)
} ck_compact;

/// The compact form of dense x (rows × columns), or 0 when x has more than
/// 256 distinct non-zero values or more than 65 536 columns (or memory ran out).
ck_compact *ck_compact_create(const double *x, long rows, long columns);
/// The compact form of images given as bytes (rows × columns, row-major), the
/// value of byte b being quotient[b] (MNIST: b/255): the same rows, columns and
/// palette values as ck_compact_create of the matrix of those values, without
/// that matrix. 0 when columns > 65 536 (or memory ran out).
ck_compact *ck_compact_create_bytes(const uint8_t *pixels, long rows, long columns, const double quotient[256]);
void ck_compact_destroy(ck_compact *set);

/// The two-layer network's parameters and the training step's scratch buffers.
/// `hiddenStride` = ck_padded(hidden, wide): W1, b1, W2ᵀ, z1, da1 and gw1 have rows of
/// that many doubles, the columns past `hidden` zero (aligned, whole vectors).
///
/// The step can be split into `parts` (≤ 8) pieces run on different threads:
/// part q owns batch rows q·batch/parts ..< (q+1)·batch/parts (its CSR at
/// rowStart + lo + q and cols/vals + lo·inputs + 4q, so capacities are
/// batch + 8 and batch·inputs + 36) and W1 rows q·inputs/parts ..< … in the
/// backward phase (colStart capacity inputs + 8). Results do not depend on `parts`.
typedef struct {
    long inputs, hidden, hiddenStride, outputs, batch, parts;
    double *partFlags;                  // parts entries: NaN when an updated W1 entry of that part is not finite
    double *w1, *b1, *w2, *b2;          // parameters, updated in place (w1 inputs×hiddenStride, b1 hiddenStride)
    double *w2t;                        // W2ᵀ (outputs×hiddenStride, 32-byte aligned, padding 0), kept equal to w2
    long *rowStart; int32_t *cols; double *vals;     // batch CSR, capacity batch*inputs + 4
    long *colStart; int32_t *trows; double *tvals;   // its transpose
    long *cursor;                                    // max(8·batch, inputs) entries of scratch
    double *z1, *dy, *da1, *gw1, *gw2, *gb1, *gb2;  // batch×stride, batch×outputs, batch×stride, inputs×stride, hidden×outputs, hidden, outputs
    const ck_compact *source;           // when set, batches are read from it instead of `images`
    long *rowSplit;                     // parts + 1 entries: part q of the forward phases owns batch rows rowSplit[q] ..< rowSplit[q + 1]
    long *pixelSplit;                   // parts + 1 entries: part r of the backward owns W1 rows pixelSplit[r] ..< pixelSplit[r + 1]
    long *pixelWork;                    // inputs + 1 entries: non-zeros in the pixels before p (a sample of source), for the split
    double rowShare, pixelShare;        // part 0's shares (two-thread step), moved toward equal times
    const long *nextBatch;              // when set (with source), the next step's batch, prefetched during this one
    double *rowLoss;                    // batch entries: log(y[i, label i] + 1e-7) at the updated parameters
    long wide;                          // 1: the AVX-512 kernels (hiddenStride = ck_padded(hidden, 1)); fixed at creation
    double *xt;                         // parts·48·batch doubles, all 0 (scratch of the dense and the coded backward; 64-byte aligned); or 0
    long transposedBackward;            // 1: dW1 as a product with the transposed batch (for measurements; always for rows wider than the blocked kernels')
    long *entryBegin, *entryEnd;        // batch entries each: with source and the blocked kernels, batch row i's entries are
                                        // entryBegin[i] ..< entryEnd[i] of source's cols and codes (read in place, no CSR)
} ck_net;

/// hidden rounded up to a multiple of 4 (one AVX2 vector), or of 8 (one
/// AVX-512 vector: rows of 64 bytes' multiples, so no load crosses a cache line) when wide.
static inline long ck_padded(long hidden, long wide) { return wide ? (hidden + 7) / 8 * 8 : (hidden + 3) / 4 * 4; }

/// One SGD step of the book's TwoLayerNet on the batch `batch` (row indices
/// of images, · × inputs) with labels `labels` (in 0..<outputs):
/// gradient by backprop, θ ← θ − lr·∇, then the batch loss at the updated θ
/// into *loss. Returns 1 if a parameter changed this step is NaN/±∞, else 0.
int ck_train_step(ck_net *net, const double *images, const long *batch, const long *labels,
                  double lr, double *loss);

/// The same step in three phases; between them every part of the previous
/// phase must have finished, and each phase's parts may run concurrently
/// (q, r in 0..<parts):
/// forward (part q: gather of its batch rows, hidden and output layer,
/// dy = (y − t)/batch, da1 = σ'·dy·W2ᵀ — all row-wise);
/// backward (part r: dW1 rows pixelSplit[r] ..< pixelSplit[r + 1] and those W1 rows updated,
/// dW2 rows and db1 of the hidden units r·hidden/parts ..< and those W2 rows
/// and b1 entries updated; the last part also db2 and b2 — sums over the
/// batch, rows ascending);
/// loss_forward (part q: the batch rows' −log terms at the updated parameters).
/// Then ck_step_loss sums the terms (rows ascending) and ck_step_finish
/// returns 1 if a changed parameter is NaN or ±∞.
/// Sets rowSplit to equal parts of the batch and pixelSplit to equal shares
/// of the non-zero pixels of `source` (of the W1 rows without one); the
/// two-thread step then moves both toward equal times on the two cores.
/// Call after creating the net and after setting source; results never
/// depend on the split.
void ck_net_balance(ck_net *net);
void ck_step_forward(ck_net *net, const double *images, const long *batch, const long *labels, long q, long parts);
void ck_step_backward(ck_net *net, double lr, long r, long parts);
void ck_step_loss_forward(ck_net *net, const long *labels, long q, long parts);
double ck_step_loss(ck_net *net);
int ck_step_finish(ck_net *net, long parts);

/// A helper thread that runs part 1 of the step's parallel phases.
struct ck_helper;
/// Starts the helper thread (0 if it cannot be created).
struct ck_helper *ck_helper_create(void);
/// Stops and joins it.
void ck_helper_destroy(struct ck_helper *helper);
/// ck_train_step with net->parts == 2: part 0 on the calling thread, part 1 on
/// the helper (which spins ~0.1 ms between phases, then sleeps) — or both
/// parts on the calling thread while the helper does not pay (see ck_step_mode);
/// the same bits either way.
int ck_train_step_2(struct ck_helper *helper, ck_net *net, const double *images, const long *batch,
                    const long *labels, double lr, double *loss);

/// When the two-thread step runs its parts on one thread instead. A step on two
/// threads whose wall time is more than 0.8 of its two parts' times added (they
/// hardly overlapped: the helper waited for a core on a busy machine) counts as
/// poor; after 8 poor steps in a row, 16 steps run on one thread, and the faster
/// way (mean wall time per step) is kept for the next 512 steps, then the two
/// threads are tried again. On a quiet machine the parts overlap (≈ 0.55) and
/// the step stays on two threads.
typedef struct {
    int serial;          // 1: the next step runs both parts on the calling thread
    long left;           // steps left in the current stretch (probe or keep)
    long poor;           // poor two-thread steps in a row
    double parallelWall; // recent two-thread step's wall time (ticks, moving mean)
    double serialWall;   // the probe's wall time summed (ticks)
    long probing;        // 1 while the 16 one-thread steps of a probe run
    long switches;       // times the step moved to one thread (for tests and measurements)
} ck_step_mode;
/// Advances the mode after a step: wall = its wall ticks; work = its parts' ticks
/// added (two-thread steps only).
void ck_step_mode_after(ck_step_mode *mode, double wall, double work);
/// The helper's mode (read by tests); force ≥ 0 pins it (0: two threads, 1: one), −1 frees it.
ck_step_mode *ck_helper_mode(struct ck_helper *helper);
void ck_helper_force_mode(struct ck_helper *helper, int force);

/// W1 is inputs × hidden with rows w1RowStride ≥ hidden doubles apart. When
/// w1RowStride is ck_padded(hidden, wide), W1 and b1 are read in place: W1's
/// padding columns must then be 0 and b1 must have w1RowStride entries (as in
/// ck_net); otherwise padded copies are made. wide: the AVX-512 kernels.
/// Predicted class (arg-max of σ(x·W1 + b1)·W2 + b2, first on ties) of the
/// rows r0 ..< r1 of x (· × inputs) into out[r - r0].
void ck_predict_labels(const double *x, long inputs, long r0, long r1,
                       const double *w1, long w1RowStride, const double *b1, long hidden,
                       const double *w2, const double *b2, long outputs, long wide, long *out);

/// ck_predict_labels for the rows r0 ..< r1 of a compact set.
void ck_predict_labels_compact(const ck_compact *set, long r0, long r1,
                               const double *w1, long w1RowStride, const double *b1, long hidden,
                               const double *w2, const double *b2, long outputs, long wide, long *out);

/// Quantized first-layer weights for screened evaluations (see Screening.c)
/// with the kernel set `wide` (0: AVX2, 1: AVX-512; the integer product by
/// vpdpwssd where the CPU also has VNNI, else by vpmaddwd): 0 unless the CPU
/// has that set, w1RowStride = ck_padded(hidden, wide) ≤ 52 (AVX2) or 56
/// (AVX-512) — the layout of a FusedTrainer —, outputs ≤ 16 and every
/// parameter is finite. Made once per evaluation; the parameters must not
/// change while it is used.
typedef struct ck_quant ck_quant;
ck_quant *ck_quant_create(const double *w1, long w1RowStride, long inputs, const double *b1, long hidden,
                          const double *w2, const double *b2, long outputs, long wide);
void ck_quant_destroy(ck_quant *quant);

/// ck_predict_labels_compact (the same labels, bit for bit) with the first
/// layer of most rows in 16-bit integers and a bound on the difference; rows
/// the bound does not settle are computed exactly. The parameters are those
/// quant was made from. Returns how many rows were computed exactly.
long ck_predict_labels_compact_screened(const ck_compact *set, long r0, long r1, const ck_quant *quant,
                                        const double *w1, const double *b1, const double *w2, const double *b2,
                                        long *out);

#endif
