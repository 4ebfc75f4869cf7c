#pragma once
// Row primitives for the CPU density passes (internal to kde_cpu.cpp and its tests). Each has an
// AVX2+FMA version picked at run time when the CPU has it, and portable loops otherwise, so the
// binary runs on any x86-64 (and other architectures) while the hot loops use 8-wide FMAs.
#include <cstddef>

namespace faro::kde_rows {

bool cpu_has_avx2_fma();

// The widest vector code this CPU runs (AVX-512F implies AVX2 + FMA on every x86 that has it),
// capped by limit_wide_simd: tests force the narrower paths on a CPU that has the wider ones.
enum class WideSimd { none, avx2, avx512 };
WideSimd wide_simd();
void limit_wide_simd(WideSimd cap);  // WideSimd::avx512 = no cap (the default)

// out[c] (+)= sum_k taps[k] * in[c + k]  for c in [0, n); `in` must hold n + ntaps - 1 values.
// With accumulate = false, out is overwritten (and need not be initialised).
void conv_add(float* out, const float* in, const float* taps, int ntaps, int n, bool simd,
              bool accumulate = true);

// out[c] = sum_k w[k] * rows[k][c]  for c in [0, n).
void weighted_sum(float* out, const float* const* rows, const float* w, int nrows, int n,
                  bool simd);

// Up to 4 output rows at once: out[o][c] = sum_k taps[k] * in[o + k][c] for o < nout (<= 4);
// `in` holds ntaps + nout - 1 row pointers. Each input row loaded serves 4 outputs, so the pass
// reads its (L2-resident) rows a quarter as often as row-by-row.
void vertical_conv(float* const* out, int nout, const float* const* in, const float* taps,
                   int ntaps, int n, bool simd);

// Splat patches (one call per point), in double, row r of the patch at o + r * stride:
//   separable: o[r][c] += gy[r] * gx[c]                      (gaussian; gy carries the weight)
//   quartic:   o[r][c] += w * max(0, ay[r] - d2x[c])²        (ay = 1 - dy²/h², d2x = dx²/h²)
void splat_separable(double* o, size_t stride, const double* gx, int ncol, const double* gy,
                     int nrow, bool simd);
void splat_quartic(double* o, size_t stride, const double* d2x, int ncol, const double* ay,
                   int nrow, double w, bool simd);

}  // namespace faro::kde_rows
