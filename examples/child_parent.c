/* child_parent.c - yield_from and a generator's return value.
 *
 * Shows: a generator with a return type, yc_generator(Y, S, R), finishing
 * with yc_return(v) (Python's `return "done"`, carried by StopIteration);
 * a delegating generator receiving that value with
 * `T r = yield_from(g, T);` while the child's items pass straight through
 * to the consumer; and a consumer reading the return value of a finished
 * generator with yc_result.
 *
 * Mirrors TUTORIAL.md, part 2: section 1 (Generator Delegation - Deep Dive:
 * "Example: Generator with a return value"). */
#include <stdio.h>

#include <yieldc.h>

/* def child() -> Generator[int, None, str] */
yc_generator(int, void, const char *) child(void) {
  yield(1);
  yield(2);
  yc_return("done");
}

/* def parent() -> Generator[int, None, None] */
yc_generator(int) parent(void) {
  const char *result = yield_from(child(), const char *);
  printf("%s\n", result);
}

int main(void) {
  /* print(list(parent())): "done" is printed while the list is built. */
  yc_gen *gen = parent();
  int items[8];
  size_t count = 0;
  while (count < 8 && yc_next(gen, &items[count]))
    count++;
  yc_free(gen);
  printf("[");
  for (size_t i = 0; i < count; i++)
    printf(i ? ", %d" : "%d", items[i]);
  printf("]\n");

  /* Without yield_from, the consumer reads the return value itself. */
  yc_gen *c = child();
  int n;
  while (yc_next(c, &n))
    printf("child yielded %d\n", n);
  const char *value;
  if (yc_result(c, &value))
    printf("child returned %s\n", value);
  yc_free(c);
  return 0;
}
