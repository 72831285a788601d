// Only a local that may be read after a suspension point has a frame
// slot: sq is read only by the yield's own value, tmp has no suspension
// point in its scope, next is declared after the yield (its block is
// entered anew on every iteration).  static locals stay.  With labels of
// the function's own, a local declared after the yield still cannot be
// named at it: left is initialised again after every jump back.
// RUN: %yieldc %s -o %t.c
// RUN: grep -v '^//' %t.c | FileCheck %s
#include <yieldc.h>

yc_generator(int) squares(int n) {
  static int calls;
  calls++;
  for (int i = 0; i < n; i++) {
    int sq;
    {
      int tmp = i * i;
      sq = tmp;
    }
    yield(sq);
  }
}

yc_generator(long) fib(void) {
  long a = 0, b = 1;
  for (;;) {
    yield(a);
    long next = a + b;
    a = b;
    b = next;
  }
}

yc_generator(int) with_label(int n) {
  {
  again:
    yield(n);
    int left = n - 1;
    n = left;
    if (n > 0)
      goto again;
  }
}
// CHECK: struct squares__frame {
// CHECK-NEXT:   yc_coro yc_hdr;
// CHECK-NEXT:   int n;
// CHECK-NEXT:   int i;
// CHECK-NEXT: };
// CHECK: static int calls;
// CHECK-NEXT: calls++;
// CHECK: int tmp = i * i;
// CHECK-NEXT: sq = tmp;
// CHECK: YC__SAVE(f->i, i); yc__c->state = 1;
// CHECK: struct fib__frame {
// CHECK-NEXT:   yc_coro yc_hdr;
// CHECK-NEXT:   long a;
// CHECK-NEXT:   long b;
// CHECK-NEXT: };
// CHECK: long next = a + b;
// CHECK: struct with_label__frame {
// CHECK-NEXT:   yc_coro yc_hdr;
// CHECK-NEXT:   int n;
// CHECK-NEXT: };
// CHECK: int left = n - 1;
