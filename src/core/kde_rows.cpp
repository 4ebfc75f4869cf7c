#include "core/kde_rows.hpp"

#include <algorithm>
#include <atomic>
#include <vector>

#if defined(__x86_64__) && defined(__GNUC__)
#define FARO_KDE_X86 1
#include <immintrin.h>
#endif

namespace faro::kde_rows {
namespace {

void conv_add_portable(float* out, const float* in, const float* taps, int ntaps, int n,
                       bool accumulate) {
  if (!accumulate)
    for (int c = 0; c < n; ++c) out[c] = 0;
  for (int k = 0; k < ntaps; ++k) {
    const float t = taps[k];
    const float* src = in + k;
    for (int c = 0; c < n; ++c) out[c] += t * src[c];
  }
}

void weighted_sum_portable(float* out, const float* const* rows, const float* w, int nrows, int n) {
  for (int c = 0; c < n; ++c) out[c] = 0;
  for (int k = 0; k < nrows; ++k) {
    const float t = w[k];
    const float* src = rows[k];
    for (int c = 0; c < n; ++c) out[c] += t * src[c];
  }
}

void vertical_conv_portable(float* const* out, int nout, const float* const* in, const float* taps,
                            int ntaps, int n) {
  for (int o = 0; o < nout; ++o) weighted_sum_portable(out[o], in + o, taps, ntaps, n);
}

void splat_separable_portable(double* o, size_t stride, const double* gx, int ncol,
                              const double* gy, int nrow) {
  for (int r = 0; r < nrow; ++r, o += stride)
    for (int c = 0; c < ncol; ++c) o[c] += gy[r] * gx[c];
}

void splat_quartic_portable(double* o, size_t stride, const double* d2x, int ncol, const double* ay,
                            int nrow, double w) {
  for (int r = 0; r < nrow; ++r, o += stride) {
    for (int c = 0; c < ncol; ++c) {
      const double t = ay[r] - d2x[c];
      if (t > 0) o[c] += w * t * t;
    }
  }
}

#ifdef FARO_KDE_X86
__attribute__((target("avx2,fma"))) void splat_separable_avx2(double* o, size_t stride,
                                                              const double* gx, int ncol,
                                                              const double* gy, int nrow) {
  for (int r = 0; r < nrow; ++r, o += stride) {
    const __m256d a = _mm256_set1_pd(gy[r]);
    int c = 0;
    for (; c + 4 <= ncol; c += 4)
      _mm256_storeu_pd(o + c, _mm256_fmadd_pd(a, _mm256_loadu_pd(gx + c), _mm256_loadu_pd(o + c)));
    for (; c < ncol; ++c) o[c] += gy[r] * gx[c];
  }
}

__attribute__((target("avx2,fma"))) void splat_quartic_avx2(double* o, size_t stride,
                                                            const double* d2x, int ncol,
                                                            const double* ay, int nrow, double w) {
  const __m256d vw = _mm256_set1_pd(w), zero = _mm256_setzero_pd();
  for (int r = 0; r < nrow; ++r, o += stride) {
    if (ay[r] <= 0) continue;
    const __m256d a = _mm256_set1_pd(ay[r]);
    int c = 0;
    for (; c + 4 <= ncol; c += 4) {
      const __m256d t = _mm256_max_pd(_mm256_sub_pd(a, _mm256_loadu_pd(d2x + c)), zero);
      _mm256_storeu_pd(o + c, _mm256_fmadd_pd(_mm256_mul_pd(vw, t), t, _mm256_loadu_pd(o + c)));
    }
    for (; c < ncol; ++c) {
      const double t = ay[r] - d2x[c];
      if (t > 0) o[c] += w * t * t;
    }
  }
}

__attribute__((target("avx2,fma"))) void vertical_conv_avx2(float* const* out, int nout,
                                                            const float* const* in,
                                                            const float* taps, int ntaps, int n) {
  // Taps padded with 3 zeros on each side: output row o takes input row k with tp[k - o + 3].
  float tp_store[256 + 6];
  std::vector<float> tp_heap;
  float* tp = tp_store;
  if (ntaps > 256) {
    tp_heap.resize(ntaps + 6);
    tp = tp_heap.data();
  }
  for (int k = 0; k < ntaps + 6; ++k) tp[k] = (k >= 3 && k < ntaps + 3) ? taps[k - 3] : 0.0f;
  const int nin = ntaps + nout - 1;
  int c = 0;
  for (; c + 16 <= n; c += 16) {
    __m256 a0 = _mm256_setzero_ps(), a1 = a0, b0 = a0, b1 = a0, c0 = a0, c1 = a0, d0 = a0, d1 = a0;
    for (int k = 0; k < nin; ++k) {
      const __m256 x0 = _mm256_loadu_ps(in[k] + c), x1 = _mm256_loadu_ps(in[k] + c + 8);
      const float* t = tp + k + 3;
      const __m256 t0 = _mm256_broadcast_ss(t), t1 = _mm256_broadcast_ss(t - 1);
      const __m256 t2 = _mm256_broadcast_ss(t - 2), t3 = _mm256_broadcast_ss(t - 3);
      a0 = _mm256_fmadd_ps(t0, x0, a0);
      a1 = _mm256_fmadd_ps(t0, x1, a1);
      b0 = _mm256_fmadd_ps(t1, x0, b0);
      b1 = _mm256_fmadd_ps(t1, x1, b1);
      c0 = _mm256_fmadd_ps(t2, x0, c0);
      c1 = _mm256_fmadd_ps(t2, x1, c1);
      d0 = _mm256_fmadd_ps(t3, x0, d0);
      d1 = _mm256_fmadd_ps(t3, x1, d1);
    }
    const __m256 acc[8] = {a0, a1, b0, b1, c0, c1, d0, d1};
    for (int o = 0; o < nout; ++o) {
      _mm256_storeu_ps(out[o] + c, acc[2 * o]);
      _mm256_storeu_ps(out[o] + c + 8, acc[2 * o + 1]);
    }
  }
  if (c < n) {
    for (int o = 0; o < nout; ++o) {
      for (int col = c; col < n; ++col) {
        float a = 0;
        for (int k = 0; k < ntaps; ++k) a += taps[k] * in[o + k][col];
        out[o][col] = a;
      }
    }
  }
}

// 64 outputs (8 ymm accumulators) per block: enough independent FMAs to hide their latency, and
// each tap costs 8 unaligned loads + 8 FMAs, all from L1.
__attribute__((target("avx2,fma"))) void conv_add_avx2(float* out, const float* in,
                                                       const float* taps, int ntaps, int n,
                                                       bool accumulate) {
  int c = 0;
  for (; c + 64 <= n; c += 64) {
    __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
    if (accumulate) {
      a0 = _mm256_loadu_ps(out + c), a1 = _mm256_loadu_ps(out + c + 8);
      a2 = _mm256_loadu_ps(out + c + 16), a3 = _mm256_loadu_ps(out + c + 24);
      a4 = _mm256_loadu_ps(out + c + 32), a5 = _mm256_loadu_ps(out + c + 40);
      a6 = _mm256_loadu_ps(out + c + 48), a7 = _mm256_loadu_ps(out + c + 56);
    }
    const float* p = in + c;
    for (int k = 0; k < ntaps; ++k, ++p) {
      const __m256 t = _mm256_broadcast_ss(taps + k);
      a0 = _mm256_fmadd_ps(t, _mm256_loadu_ps(p), a0);
      a1 = _mm256_fmadd_ps(t, _mm256_loadu_ps(p + 8), a1);
      a2 = _mm256_fmadd_ps(t, _mm256_loadu_ps(p + 16), a2);
      a3 = _mm256_fmadd_ps(t, _mm256_loadu_ps(p + 24), a3);
      a4 = _mm256_fmadd_ps(t, _mm256_loadu_ps(p + 32), a4);
      a5 = _mm256_fmadd_ps(t, _mm256_loadu_ps(p + 40), a5);
      a6 = _mm256_fmadd_ps(t, _mm256_loadu_ps(p + 48), a6);
      a7 = _mm256_fmadd_ps(t, _mm256_loadu_ps(p + 56), a7);
    }
    _mm256_storeu_ps(out + c, a0);
    _mm256_storeu_ps(out + c + 8, a1);
    _mm256_storeu_ps(out + c + 16, a2);
    _mm256_storeu_ps(out + c + 24, a3);
    _mm256_storeu_ps(out + c + 32, a4);
    _mm256_storeu_ps(out + c + 40, a5);
    _mm256_storeu_ps(out + c + 48, a6);
    _mm256_storeu_ps(out + c + 56, a7);
  }
  for (; c + 8 <= n; c += 8) {
    __m256 a = accumulate ? _mm256_loadu_ps(out + c) : _mm256_setzero_ps();
    for (int k = 0; k < ntaps; ++k)
      a = _mm256_fmadd_ps(_mm256_broadcast_ss(taps + k), _mm256_loadu_ps(in + c + k), a);
    _mm256_storeu_ps(out + c, a);
  }
  for (; c < n; ++c) {
    float a = accumulate ? out[c] : 0.0f;
    for (int k = 0; k < ntaps; ++k) a += taps[k] * in[c + k];
    out[c] = a;
  }
}

__attribute__((target("avx2,fma"))) void weighted_sum_avx2(float* out, const float* const* rows,
                                                           const float* w, int nrows, int n) {
  int c = 0;
  for (; c + 64 <= n; c += 64) {
    __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
    for (int k = 0; k < nrows; ++k) {
      const __m256 t = _mm256_broadcast_ss(w + k);
      const float* p = rows[k] + c;
      a0 = _mm256_fmadd_ps(t, _mm256_loadu_ps(p), a0);
      a1 = _mm256_fmadd_ps(t, _mm256_loadu_ps(p + 8), a1);
      a2 = _mm256_fmadd_ps(t, _mm256_loadu_ps(p + 16), a2);
      a3 = _mm256_fmadd_ps(t, _mm256_loadu_ps(p + 24), a3);
      a4 = _mm256_fmadd_ps(t, _mm256_loadu_ps(p + 32), a4);
      a5 = _mm256_fmadd_ps(t, _mm256_loadu_ps(p + 40), a5);
      a6 = _mm256_fmadd_ps(t, _mm256_loadu_ps(p + 48), a6);
      a7 = _mm256_fmadd_ps(t, _mm256_loadu_ps(p + 56), a7);
    }
    _mm256_storeu_ps(out + c, a0);
    _mm256_storeu_ps(out + c + 8, a1);
    _mm256_storeu_ps(out + c + 16, a2);
    _mm256_storeu_ps(out + c + 24, a3);
    _mm256_storeu_ps(out + c + 32, a4);
    _mm256_storeu_ps(out + c + 40, a5);
    _mm256_storeu_ps(out + c + 48, a6);
    _mm256_storeu_ps(out + c + 56, a7);
  }
  for (; c + 8 <= n; c += 8) {
    __m256 a = _mm256_setzero_ps();
    for (int k = 0; k < nrows; ++k)
      a = _mm256_fmadd_ps(_mm256_broadcast_ss(w + k), _mm256_loadu_ps(rows[k] + c), a);
    _mm256_storeu_ps(out + c, a);
  }
  for (; c < n; ++c) {
    float a = 0;
    for (int k = 0; k < nrows; ++k) a += w[k] * rows[k][c];
    out[c] = a;
  }
}
#endif

}  // namespace

bool cpu_has_avx2_fma() {
#ifdef FARO_KDE_X86
  static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return has;
#else
  return false;
#endif
}

namespace {
std::atomic<int> wide_simd_cap{static_cast<int>(WideSimd::avx512)};
}

WideSimd wide_simd() {
  WideSimd best = WideSimd::none;
#ifdef FARO_KDE_X86
  static const bool has512 = cpu_has_avx2_fma() && __builtin_cpu_supports("avx512f");
  best = has512 ? WideSimd::avx512 : cpu_has_avx2_fma() ? WideSimd::avx2 : WideSimd::none;
#endif
  return static_cast<WideSimd>(std::min(static_cast<int>(best), wide_simd_cap.load()));
}

void limit_wide_simd(WideSimd cap) { wide_simd_cap.store(static_cast<int>(cap)); }

void conv_add(float* out, const float* in, const float* taps, int ntaps, int n, bool simd,
              bool accumulate) {
#ifdef FARO_KDE_X86
  if (simd && cpu_has_avx2_fma()) return conv_add_avx2(out, in, taps, ntaps, n, accumulate);
#endif
  conv_add_portable(out, in, taps, ntaps, n, accumulate);
}

void weighted_sum(float* out, const float* const* rows, const float* w, int nrows, int n,
                  bool simd) {
#ifdef FARO_KDE_X86
  if (simd && cpu_has_avx2_fma()) return weighted_sum_avx2(out, rows, w, nrows, n);
#endif
  weighted_sum_portable(out, rows, w, nrows, n);
}

void vertical_conv(float* const* out, int nout, const float* const* in, const float* taps,
                   int ntaps, int n, bool simd) {
#ifdef FARO_KDE_X86
  if (simd && cpu_has_avx2_fma()) return vertical_conv_avx2(out, nout, in, taps, ntaps, n);
#endif
  vertical_conv_portable(out, nout, in, taps, ntaps, n);
}

void splat_separable(double* o, size_t stride, const double* gx, int ncol, const double* gy,
                     int nrow, bool simd) {
#ifdef FARO_KDE_X86
  if (simd && cpu_has_avx2_fma()) return splat_separable_avx2(o, stride, gx, ncol, gy, nrow);
#endif
  splat_separable_portable(o, stride, gx, ncol, gy, nrow);
}

void splat_quartic(double* o, size_t stride, const double* d2x, int ncol, const double* ay,
                   int nrow, double w, bool simd) {
#ifdef FARO_KDE_X86
  if (simd && cpu_has_avx2_fma()) return splat_quartic_avx2(o, stride, d2x, ncol, ay, nrow, w);
#endif
  splat_quartic_portable(o, stride, d2x, ncol, ay, nrow, w);
}

}  // namespace faro::kde_rows
