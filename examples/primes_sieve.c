/* primes_sieve.c - the prime sieve as a growing chain of generators.
 *
 * Shows: generators built at run time into a chain, each owning the one
 * below it.  naturals(2) produces 2, 3, 4, ...; every prime found puts one
 * more drop_multiples(p, ...) filter on top of the chain, so after k primes
 * a number passes through k filters.  Ownership is explicit: a filter keeps
 * its input in a local with __attribute__((cleanup)), so freeing the top
 * generator frees the whole chain, whichever generator was suspended.
 *
 * Mirrors TUTORIAL.md, part 1: section 10 (Generators as Pipelines) and
 * section 2 (infinite sequences). */
#include <stdio.h>

#include <yieldc.h>

static void free_gen(yc_gen **gen) { yc_free(*gen); }

yc_generator(int) naturals(int start) {
  for (int n = start;; n++)
    yield(n);
}

/* Passes on the numbers of nums that p does not divide; owns nums. */
yc_generator(int) drop_multiples(int p, yc_gen *nums) {
  yc_gen *input __attribute__((cleanup(free_gen))) = nums;
  int n;
  while (yc_next(input, &n)) {
    if (n % p != 0)
      yield(n);
  }
}

yc_generator(int) primes(void) {
  yc_gen *nums __attribute__((cleanup(free_gen))) = naturals(2);
  for (;;) {
    int p;
    if (!yc_next(nums, &p))
      return;
    yield(p);
    /* The new filter owns the old chain; it starts at the next yc_next. */
    nums = drop_multiples(p, nums);
  }
}

int main(void) {
  yc_gen *gen = primes();
  printf("the first 20 primes:");
  for (int i = 0; i < 20; i++) {
    int p;
    if (!yc_next(gen, &p))
      break;
    printf(" %d", p);
  }
  printf("\n");
  yc_free(gen); /* frees the 19 filters and naturals() below it */
  return 0;
}
