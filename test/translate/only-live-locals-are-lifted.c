// A local whose scope has no suspension point stays a C local: only what
// can be live across a suspension goes in the frame.  static locals stay.
// So does a local declared after the last suspension point of its block
// (next, in fib): the block is entered anew on every iteration, so it is
// dead at every suspension point; unless the function has labels of its
// own (a goto could go back over the yield inside one execution of the
// block: with_label keeps such a local in the frame).
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
// CHECK-NEXT:   int sq;
// CHECK-NEXT: };
// CHECK: static int calls;
// CHECK-NEXT: calls++;
// CHECK: int tmp = f->i * f->i;
// CHECK-NEXT: f->sq = tmp;
// CHECK: struct fib__frame {
// CHECK-NEXT:   yc_coro yc_hdr;
// CHECK-NEXT:   long a;
// CHECK-NEXT:   long b;
// CHECK-NEXT: };
// CHECK: long next = f->a + f->b;
// CHECK: struct with_label__frame {
// CHECK-NEXT:   yc_coro yc_hdr;
// CHECK-NEXT:   int n;
// CHECK-NEXT:   int left;
// CHECK-NEXT: };
