// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: a 1011
// CHECK-NEXT: a 1022
// CHECK-NEXT: b takes over from a
// CHECK-NEXT: b 1031
// CHECK-NEXT: a takes over from b
// CHECK-NEXT: a 1043
// CHECK-NEXT: b takes over from a
// CHECK-NEXT: b 1052
// CHECK-NEXT: c takes over from b
// CHECK-NEXT: c 1061
// CHECK-NOT: {{.}}
/* A static local in a generator is one object shared by all instances
 * (like a module-level variable), initialised once; the ordinary local
 * beside it is per instance. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) ticket(const char *who) {
  static int next_ticket = 100;
  static const char *last_who;
  int mine = 0;
  for (;;) {
    mine++;
    next_ticket++;
    if (last_who && last_who != who)
      printf("%s takes over from %s\n", who, last_who);
    last_who = who;
    yield(next_ticket * 10 + mine);
  }
}

int main(void) {
  yc_gen *a = ticket("a");
  yc_gen *b = ticket("b");
  int v;
  yc_next(a, &v);
  printf("a %d\n", v);
  yc_next(a, &v);
  printf("a %d\n", v);
  yc_next(b, &v);
  printf("b %d\n", v);
  yc_next(a, &v);
  printf("a %d\n", v);
  yc_next(b, &v);
  printf("b %d\n", v);
  yc_free(a);
  yc_free(b);
  yc_gen *c = ticket("c");
  yc_next(c, &v);
  printf("c %d\n", v);
  yc_free(c);
  return 0;
}
