/* pipeline.c - generators composed into a lazy pipeline.
 *
 * Shows: generators that take another generator (a yc_gen * parameter) as
 * their input and own it: yc_foreach inside the body pulls from the input
 * and frees it on every way out, so freeing the last stage frees the whole
 * chain.  Nothing runs until the consumer pulls, and then one value at a
 * time flows through all stages (the trace shows the interleaving).
 *
 * Mirrors TUTORIAL.md, part 1: section 10 (Generators as Pipelines). */
#include <stdbool.h>
#include <stdio.h>

#include <yieldc.h>

static bool trace = false;

yc_generator(int) numbers(void) {
  for (int i = 0; i < 10; i++) {
    if (trace)
      printf("  numbers: %d\n", i);
    yield(i);
  }
}

/* Takes ownership of nums. */
yc_generator(int) even(yc_gen *nums) {
  yc_foreach (int n, nums) {
    if (n % 2 == 0) {
      if (trace)
        printf("  even: %d\n", n);
      yield(n);
    }
  }
}

/* Takes ownership of nums. */
yc_generator(int) squared(yc_gen *nums) {
  yc_foreach (int n, nums) {
    if (trace)
      printf("  squared: %d\n", n * n);
    yield(n * n);
  }
}

int main(void) {
  /* pipeline = squared(even(numbers())); list(pipeline) */
  yc_gen *pipeline = squared(even(numbers()));
  const char *sep = "";
  printf("[");
  int n;
  while (yc_next(pipeline, &n)) {
    printf("%s%d", sep, n);
    sep = ", ";
  }
  printf("]\n");
  yc_free(pipeline); /* frees even() and numbers() too */

  /* The same pipeline, traced, stopped after the first two results. */
  trace = true;
  int taken = 0;
  yc_foreach (int sq, squared(even(numbers()))) {
    printf("consumer: %d\n", sq);
    if (++taken == 2)
      break;
  }
  return 0;
}
