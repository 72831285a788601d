// A local whose scope has no suspension point stays a C local: only what
// can be live across a suspension goes in the frame.  static locals stay.
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
