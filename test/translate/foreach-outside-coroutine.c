// yc_foreach in an ordinary function becomes a loop whose hidden handle is
// freed by a cleanup on every exit.
// RUN: %yieldc %s -o %t.c
// RUN: grep -v '^//' %t.c | FileCheck %s
#include <stdio.h>
#include <yieldc.h>

yc_generator(int) count(int n);

int main(void) {
  yc_foreach (int v, count(3))
    printf("%d\n", v);
  return 0;
}
// CHECK: for (yc_gen *yc__fe1 __attribute__((cleanup(yc__foreach_cleanup))) = (count(3)), *yc__fe1_once = yc__fe1; yc__fe1_once; yc__fe1_once = NULL) for (int v; yc__next_known(yc__fe1_once, &v, yc__sizeof_ptr(&v), &count__type, count__xresume);)
// CHECK-NEXT: printf("%d\n", v);
