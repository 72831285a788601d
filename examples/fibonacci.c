/* fibonacci.c - an infinite generator.
 *
 * Shows: a generator that never finishes (an infinite sequence computed
 * lazily, in constant memory), the consumer deciding how much it wants, and
 * leaving a yc_foreach loop by break, which frees the suspended generator.
 *
 * Mirrors TUTORIAL.md, part 1: section 2 (Where are Generators Used?:
 * infinite sequences) and section 3 (lazy computation, constant memory). */
#include <stdio.h>

#include <yieldc.h>

yc_generator(unsigned long long) fibonacci(void) {
  unsigned long long a = 0, b = 1;
  for (;;) {
    yield(a);
    unsigned long long next = a + b;
    a = b;
    b = next;
  }
}

int main(void) {
  int i = 0;
  yc_foreach (unsigned long long f, fibonacci()) {
    if (i == 15)
      break;
    printf("fib(%d) = %llu\n", i, f);
    i++;
  }

  /* Driving it by hand: the 90th Fibonacci number still fits. */
  yc_gen *gen = fibonacci();
  unsigned long long f = 0;
  for (int k = 0; k <= 90; k++)
    yc_next(gen, &f);
  printf("fib(90) = %llu\n", f);
  yc_free(gen); /* a suspended generator is closed, then released */
  return 0;
}
