/* load_deadlines.c - many tasks each waiting with its own timeout.
 *
 * NTASKS tasks (default 100000) each wait on a channel receive that never
 * completes, inside yc_fail_after with its own (seeded random) timeout of
 * 300..1300 ms.  The runtime gives a scope its deadline at the loop's
 * first clock read after the entry (the start of the next turn): the test
 * reads the clock just before the entry (lo) and, inside the scope, after
 * a sleep(0) that lets that next turn begin (hi), so the scope's deadline
 * lies in [lo + ms, hi + ms], however long the task was preempted in
 * between.  Checks: every wait ends with YC_ETIMEDOUT, none before lo +
 * ms, and the waits end in the order of their deadlines: a wait that ends
 * after another whose deadline was surely later (its lo + ms above this
 * one's hi + ms) is an inversion, a failure.  Reports the memory per
 * waiting task (resident set while all wait, over the count) and the
 * lateness.
 *
 *   load_deadlines [NTASKS [SEED]]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <yieldc.h>

static yc_chan *never; /* nobody sends on it */
static long waiting, timed_out, wrong_error, early;
static int64_t max_lo, max_inversion_ns, max_late_ns, sum_late_ns;
static long inversions;
static uint64_t rng;

static uint64_t next_rand(void) { /* xorshift64* */
  rng ^= rng >> 12;
  rng ^= rng << 25;
  rng ^= rng >> 27;
  return rng * 2685821657736338717ull;
}

static int64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static long resident_kib(void) {
  FILE *f = fopen("/proc/self/statm", "r");
  long size = 0, res = 0;
  if (f) {
    if (fscanf(f, "%ld %ld", &size, &res) != 2)
      res = 0;
    fclose(f);
  }
  return res * (sysconf(_SC_PAGESIZE) / 1024);
}

yc_async(int) waiter(long ms) {
  int v = 0;
  int err = 0;
  int64_t lo = now_ns() + ms * 1000000, hi = 0;
  waiting++;
  yc_try {
    yc_fail_after(ms) {
      await(yc_sleep(0)); /* the turn it resumes in resolved the deadline */
      hi = now_ns() + ms * 1000000;
      await(yc_chan_recv(never, &v), bool);
    }
  }
  yc_catch (e) {
    err = e;
  }
  int64_t t = now_ns();
  if (err != YC_ETIMEDOUT) {
    wrong_error++;
    yc_return(1);
  }
  timed_out++;
  if (t < lo) {
    early++;
    fprintf(stderr, "a %ld ms timeout ended %lld ns early\n", ms, (long long)(lo - t));
  } else {
    sum_late_ns += t - lo;
    if (t - lo > max_late_ns)
      max_late_ns = t - lo;
  }
  if (hi < max_lo) { /* an earlier wake had a surely later deadline */
    inversions++;
    if (max_lo - hi > max_inversion_ns)
      max_inversion_ns = max_lo - hi;
  }
  if (lo > max_lo)
    max_lo = lo;
  yc_return(0);
}

yc_async(int) amain(long n) {
  yc_task **t = calloc((size_t)n, sizeof *t);
  if (!t)
    yc_raise(YC_ENOMEM);
  long before = resident_kib();
  for (long k = 0; k < n; k++)
    if (!(t[k] = yc_spawn(waiter(300 + (long)(next_rand() % 1001)))))
      yc_raise(YC_ENOMEM);
  while (waiting < n)
    await(yc_sleep(0));
  long during = resident_kib();
  printf("waiting tasks: %ld, resident %ld KiB -> %ld KiB: %.0f bytes per waiting task\n", n,
         before, during, (double)(during - before) * 1024.0 / (double)n);
  int failed = 0;
  for (long k = 0; k < n; k++)
    failed += await(t[k], int);
  free(t);
  yc_return(failed);
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 100000;
  rng = argc > 2 ? strtoull(argv[2], NULL, 0) : 1;
  if (n < 1 || !rng)
    return 2;
  never = yc_chan_new(0, sizeof(int));
  int64_t start = now_ns();
  int err = yc_run(amain(n), NULL);
  yc_chan_free(never);
  printf("timed out: %ld of %ld, wrong error %ld, early %ld, in %.2f s\n", timed_out, n,
         wrong_error, early, (double)(now_ns() - start) / 1e9);
  printf("lateness: max %.3f ms, mean %.3f ms; deadline order: %ld inversions (largest %.3f ms)\n",
         max_late_ns / 1e6, timed_out ? sum_late_ns / 1e6 / (double)timed_out : 0.0, inversions,
         max_inversion_ns / 1e6);
  bool ok = !err && timed_out == n && !wrong_error && !early && !inversions;
  printf("%s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
