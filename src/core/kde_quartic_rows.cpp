// The exact quartic by row polynomials: O(rows reached) per point instead of O(cells reached).
//
// In grid units (cell centres at integer col/row, H = h / cell), a point at (fx, fy) adds to the
// cell (c, r) the value  w K0 (D - (c - fx)²)² / H⁴  with D = H² - (r - fy)²,  for (c - fx)² < D
// (K0 = 3 / (π H²) in output units per cell²). Along one row that is a degree-4 polynomial in c on
// the interval (fx - √D, fx + √D). So each point, for each row it reaches, adds the polynomial's 5
// coefficients at the interval's first cell of a row buffer and subtracts them after its last cell
// (a difference array); one running sum along the row then holds, at every cell, the coefficients
// of the sum of the polynomials that cover it, and one Horner evaluation gives the exact sum there.
//
// Layout. Points are sorted by first row and, within a row, by tiles of T columns of their first
// column (kde_splat.cpp). A point of tile t writes only into t's segment of the row buffer, which
// spans columns [tT, tT + T + 2R) (R = ceil(H)), so its whole interval fits: two slot updates per
// point and row, no square root on the coefficients' path, one segment (~5 KB) hot in L1 at a
// time. The segments' evaluations are added into a double row, then clamped at 0 into floats.
// The scatter is bound by its slot updates (a load, add and store per interval end): with AVX-512
// a slot is one register (eight points' coefficients in lanes, an 8 x 8 transpose, one 64-byte
// update per end), with AVX2 two halves (four points at a time), else the portable loop. All
// three add the same terms in the same order, up to the compiler's FMA contraction (tests compare
// each with the direct sum). Measured
// on the 2-core EPYC dev VM (FGJ, 1920 x 1080 x 50 m, h = 400 m, CPU time, main at 815128a run
// back to back, load ~9): 1 thread 90-96 -> 77-83 ms; the counting sort is ~25 % of the rest.
//
// Precision. The polynomials are expanded around the segment's centre (u = c - centre, |u| <=
// T/2 + R; the point's offset |a| <= T/2 + 1), and the running sums restart at every segment, so
// coefficients never describe a point far away. A 6th lane counts the intervals covering the cell
// (exact small integers): where it is 0 the segment adds exactly 0 and its running sums are reset
// to exactly 0 (no drift carried on), so cells that no point reaches are exactly 0 (the colour
// domain's "non-zero cells" stay the same set). Every term satisfies sum_k |c_k u^k| <= B x its
// point's peak, B = (((T + R + 1) / H)² + 1)² (quartic_rows_error_factor), so the rounding error
// at a cell is at most ~2 m eps B x (the summed peaks of the m intervals added to that segment row
// since its coverage was last 0), eps = 2^-53. T is the largest power of two <= 8H in [32, 1024]:
// B ~ 7100 at H = 8, < 1e5 for H >= 2; below H = 2 the direct splat is used (it touches no more
// cells per row than this touches rows). Measured: on the FGJ data (1,282,913 points, H = 8) the
// max |error| against the direct double sum at the 300 highest and 200 random cells is 3.1e-8 of
// the peak, the same as the old direct splat (float output rounding, 6e-8 relative); the old and
// new grids differ by at most 1.6e-8 of the peak and have the same zero cells. The adversarial
// test (4,000 points stacked on tile edges with weights 1 and 1e6, kde_quartic_rows_test) stays
// within the float rounding too (< 3e-7 of the peak).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "core/kde_internal.hpp"
#include "core/kde_rows.hpp"

namespace faro {
namespace {

// Four doubles; lowered to two SSE2 operations where AVX is not enabled. Declared 8-byte aligned
// (unaligned loads and stores), so no over-aligned type reaches std::vector or the stack; the row
// buffer itself is 64-byte aligned by hand (one slot = one cache line).
typedef double v4d __attribute__((vector_size(32), aligned(8)));

struct Slot {  // one cell of the row buffer: [c0 c1 c2 c3] [c4 count 0 0]
  v4d lo, hi;
};
static_assert(sizeof(Slot) == 64);
static_assert(sizeof(SplatPoint) == 24);

struct RowsGeometry {
  int shift = 5;  // T = 1 << shift, the same blocks as the points' sort (SplatPoints)
  int tile = 32;
  int tiles = 1;
  int radius = 1;  // R = ceil(H)
  int cells = 0;   // columns per segment: T + 2R, at most nx (tile t: columns [tT, tT + cells))
  int seg = 0;     // slots per segment: one more, for a subtraction past its last cell
  double centre = 0;  // offset of the segment's expansion origin from tT
};

RowsGeometry rows_geometry(const SplatPoints& pts, const GridSpec& grid, int radius) {
  RowsGeometry g;
  g.shift = pts.block_shift;
  g.tile = 1 << g.shift;
  g.tiles = static_cast<int>(pts.blocks);
  g.radius = radius;
  // Intervals are clipped to the grid, so a segment never needs more than nx columns (a kernel
  // of 2^28 cells plans, kde_plan.hpp, and must not allocate for them).
  g.cells = static_cast<int>(std::min<int64_t>(g.tile + 2 * static_cast<int64_t>(radius), grid.nx));
  g.seg = g.cells + 1;
  g.centre = g.cells / 2;
  return g;
}

// One point's interval on row r, scattered into its segment (seg_at_col0[c] = slot of column c):
// its coefficients at the first cell, their negation after the last. False when it misses row r.
[[gnu::always_inline]] inline bool scatter_point(const SplatPoint& pt, double r, double origin,
                                                 double H2, double wnorm, int nx,
                                                 Slot* seg_at_col0) {
  const double dy = r - pt.fy;
  const double D = H2 - dy * dy;
  if (!(D > 0)) return false;
  const double f = pt.fx;
  const double a = f - origin;
  const double e = D - a * a;
  const double wk = wnorm * pt.w;
  const v4d c_lo = v4d{e * e, 4 * a * e, 4 * a * a - 2 * e, -4 * a} * wk;
  const v4d c_hi = v4d{wk, 1, 0, 0};
  // Cells strictly inside (c - f)² < D (the kernel is 0 on the boundary), in the grid.
  const double half = std::sqrt(D);
  const double lo_d = std::max(0.0, std::floor(f - half) + 1);
  const double hi_d = std::min<double>(nx - 1, std::ceil(f + half) - 1);
  if (lo_d > hi_d) return false;
  Slot& s0 = seg_at_col0[static_cast<int>(lo_d)];
  Slot& s1 = seg_at_col0[static_cast<int>(hi_d) + 1];
  s0.lo += c_lo;
  s0.hi += c_hi;
  s1.lo -= c_lo;
  s1.hi -= c_hi;
  return true;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define FARO_QUARTIC_ROWS_AVX2 1
// Four points' intervals on row r: the arithmetic (square roots, floors, coefficients) in AVX2
// lanes, then a 4 x 4 transpose gives each point its slot halves P = [c0 c1 c2 c3], Q = [c4 1 0 0].
struct FourIntervals {
  __m256d P[4], Q[4];
  alignas(16) int lo[4], hi[4];
  int valid;  // bit i: point i reaches row r and the grid
};

[[gnu::always_inline]] __attribute__((target("avx2,fma"))) inline void four_intervals(
    const SplatPoint* p, __m256d vr, __m256d vorg, __m256d vH2, __m256d vw, __m256d last,
    FourIntervals& f) {
  const __m256d zero = _mm256_setzero_pd(), one = _mm256_set1_pd(1);
  const __m256d four = _mm256_set1_pd(4), two = _mm256_set1_pd(2);
  // Four records of 3 doubles, A = [x0 y0 w0 x1], B = [y1 w1 x2 y2], C = [w2 x3 y3 w3]:
  // de-interleaved with one lane swap, two blends and three in-lane shuffles.
  const double* base = &p->fx;
  const __m256d A = _mm256_loadu_pd(base), B = _mm256_loadu_pd(base + 4);
  const __m256d C = _mm256_loadu_pd(base + 8);
  const __m256d AC = _mm256_permute2f128_pd(A, C, 0x21);  // [w0 x1 w2 x3]
  const __m256d AB = _mm256_blend_pd(A, B, 0xC);          // [x0 y0 x2 y2]
  const __m256d BC = _mm256_blend_pd(B, C, 0xC);          // [y1 w1 y3 w3]
  const __m256d fx = _mm256_shuffle_pd(AB, AC, 0xA);
  const __m256d fy = _mm256_shuffle_pd(AB, BC, 0x5);
  const __m256d w = _mm256_shuffle_pd(AC, BC, 0xA);
  const __m256d dy = _mm256_sub_pd(vr, fy);
  const __m256d D = _mm256_sub_pd(vH2, _mm256_mul_pd(dy, dy));
  const __m256d a = _mm256_sub_pd(fx, vorg);
  const __m256d e = _mm256_sub_pd(D, _mm256_mul_pd(a, a));
  const __m256d wk = _mm256_mul_pd(vw, w);
  const __m256d ew = _mm256_mul_pd(e, wk), aw4 = _mm256_mul_pd(_mm256_mul_pd(four, a), wk);
  const __m256d c0 = _mm256_mul_pd(e, ew);
  const __m256d c1 = _mm256_mul_pd(aw4, e);
  const __m256d c2 = _mm256_sub_pd(_mm256_mul_pd(aw4, a), _mm256_mul_pd(two, ew));
  const __m256d c3 = _mm256_sub_pd(zero, aw4);
  const __m256d half = _mm256_sqrt_pd(_mm256_max_pd(D, zero));
  const __m256d lo = _mm256_max_pd(zero, _mm256_add_pd(_mm256_floor_pd(_mm256_sub_pd(fx, half)), one));
  const __m256d hi = _mm256_min_pd(last, _mm256_sub_pd(_mm256_ceil_pd(_mm256_add_pd(fx, half)), one));
  f.valid = _mm256_movemask_pd(
      _mm256_and_pd(_mm256_cmp_pd(D, zero, _CMP_GT_OQ), _mm256_cmp_pd(lo, hi, _CMP_LE_OQ)));
  if (!f.valid) return;
  _mm_store_si128(reinterpret_cast<__m128i*>(f.lo), _mm256_cvttpd_epi32(lo));
  _mm_store_si128(reinterpret_cast<__m128i*>(f.hi), _mm256_cvttpd_epi32(hi));
  const __m256d t0 = _mm256_unpacklo_pd(c0, c1), t1 = _mm256_unpackhi_pd(c0, c1);
  const __m256d t2 = _mm256_unpacklo_pd(c2, c3), t3 = _mm256_unpackhi_pd(c2, c3);
  const __m256d u0 = _mm256_unpacklo_pd(wk, one), u1 = _mm256_unpackhi_pd(wk, one);
  f.P[0] = _mm256_permute2f128_pd(t0, t2, 0x20);
  f.P[1] = _mm256_permute2f128_pd(t1, t3, 0x20);
  f.P[2] = _mm256_permute2f128_pd(t0, t2, 0x31);
  f.P[3] = _mm256_permute2f128_pd(t1, t3, 0x31);
  f.Q[0] = _mm256_permute2f128_pd(u0, zero, 0x20);
  f.Q[1] = _mm256_permute2f128_pd(u1, zero, 0x20);
  f.Q[2] = _mm256_permute2f128_pd(u0, zero, 0x21);
  f.Q[3] = _mm256_permute2f128_pd(u1, zero, 0x21);
}

// The same as scatter_point for points [k, end), four at a time; each slot half is one 32-byte
// add (two per slot and end).
__attribute__((target("avx2,fma"))) bool scatter_avx2(const SplatPoint* p, size_t k, size_t end,
                                                      double r, double origin, double H2,
                                                      double wnorm, int nx, Slot* seg_at_col0) {
  bool touched = false;
  const __m256d vr = _mm256_set1_pd(r), vH2 = _mm256_set1_pd(H2), vorg = _mm256_set1_pd(origin);
  const __m256d vw = _mm256_set1_pd(wnorm), last = _mm256_set1_pd(nx - 1);
  FourIntervals f;
  for (; k + 4 <= end; k += 4) {
    four_intervals(p + k, vr, vorg, vH2, vw, last, f);
    if (!f.valid) continue;
    for (int i = 0; i < 4; ++i) {
      if (!((f.valid >> i) & 1)) continue;
      double* s0 = reinterpret_cast<double*>(seg_at_col0 + f.lo[i]);
      double* s1 = reinterpret_cast<double*>(seg_at_col0 + f.hi[i] + 1);
      _mm256_store_pd(s0, _mm256_add_pd(_mm256_load_pd(s0), f.P[i]));
      _mm256_store_pd(s0 + 4, _mm256_add_pd(_mm256_load_pd(s0 + 4), f.Q[i]));
      _mm256_store_pd(s1, _mm256_sub_pd(_mm256_load_pd(s1), f.P[i]));
      _mm256_store_pd(s1 + 4, _mm256_sub_pd(_mm256_load_pd(s1 + 4), f.Q[i]));
    }
    touched = true;
  }
  for (; k < end; ++k) touched |= scatter_point(p[k], r, origin, H2, wnorm, nx, seg_at_col0);
  return touched;
}

#define FARO_QUARTIC_ROWS_AVX512 1
// GCC 12's AVX-512 intrinsics start from _mm512_undefined_pd() and trip -Wmaybe-uninitialized.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
// With AVX-512, eight points at a time, and a slot (one 64-byte cache line) is one register: each
// end of an interval is one load, add and store instead of two (the scatter is bound by those
// stores). The last group of a bucket is loaded under a mask: no scalar tail.
__attribute__((target("avx512f,avx2,fma"))) bool scatter_avx512(const SplatPoint* p, size_t k,
                                                                size_t end, double r, double origin,
                                                                double H2, double wnorm, int nx,
                                                                Slot* seg_at_col0) {
  bool touched = false;
  const __m512d vr = _mm512_set1_pd(r), vH2 = _mm512_set1_pd(H2), vorg = _mm512_set1_pd(origin);
  const __m512d vw = _mm512_set1_pd(wnorm), last = _mm512_set1_pd(nx - 1);
  const __m512d zero = _mm512_setzero_pd(), one = _mm512_set1_pd(1), four = _mm512_set1_pd(4);
  // De-interleaving eight records of (x, y, w): A = doubles 0-7, B = 8-15, C = 16-23.
  const __m512i x_ab = _mm512_setr_epi64(0, 3, 6, 9, 12, 15, 0, 0);
  const __m512i x_c = _mm512_setr_epi64(0, 1, 2, 3, 4, 5, 10, 13);
  const __m512i y_ab = _mm512_setr_epi64(1, 4, 7, 10, 13, 0, 0, 0);
  const __m512i y_c = _mm512_setr_epi64(0, 1, 2, 3, 4, 8, 11, 14);
  const __m512i w_ab = _mm512_setr_epi64(2, 5, 8, 11, 14, 0, 0, 0);
  const __m512i w_c = _mm512_setr_epi64(0, 1, 2, 3, 4, 9, 12, 15);
  for (; k < end; k += 8) {
    const size_t n = std::min<size_t>(8, end - k);
    const uint32_t bits = 3 * static_cast<uint32_t>(n);  // doubles to read
    const __mmask8 mA = static_cast<__mmask8>(bits >= 8 ? 0xFF : (1u << bits) - 1);
    const __mmask8 mB =
        static_cast<__mmask8>(bits >= 16 ? 0xFF : bits <= 8 ? 0 : (1u << (bits - 8)) - 1);
    const __mmask8 mC = static_cast<__mmask8>(bits <= 16 ? 0 : (1u << (bits - 16)) - 1);
    const double* base = &p[k].fx;
    const __m512d A = _mm512_maskz_loadu_pd(mA, base), B = _mm512_maskz_loadu_pd(mB, base + 8);
    const __m512d C = _mm512_maskz_loadu_pd(mC, base + 16);
    const __m512d fx = _mm512_permutex2var_pd(_mm512_permutex2var_pd(A, x_ab, B), x_c, C);
    const __m512d fy = _mm512_permutex2var_pd(_mm512_permutex2var_pd(A, y_ab, B), y_c, C);
    const __m512d w = _mm512_permutex2var_pd(_mm512_permutex2var_pd(A, w_ab, B), w_c, C);
    const __m512d dy = _mm512_sub_pd(vr, fy);
    const __m512d Dx = _mm512_sub_pd(vH2, _mm512_mul_pd(dy, dy));
    const __m512d a = _mm512_sub_pd(fx, vorg);
    const __m512d e = _mm512_sub_pd(Dx, _mm512_mul_pd(a, a));
    const __m512d wk = _mm512_mul_pd(vw, w);
    const __m512d ew = _mm512_mul_pd(e, wk), aw4 = _mm512_mul_pd(_mm512_mul_pd(four, a), wk);
    const __m512d c0 = _mm512_mul_pd(e, ew);
    const __m512d c1 = _mm512_mul_pd(aw4, e);
    const __m512d c2 = _mm512_sub_pd(_mm512_mul_pd(aw4, a), _mm512_add_pd(ew, ew));
    const __m512d c3 = _mm512_sub_pd(zero, aw4);
    const __m512d half = _mm512_sqrt_pd(_mm512_max_pd(Dx, zero));
    constexpr int kFloor = _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC;
    constexpr int kCeil = _MM_FROUND_TO_POS_INF | _MM_FROUND_NO_EXC;
    const __m512d lo = _mm512_max_pd(
        zero, _mm512_add_pd(_mm512_roundscale_pd(_mm512_sub_pd(fx, half), kFloor), one));
    const __m512d hi = _mm512_min_pd(
        last, _mm512_sub_pd(_mm512_roundscale_pd(_mm512_add_pd(fx, half), kCeil), one));
    const __mmask8 in_bucket = static_cast<__mmask8>((1u << n) - 1);
    const __mmask8 valid = _mm512_cmp_pd_mask(Dx, zero, _CMP_GT_OQ) &
                           _mm512_cmp_pd_mask(lo, hi, _CMP_LE_OQ) & in_bucket;
    if (!valid) continue;
    alignas(32) int lo_i[8], hi_i[8];
    _mm256_store_si256(reinterpret_cast<__m256i*>(lo_i), _mm512_cvttpd_epi32(lo));
    _mm256_store_si256(reinterpret_cast<__m256i*>(hi_i), _mm512_cvttpd_epi32(hi));
    // 8 x 8 transpose of the rows c0 c1 c2 c3 wk 1 0 0 into one slot vector per point.
    const __m512d t0 = _mm512_unpacklo_pd(c0, c1), t1 = _mm512_unpackhi_pd(c0, c1);
    const __m512d t2 = _mm512_unpacklo_pd(c2, c3), t3 = _mm512_unpackhi_pd(c2, c3);
    const __m512d t4 = _mm512_unpacklo_pd(wk, one), t5 = _mm512_unpackhi_pd(wk, one);
    const __m512d e02 = _mm512_shuffle_f64x2(t0, t2, _MM_SHUFFLE(2, 0, 2, 0));
    const __m512d e13 = _mm512_shuffle_f64x2(t0, t2, _MM_SHUFFLE(3, 1, 3, 1));
    const __m512d e4a = _mm512_shuffle_f64x2(t4, zero, _MM_SHUFFLE(2, 0, 2, 0));
    const __m512d e4b = _mm512_shuffle_f64x2(t4, zero, _MM_SHUFFLE(3, 1, 3, 1));
    const __m512d o02 = _mm512_shuffle_f64x2(t1, t3, _MM_SHUFFLE(2, 0, 2, 0));
    const __m512d o13 = _mm512_shuffle_f64x2(t1, t3, _MM_SHUFFLE(3, 1, 3, 1));
    const __m512d o4a = _mm512_shuffle_f64x2(t5, zero, _MM_SHUFFLE(2, 0, 2, 0));
    const __m512d o4b = _mm512_shuffle_f64x2(t5, zero, _MM_SHUFFLE(3, 1, 3, 1));
    const __m512d V[8] = {_mm512_shuffle_f64x2(e02, e4a, _MM_SHUFFLE(2, 0, 2, 0)),
                          _mm512_shuffle_f64x2(o02, o4a, _MM_SHUFFLE(2, 0, 2, 0)),
                          _mm512_shuffle_f64x2(e13, e4b, _MM_SHUFFLE(2, 0, 2, 0)),
                          _mm512_shuffle_f64x2(o13, o4b, _MM_SHUFFLE(2, 0, 2, 0)),
                          _mm512_shuffle_f64x2(e02, e4a, _MM_SHUFFLE(3, 1, 3, 1)),
                          _mm512_shuffle_f64x2(o02, o4a, _MM_SHUFFLE(3, 1, 3, 1)),
                          _mm512_shuffle_f64x2(e13, e4b, _MM_SHUFFLE(3, 1, 3, 1)),
                          _mm512_shuffle_f64x2(o13, o4b, _MM_SHUFFLE(3, 1, 3, 1))};
#pragma GCC unroll 8
    for (int i = 0; i < 8; ++i) {
      if (!((valid >> i) & 1)) continue;
      double* s0 = reinterpret_cast<double*>(seg_at_col0 + lo_i[i]);
      double* s1 = reinterpret_cast<double*>(seg_at_col0 + hi_i[i] + 1);
      _mm512_store_pd(s0, _mm512_add_pd(_mm512_load_pd(s0), V[i]));
      _mm512_store_pd(s1, _mm512_sub_pd(_mm512_load_pd(s1), V[i]));
    }
    touched = true;
  }
  return touched;
}
#pragma GCC diagnostic pop
#endif

// Adds every interval of row r into `buf` (zero on entry), then evaluates the row into `out` and
// leaves `buf` zero again. A point belongs to the tile of its first column (its sort block); its
// whole interval lies in that tile's segment (first column <= every cell < first column + 2R), so
// its coefficients need no square root and its scatter is two slot updates, without branches.
// Tile by tile, the points of the 2R first rows that may reach row r are read (the ones that
// do not reach it are skipped), so one segment (a few KB) is hot in L1 at a time.
enum class Isa { portable, avx2, avx512 };

template <Isa kIsa>
[[gnu::always_inline]] inline void one_row(const SplatPoints& pts, int r, const GridSpec& grid,
                                           const RowsGeometry& geo, double H2, double wnorm,
                                           Slot* buf, double* acc, float* out) {
  const int nx = grid.nx, R = geo.radius;
  const SplatPoint* p = pts.p.data();
  // A point's first row is ceil(fy - R) (0 when clamped, for a point above the grid) and its
  // last is < fy + H <= first + 2R: rows r - 2R + 1 .. r hold every point reaching row r.
  const int q0 = std::max(0, r - 2 * R + 1);
  const v4d zero = {0, 0, 0, 0};
  std::fill(acc, acc + nx, 0.0);
  for (int t = 0; t < geo.tiles; ++t) {
    const int first_col = t << geo.shift;
    const double origin = first_col + geo.centre;
    Slot* seg = buf + static_cast<size_t>(t) * geo.seg;
    Slot* seg_at_col0 = seg - first_col;  // slot of column c: seg_at_col0[c]
    bool touched = false;
    for (int q = q0; q <= r; ++q) {
      const size_t end = pts.key_start[q * pts.blocks + t + 1];
      const size_t begin = pts.key_start[q * pts.blocks + t];
#ifdef FARO_QUARTIC_ROWS_AVX2
      if constexpr (kIsa == Isa::avx2) {
        touched |= scatter_avx2(p, begin, end, r, origin, H2, wnorm, nx, seg_at_col0);
        continue;
      }
      if constexpr (kIsa == Isa::avx512) {
        touched |= scatter_avx512(p, begin, end, r, origin, H2, wnorm, nx, seg_at_col0);
        continue;
      }
#endif
      for (size_t k = begin; k < end; ++k)
        touched |= scatter_point(p[k], r, origin, H2, wnorm, nx, seg_at_col0);
    }
    if (!touched) continue;
    // Running sums along the segment; Horner at each covered cell, added to the row.
    const int n = std::min(geo.cells, nx - first_col);
    v4d lo = zero, hi = zero;
    for (int j = 0; j < n; ++j) {
      lo += seg[j].lo;
      hi += seg[j].hi;
      seg[j].lo = zero;
      seg[j].hi = zero;
      if (hi[1] == 0) {  // no interval of this segment covers the cell: no drift carried on
        lo = zero;
        hi = zero;
        continue;
      }
      const double u = j - geo.centre;
      acc[first_col + j] += (((hi[0] * u + lo[3]) * u + lo[2]) * u + lo[1]) * u + lo[0];
    }
    seg[n].lo = zero;  // a subtraction just past the last cell
    seg[n].hi = zero;
  }
  for (int c = 0; c < nx; ++c) out[c] = static_cast<float>(std::max(acc[c], 0.0));
}

template <Isa kIsa>
[[gnu::always_inline]] inline void band_impl(const SplatPoints& pts, const GridSpec& grid,
                                             double H, double norm, int radius, int r0, int r1,
                                             float* out) {
  const RowsGeometry geo = rows_geometry(pts, grid, radius);
  std::vector<double> acc(grid.nx);
  // One segment per tile, 64-byte aligned slots (one cache line each).
  std::vector<double> store(static_cast<size_t>(geo.tiles) * geo.seg * 8 + 8, 0.0);
  const uintptr_t addr = reinterpret_cast<uintptr_t>(store.data());
  Slot* buf = reinterpret_cast<Slot*>(store.data() + ((64 - addr % 64) % 64) / 8);
  const double H2 = H * H;
  const double wnorm = norm / (H2 * H2);
  for (int r = r0; r < r1; ++r)
    one_row<kIsa>(pts, r, grid, geo, H2, wnorm, buf, acc.data(), out + static_cast<size_t>(r) * grid.nx);
}

void band_portable(const SplatPoints& pts, const GridSpec& grid, double H, double norm, int radius,
                   int r0, int r1, float* out) {
  band_impl<Isa::portable>(pts, grid, H, norm, radius, r0, r1, out);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
__attribute__((target("avx2,fma"))) void band_avx2(const SplatPoints& pts, const GridSpec& grid,
                                                   double H, double norm, int radius, int r0,
                                                   int r1, float* out) {
  band_impl<Isa::avx2>(pts, grid, H, norm, radius, r0, r1, out);
}

__attribute__((target("avx512f,avx2,fma"))) void band_avx512(const SplatPoints& pts,
                                                             const GridSpec& grid, double H,
                                                             double norm, int radius, int r0,
                                                             int r1, float* out) {
  band_impl<Isa::avx512>(pts, grid, H, norm, radius, r0, r1, out);
}
#endif

}  // namespace

int quartic_rows_tile_shift(double H) {
  int shift = 5;  // T = 32 .. 1024, the largest power of two <= 8H
  while (shift < 10 && static_cast<double>(2 << shift) <= 8 * H) ++shift;
  return shift;
}

double quartic_rows_error_factor(double H) {
  // |u| <= T/2 + R over a segment, |a| <= T/2 + 1 for a point of its tile: sum_k |c_k u^k| <=
  // ((|u| + |a|)² + H²)² / H⁴ of the point's peak.
  const double q = (static_cast<double>(1 << quartic_rows_tile_shift(H)) + std::ceil(H) + 1) / H;
  return (q * q + 1) * (q * q + 1);
}

void quartic_rows_band(const SplatPoints& pts, const GridSpec& grid, const KdeParams& params,
                       int radius, int r0, int r1, bool simd, float* out) {
  const double H = params.bandwidth_m / grid.cell;
  const double norm =
      params.output_scale() / (grid.cell * grid.cell) * 3 / (std::numbers::pi * H * H);
#ifdef FARO_QUARTIC_ROWS_AVX2
  switch (simd ? kde_rows::wide_simd() : kde_rows::WideSimd::none) {
    case kde_rows::WideSimd::avx512:
      return band_avx512(pts, grid, H, norm, radius, r0, r1, out);
    case kde_rows::WideSimd::avx2:
      return band_avx2(pts, grid, H, norm, radius, r0, r1, out);
    case kde_rows::WideSimd::none:
      break;
  }
#endif
  band_portable(pts, grid, H, norm, radius, r0, r1, out);
}

}  // namespace faro
