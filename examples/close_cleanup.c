/* close_cleanup.c - yc_close, yc_free and cleanup locals (yieldc's finally).
 *
 * Shows: a local declared with __attribute__((cleanup(fn))) has fn run
 * exactly once whenever its scope is left: when the generator finishes,
 * when yc_close unwinds it from its suspension point (closing again does
 * nothing), and when yc_free releases it while suspended.  A generator
 * freed before it ever ran has entered no scope, so nothing runs.  Closing
 * a delegating generator closes the innermost one first, so cleanups run
 * from the inside out.
 *
 * Mirrors TUTORIAL.md, part 2: section 1 (`yield from` delegates close()),
 * and part 1, section 7 (generators are single-use: a closed one stays
 * exhausted). */
#include <stdio.h>

#include <yieldc.h>

static void release(const char **name) { printf("  %s: released\n", *name); }

/* Holds a "resource" while it yields 0, 1, ... limit-1. */
yc_generator(int) worker(const char *name, int limit) {
  const char *held __attribute__((cleanup(release))) = name;
  printf("  %s: acquired\n", held);
  for (int i = 0; i < limit; i++)
    yield(i);
  printf("  %s: finished\n", held);
}

yc_generator(int) outer(void) {
  const char *held __attribute__((cleanup(release))) = "outer";
  printf("  %s: acquired\n", held);
  yield_from(worker("inner", 10));
}

static void do_next(yc_gen *gen) {
  int value;
  if (yc_next(gen, &value))
    printf("next -> %d\n", value);
  else
    printf("next -> exhausted\n");
}

int main(void) {
  printf("run to the end:\n");
  yc_gen *gen = worker("a", 2);
  do_next(gen);
  do_next(gen);
  do_next(gen);
  yc_free(gen);

  printf("close while suspended:\n");
  gen = worker("b", 10);
  do_next(gen);
  do_next(gen);
  printf("close\n");
  yc_close(gen);
  printf("close again\n");
  yc_close(gen);
  printf("done: %s\n", yc_done(gen) ? "yes" : "no");
  do_next(gen);
  yc_free(gen);

  printf("free while suspended:\n");
  gen = worker("c", 10);
  do_next(gen);
  printf("free\n");
  yc_free(gen);

  printf("free before the first next:\n");
  gen = worker("d", 10);
  printf("free\n");
  yc_free(gen);

  printf("close a delegating generator:\n");
  gen = outer();
  do_next(gen);
  do_next(gen);
  printf("close\n");
  yc_close(gen);
  yc_free(gen);
  return 0;
}
