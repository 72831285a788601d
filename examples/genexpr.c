/* genexpr.c - generator expressions: lazy generators written inline.
 *
 * Shows: yc_genexpr(T, value, clauses...), Python's
 * (value for x in source if condition ...): the squares of the even
 * numbers as one expression instead of two generator functions (compare
 * pipeline.c); a range source; several sources as nested loops
 * (Pythagorean triples); a pipeline of expressions over a file reader in
 * one statement; an expression as the operand of yield_from; capture by
 * value (the expression keeps the value a local had when it was made).
 *
 * Mirrors TUTORIAL.md, part 1: section 10 (Generators as Pipelines) and
 * the generator expressions of section 4. */
#include <stdio.h>
#include <stdlib.h>

#include <yieldc.h>

yc_generator(int) numbers(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

static void close_file(FILE **f) {
  if (*f)
    fclose(*f);
}

/* The numbers of a file, one per line; reads a line only when asked. */
yc_generator(long) read_numbers(const char *path) {
  FILE *f __attribute__((cleanup(close_file))) = fopen(path, "r");
  char line[64];
  while (f && fgets(line, sizeof line, f))
    yield(strtol(line, NULL, 10));
}

/* A generator that delegates to an expression over its parameter. */
yc_generator(int) multiples(int of, int count) {
  yield(0);
  yield_from(yc_genexpr(int, of * i, yc_in_range(int, i, 1, count + 1)));
}

static void print_all(const char *title, yc_gen *g) {
  printf("%s: [", title);
  const char *sep = "";
  int v;
  while (yc_next(g, &v)) {
    printf("%s%d", sep, v);
    sep = ", ";
  }
  printf("]\n");
  yc_free(g); /* frees the expression's source too */
}

int main(void) {
  print_all("squares of evens",
            yc_genexpr(int, n * n, yc_in(int, n, numbers(10)), yc_where(n % 2 == 0)));

  long total = 0;
  yc_foreach (long sq, yc_genexpr(long, (long)i * i, yc_in_range(int, i, 1, 101)))
    total += sq;
  printf("sum of the first 100 squares: %ld\n", total);

  /* three sources: nested loops, the inner ones use the outer variables */
  yc_foreach (int t, yc_genexpr(int, a * 10000 + b * 100 + c, yc_in_range(int, c, 1, 30),
                                yc_in_range(int, b, 1, c), yc_in_range(int, a, 1, b),
                                yc_where(a * a + b * b == c * c)))
    printf("triple %d %d %d\n", t / 10000, t / 100 % 100, t % 100);

  /* a pipeline in one statement: positives of a file, doubled, then
   * those above 100 */
  yc_gen *big = yc_genexpr(long, d, yc_in(long, d, yc_genexpr(long, 2 * p,
                                          yc_in(long, p, yc_genexpr(long, n,
                                                yc_in(long, n, read_numbers("data/numbers.txt")),
                                                yc_where(n > 0))))),
                           yc_where(d > 100));
  yc_foreach (long d, big)
    printf("big %ld\n", d);

  print_all("multiples of 7", multiples(7, 4));

  /* captured by value: changing limit afterwards changes nothing */
  int limit = 3;
  yc_gen *below = yc_genexpr(int, n, yc_in(int, n, numbers(10)), yc_where(n < limit));
  limit = 100;
  print_all("below the limit of when it was made", below);
  return 0;
}
