/* accumulator.c - sending values into a generator (a coroutine).
 *
 * Shows: a two-way generator, yc_generator(Y, S): `T x = yield(v, T);`
 * produces v and evaluates to what the consumer sends next.  The first
 * yc_next starts it (runs it to its first yield: Python's next(gen) or
 * gen.send(None)); after that each yc_send delivers a value and returns the
 * next one yielded.  Two generators from one function have separate state.
 *
 * Mirrors TUTORIAL.md, part 1: section 12 (Sending Values Into Generators)
 * and section 14 (Typing Generators: Generator[YIELD, SEND, RETURN]). */
#include <stdio.h>

#include <yieldc.h>

/* def accumulator() -> Generator[int, int, None] */
yc_generator(int, int) accumulator(void) {
  int total = 0;
  for (;;) {
    int value = yield(total, int);
    total += value;
  }
}

int main(void) {
  yc_gen *gen = accumulator();
  int total;
  yc_next(gen, &total); /* start */
  printf("next(gen) -> %d\n", total);

  static const int values[] = {5, 10, -3, 8};
  for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
    yc_send(gen, &values[i], &total);
    printf("gen.send(%d) -> %d\n", values[i], total);
  }

  /* A second accumulator keeps its own total. */
  yc_gen *other = accumulator();
  yc_next(other, NULL);
  int hundred = 100;
  yc_send(other, &hundred, &total);
  printf("other.send(100) -> %d\n", total);
  int one = 1;
  yc_send(gen, &one, &total);
  printf("gen.send(1) -> %d\n", total);

  /* Both are suspended for ever; freeing closes them. */
  yc_free(other);
  yc_free(gen);
  return 0;
}
