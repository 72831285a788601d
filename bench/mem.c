/* bench/mem.c - memory of suspended generators (authoring view).
 * `mem NAME` creates 1,000,000 generators of NAME, advances each to its
 * first yield (suspended), and prints the frame size and the growth of peak
 * RSS (getrusage), with and without the array of handles.  (Frames of up to
 * 256 bytes come from the runtime's pool, not from malloc, so there is no
 * malloc chunk size to print.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <yieldc.h>

#define N 1000000

/* A typical small generator: a counter with a bound. */
yc_generator(int) count_up(int limit) {
  for (int i = 0; i < limit; i++)
    yield(i);
}

/* Three 64-bit locals. */
yc_generator(unsigned long long) fibonacci(void) {
  unsigned long long a = 0, b = 1;
  for (;;) {
    yield(a);
    unsigned long long next = a + b;
    a = b;
    b = next;
  }
}

/* A generator with a pointer, a length and an index (walks an array). */
yc_generator(int) walk(const int *v, int n) {
  for (int i = 0; i < n; i++)
    yield(v[i]);
}

static long peak_kb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

int main(int argc, char **argv) {
  const char *name = argc > 1 ? argv[1] : "count_up";
  static const int data[4] = {1, 2, 3, 4};
  long before = peak_kb();
  yc_gen **g = malloc(N * sizeof *g);
  /* Touch it (non-zero: malloc + memset 0 would become an untouched
   * calloc), so that it counts before the frames. */
  memset(g, 0xff, N * sizeof *g);
  long with_array = peak_kb();
  for (int i = 0; i < N; i++) {
    if (!strcmp(name, "fibonacci"))
      g[i] = fibonacci();
    else if (!strcmp(name, "walk"))
      g[i] = walk(data, 4);
    else
      g[i] = count_up(1000);
    if (!g[i] || !yc_next(g[i], NULL)) {
      fprintf(stderr, "mem: generator %d failed\n", i);
      return 1;
    }
  }
  long after = peak_kb();
  const yc_coro *c = (const yc_coro *)g[0];
  double frames_mb = (after - with_array) * 1024 / 1e6;
  printf("mem %s: header %zu B, frame %u B; "
         "1,000,000 suspended: frames %.1f MB (%.1f B each), with the handle "
         "array %.1f MB (target 64 MB) %s\n",
         name, sizeof(yc_coro), c->type->frame_size, frames_mb, frames_mb,
         (after - before) * 1024 / 1e6, frames_mb <= 64.0 ? "MET" : "MISSED");
  for (int i = 0; i < N; i++)
    yc_free(g[i]);
  free(g);
  return 0;
}
