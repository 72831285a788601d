/* lazy_start.c - calling a generator function runs none of its body.
 *
 * Shows: the call only binds the arguments and returns a handle; the body
 * starts at the first yc_next, runs up to a yield, and each later yc_next
 * resumes it right after the yield it stopped at, with its locals intact.
 * Once the body falls off its end, yc_next returns false (StopIteration).
 *
 * Mirrors TUTORIAL.md, part 1: section 1 (What is a Generator?) and
 * section 6 (How Generators Work Internally). */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) noisy(const char *name) {
  printf("  [%s] body started\n", name);
  int total = 0;
  for (int i = 1; i <= 2; i++) {
    total += i * 10;
    printf("  [%s] about to yield %d\n", name, total);
    yield(total);
    printf("  [%s] resumed after yielding %d\n", name, total);
  }
  printf("  [%s] body finished\n", name);
}

/* Python's next(gen, None), printing what happened. */
static void step(yc_gen *gen) {
  int value;
  printf("next()\n");
  if (yc_next(gen, &value))
    printf("-> got %d\n", value);
  else
    printf("-> exhausted\n");
}

int main(void) {
  printf("calling noisy(\"g\")\n");
  yc_gen *gen = noisy("g");
  printf("got a generator; its body has not run yet\n");

  step(gen); /* runs the body up to the first yield */
  step(gen); /* resumes after the first yield       */
  step(gen); /* resumes, falls off the end          */
  step(gen); /* stays exhausted                     */

  yc_free(gen);
  return 0;
}
