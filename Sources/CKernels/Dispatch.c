// Baseline x86-64 (no instruction-set attribute): what the CPU can run.
// Choosing a kernel set is the caller's (DeepLearning's ComputeConfiguration);
// nothing here is a switch. On other architectures every kernel is absent:
// ck_cpu_features() is 0 and Swift uses its own and OpenBLAS's products.
#include "internal.h"

#if CK_X86

int ck_cpu_features(void) {
    __builtin_cpu_init();
    int features = 0;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) features |= CK_CPU_AVX2_FMA;
    if ((features & CK_CPU_AVX2_FMA) && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl")
        && __builtin_cpu_supports("avx512bw")) features |= CK_CPU_AVX512;
    if ((features & CK_CPU_AVX512) && __builtin_cpu_supports("avx512vnni")) features |= CK_CPU_AVX512_VNNI;
    if ((features & CK_CPU_AVX512) && __builtin_cpu_supports("avx512vbmi") && __builtin_cpu_supports("avx512vbmi2"))
        features |= CK_CPU_AVX512_VBMI2;
    return features;
}

#else

int ck_cpu_features(void) { return 0; }
void ck_exp_array(const double *x, long n, double *out) { abort(); }
void ck_dense_dot(const double *A, long k, long a, long b, const double *B, long n, double *C) { abort(); }
void ck_dense_tdot(const double *A, long m, long k, const double *D, long n, double *C) { abort(); }
ck_compact *ck_compact_create(const double *x, long rows, long columns) { return 0; }
ck_compact *ck_compact_create_bytes(const uint8_t *p, long r, long c, const double *q) { return 0; }
void ck_compact_destroy(ck_compact *s) {}
int ck_train_step(ck_net *n, const double *i, const long *b, const long *l, double lr, double *loss) { abort(); }
void ck_net_balance(ck_net *n) { abort(); }
void ck_step_forward(ck_net *n, const double *i, const long *b, const long *l, long q, long p) { abort(); }
void ck_step_backward(ck_net *n, double lr, long r, long p) { abort(); }
void ck_step_loss_forward(ck_net *n, const long *l, long q, long p) { abort(); }
double ck_step_loss(ck_net *n) { abort(); }
int ck_step_finish(ck_net *n, long p) { abort(); }
struct ck_helper *ck_helper_create(void) { return 0; }
void ck_helper_destroy(struct ck_helper *h) {}
int ck_train_step_2(struct ck_helper *h, ck_net *n, const double *i, const long *b, const long *l, double lr, double *loss) { abort(); }
void ck_predict_labels(const double *x, long k, long a, long b, const double *w1, long ld, const double *b1, long h,
                       const double *w2, const double *b2, long o, long wide, long *out) { abort(); }
void ck_predict_labels_compact(const ck_compact *s, long a, long b, const double *w1, long ld, const double *b1, long h,
                               const double *w2, const double *b2, long o, long wide, long *out) { abort(); }
ck_quant *ck_quant_create(const double *w1, long ld, long k, const double *b1, long h, const double *w2, const double *b2, long o,
                          long wide) { return 0; }
void ck_quant_destroy(ck_quant *q) {}
long ck_predict_labels_compact_screened(const ck_compact *s, long a, long b, const ck_quant *q, const double *w1, const double *b1,
                                        const double *w2, const double *b2, long *out) { abort(); }

#endif
