/* bench/common.h - timing harness shared by the benchmarks (C and C++).
 *
 * A benchmark is a function `long fn(long n)` that processes n items and
 * returns a checksum (so nothing is optimised away).  bench_time calibrates
 * n until one run takes >= BENCH_MIN_S seconds, then bench_pair runs the
 * yieldc and the baseline variant alternately BENCH_REPS times and compares
 * the medians (ns per item). */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BENCH_MIN_S 0.2
#define BENCH_REPS 5

typedef long (*bench_fn)(long n);

static inline double bench_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static volatile long bench_sink;
/* What the first figure of a line measures ("yieldc", or another subject). */
static const char *bench_subject = "yieldc";

/* ns per item of one run of n items. */
static inline double bench_once(bench_fn fn, long n) {
  double t0 = bench_now();
  bench_sink = bench_sink + fn(n);
  return (bench_now() - t0) * 1e9 / (double)n;
}

/* The n that makes one run last at least BENCH_MIN_S (n a multiple of
 * unit, for benchmarks that need whole rounds). */
static inline long bench_calibrate(bench_fn fn, long unit) {
  long n = unit;
  for (;;) {
    double t0 = bench_now();
    bench_sink = bench_sink + fn(n);
    double dt = bench_now() - t0;
    if (dt >= BENCH_MIN_S)
      return n;
    double f = dt > 0 ? 1.3 * BENCH_MIN_S / dt : 10;
    if (f > 10)
      f = 10;
    if (f < 1.1)
      f = 1.1;
    n = (long)((double)n * f);
    n = (n + unit - 1) / unit * unit;
  }
}

static inline int bench_cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static inline double bench_median(double *v, int k) {
  qsort(v, (size_t)k, sizeof *v, bench_cmp);
  return v[k / 2];
}

/* Does argv select this benchmark?  No arguments select all. */
static inline int bench_selected(int argc, char **argv, const char *name) {
  if (argc < 2)
    return 1;
  for (int i = 1; i < argc; i++)
    if (strstr(name, argv[i]))
      return 1;
  return 0;
}

/* Median ns per item of fn (calibrated on its own). */
static inline double bench_median_of(bench_fn fn, long unit) {
  long n = bench_calibrate(fn, unit);
  double v[BENCH_REPS];
  for (int i = 0; i < BENCH_REPS; i++)
    v[i] = bench_once(fn, n);
  return bench_median(v, BENCH_REPS);
}

/* Run y (yieldc) and b (baseline) interleaved, print the comparison line,
 * return the ratio.  target <= 0: informational, no target. */
static inline double bench_pair(const char *name, bench_fn y, bench_fn b,
                                long unit, double target) {
  long ny = bench_calibrate(y, unit), nb = bench_calibrate(b, unit);
  double vy[BENCH_REPS], vb[BENCH_REPS];
  for (int i = 0; i < BENCH_REPS; i++) {
    vy[i] = bench_once(y, ny);
    vb[i] = bench_once(b, nb);
  }
  double my = bench_median(vy, BENCH_REPS), mb = bench_median(vb, BENCH_REPS);
  double r = my / mb;
  if (target > 0)
    printf("%s: %s %.2f ns, baseline %.2f ns, ratio %.2f (target %.1f) %s\n",
           name, bench_subject, my, mb, r, target,
           r <= target ? "MET" : "MISSED");
  else
    printf("%s: %s %.2f ns, baseline %.2f ns, ratio %.2f (info)\n", name,
           bench_subject, my, mb, r);
  fflush(stdout);
  return r;
}

#endif
