/* count_up.c - the "Hello, Generator" of the tutorial.
 *
 * Shows: a generator function that yields ints, consuming it with
 * yc_foreach (Python's `for n in count_up(3)`), and exhaustion: a generator
 * is single-use, so draining it a second time gives nothing.
 *
 * Mirrors TUTORIAL.md, part 1: section 5 (Simple Example) and section 7
 * (Generator Exhaustion). */
#include <stdio.h>

#include <yieldc.h>

/* def count_up(limit: int) -> Iterator[int] */
yc_generator(int) count_up(int limit) {
  for (int i = 0; i < limit; i++)
    yield(i);
}

/* Python's print(list(gen)): drain gen and print what it produced. */
static void print_list(yc_gen *gen) {
  int n;
  const char *sep = "";
  printf("[");
  while (yc_next(gen, &n)) {
    printf("%s%d", sep, n);
    sep = ", ";
  }
  printf("]\n");
}

int main(void) {
  /* for n in count_up(3): print(n)  -- the loop frees the generator */
  yc_foreach (int n, count_up(3))
    printf("%d\n", n);

  /* Generators are single-use. */
  yc_gen *gen = count_up(3);
  print_list(gen); /* [0, 1, 2] */
  print_list(gen); /* []        */
  printf("exhausted: %s\n", yc_done(gen) ? "yes" : "no");
  yc_free(gen);
  return 0;
}
