/* throw_catch.c - errors at suspension points: yc_throw, yc_try/yc_catch,
 * yc_raise.
 *
 * Shows:
 *  - yc_throw(g, code, &out) raises an error at the yield where g is
 *    suspended (Python's gen.throw(exc)); a generator that catches it in
 *    yc_try/yc_catch carries on, and yc_throw returns its next value;
 *  - a catch block that re-raises with yc_raise, and a generator with no
 *    handler: the error fails the generator, yc_throw returns false and
 *    yc_error reports the code; the generator is then exhausted;
 *  - an error raised inside a delegated-to generator propagates out through
 *    yield_from to the delegator, which catches it like any other.
 * The Python twin uses an exception class carrying the int code.
 *
 * Mirrors TUTORIAL.md, part 2: section 1 (`yield from` delegates send(),
 * throw() and close() too) and part 1, section 12 (generators are two-way).
 */
#include <ctype.h>
#include <stdio.h>

#include <yieldc.h>

enum { E_RESET = 1, E_STOP = 2, E_BROKEN = 3, E_NOT_A_DIGIT = 4 };

/* Counts 0, 1, 2, ...; a thrown E_RESET starts it over, anything else is
 * passed on to the consumer. */
yc_generator(int) counter(void) {
  int n = 0;
  for (;;) {
    yc_try {
      yield(n);
      n++;
    } yc_catch (err) {
      if (err != E_RESET) {
        printf("  counter: cannot handle error %d, re-raising\n", err);
        yc_raise(err);
      }
      printf("  counter: caught error %d, starting over\n", err);
      n = 0;
    }
  }
}

/* No handler: whatever is thrown in fails it. */
yc_generator(int) fragile(void) {
  yield(10);
  printf("  fragile: resumed normally\n");
  yield(20);
}

/* Fails by itself on the first character that is not a digit. */
yc_generator(int) digits(const char *text) {
  for (const char *p = text; *p; p++) {
    if (!isdigit((unsigned char)*p))
      yc_raise(E_NOT_A_DIGIT);
    yield(*p - '0');
  }
}

/* Delegates to digits() and falls back to -1 if it fails. */
yc_generator(int) supervisor(const char *text) {
  yc_try {
    yield_from(digits(text));
  } yc_catch (err) {
    printf("  supervisor: digits failed with error %d, yielding -1\n", err);
    yield(-1);
  }
  printf("  supervisor: done\n");
}

static void do_next(yc_gen *gen) {
  int value;
  if (yc_next(gen, &value)) {
    printf("next -> %d\n", value);
    return;
  }
  int err = yc_error(gen); /* reported once */
  if (err)
    printf("next -> failed with error %d\n", err);
  else
    printf("next -> exhausted\n");
}

static void do_throw(yc_gen *gen, int code) {
  int value;
  if (yc_throw(gen, code, &value)) {
    printf("throw(%d) -> %d\n", code, value);
    return;
  }
  int err = yc_error(gen);
  if (err)
    printf("throw(%d) -> failed with error %d\n", code, err);
  else
    printf("throw(%d) -> exhausted\n", code);
}

int main(void) {
  printf("counter:\n");
  yc_gen *gen = counter();
  do_next(gen);
  do_next(gen);
  do_next(gen);
  do_throw(gen, E_RESET); /* caught: the count starts over */
  do_next(gen);
  do_throw(gen, E_STOP); /* re-raised: the generator fails */
  do_next(gen);
  yc_free(gen);

  printf("fragile:\n");
  gen = fragile();
  do_next(gen);
  do_throw(gen, E_BROKEN); /* no handler */
  do_next(gen);
  yc_free(gen);

  printf("supervisor:\n");
  gen = supervisor("12x4");
  for (int i = 0; i < 5; i++)
    do_next(gen);
  yc_free(gen);
  return 0;
}
