// AVX2/FMA: exp of an array with the C library's bits (see exp4 in avx2.h).
#include "internal.h"

#if CK_X86

#pragma clang attribute push (__attribute__((target("avx2,fma"))), apply_to = function)
#include "avx2.h"

void ck_exp_array(const double *x, long n, double *out) {
    long i = 0;
    for (; i + 4 <= n; i += 4) _mm256_storeu_pd(out + i, exp4(_mm256_loadu_pd(x + i)));
    for (; i < n; i++) out[i] = exp(x[i]);
}

#pragma clang attribute pop

#endif
