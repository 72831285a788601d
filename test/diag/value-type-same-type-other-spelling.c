// The T of a value form is compared with S / R as a type, not as text:
// another spelling of the same type and a typedef of it are that type, and
// a function-pointer R works through a typedef and spelled out.  A
// coroutine declared in a header is checked the same way.
// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: %cc -I%S/Inputs %t.c -o %t %link
// RUN: %t | FileCheck %s
#include <stdio.h>
#include <yieldc.h>

#include "header_coroutines.h"

typedef const char *str;
typedef int (*op_fn)(int);
static int twice(int x) { return 2 * x; }

yc_generator(int, char const *) echo(void) {
  const char *a = yield(1, const char *);
  str b = yield(2, str);
  printf("%s %s\n", a, b);
}

yc_generator(int, void, op_fn) pick_named(void) { yc_return(twice); }
yc_generator(int, void, int (*)(int)) pick_spelled(void) { yc_return(twice); }

yc_generator(int) user(void) {
  op_fn f = yield_from(pick_named(), int (*)(int));
  int (*g)(int) = yield_from(pick_spelled(), op_fn);
  long n = yield_from(header_total(), long int);
  yield(f(1) + g(2) + (int)n);
}

int main(void) {
  yc_gen *e = echo();
  const char *words[] = {"one", "two"};
  yc_next(e, NULL);
  yc_send(e, &words[0], NULL);
  yc_send(e, &words[1], NULL);
  yc_free(e);
  yc_foreach (int x, user())
    printf("%d\n", x);
}
yc_generator(int, void, long) header_total(void) { yc_return(40L); }
// CHECK: one two
// CHECK-NEXT: 46
