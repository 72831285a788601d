// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 6
// CHECK-NEXT: count=6
// CHECK-NEXT: 16
// CHECK-NEXT: steps=2
// CHECK-NEXT: 30
// CHECK-NEXT: var_2=30
// CHECK-NEXT: VAR(1)=10
// CHECK-NEXT: 3
// CHECK-NEXT: count + steps=20
// CHECK-NEXT: 34
// CHECK-NEXT: SET(2, 7) + var_1=41
// CHECK-NEXT: 7
// CHECK-NOT: {{.}}
/* Statement macros written as do { } while (0) (empty, and touching
 * locals, also as the arms of an if/else), #x stringizing locals (SHOW
 * must print "count=...", the name as written, never a rewritten one) and
 * var_##n pasting a local's name, all on locals live across yields. */
#include <stdio.h>

#include <yieldc.h>

#define NOTHING() \
  do {            \
  } while (0)
#define BUMP(n)     \
  do {              \
    count += (n);   \
    steps++;        \
  } while (0)
#define SHOW(x) printf("%s=%d\n", #x, x)
#define VAR(n) var_##n
#define SET(n, v) (var_##n = (v))

yc_generator(int) macros(int start) {
  int count = start, steps = 0;
  int var_1 = 10, var_2 = 20;
  NOTHING();
  BUMP(5);
  yield(count);
  SHOW(count);
  BUMP(VAR(1));
  yield(count);
  SHOW(steps);
  VAR(2) += VAR(1);
  yield(VAR(2));
  SHOW(var_2);
  SHOW(VAR(1));
  if (count > 100)
    NOTHING();
  else
    BUMP(1);
  yield(steps);
  SET(1, count * 2);
  SHOW(count + steps);
  yield(var_1);
  SHOW(SET(2, 7) + var_1);
  yield(VAR(2));
}

int main(void) {
  yc_foreach (int v, macros(1))
    printf("%d\n", v);
  return 0;
}
