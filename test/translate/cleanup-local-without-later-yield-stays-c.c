// A cleanup local with no suspension point after it in its scope keeps its
// own attribute: C runs the cleanup.  One with a suspension point after it
// lives in the frame, and the translator runs its cleanup on every way out
// (also a close or throw at the yield), declared last, cleaned up first.
// RUN: %yieldc %s -o %t.c
// RUN: grep -v '^//' %t.c | FileCheck %s
// RUN: %cc -c %t.c -o %t.o
#include <yieldc.h>

void drop(int *p);

yc_generator(int) g(int n) {
  {
    int done __attribute__((cleanup(drop))) = n;
    n += done;
  }
  int held __attribute__((cleanup(drop))) = n;
  yield(held);
}
// CHECK: struct g__frame {
// CHECK-NOT: done;
// CHECK: int held;
// CHECK: };
// CHECK: int done __attribute__((cleanup(drop))) = n;
// CHECK: ((void)(f->held = n), 0);
// CHECK: drop(&f->held); }
