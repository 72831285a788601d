// The frame holds slots only for what lives across a suspension point, and the
// variables of scopes that never run at the same time share storage: each
// such scope is a struct in a union (anonymous, so the fields keep their
// names).  Scopes nested in a scope share inside its struct (the switch's
// case blocks inside the switch body); a scope with nothing lifted takes no
// room.
// RUN: %yieldc %s -o %t.c
// RUN: grep -v '^//' %t.c | FileCheck %s
// RUN: %cc -c %t.c -o %t.o
#include <yieldc.h>

yc_generator(int) phases(int n) {
  int total = 0;
  for (int i = 0; i < n; i++) {
    int sq = i * i;
    yield(sq);
    total += sq;
  }
  {
    long big = total;
    {
      int plain = 1; /* no suspension in its scope: a C local */
      big += plain;
    }
    yield((int)big);
    total += (int)big;
    if (big > 10) {
      double half = big / 2.0;
      yield((int)half);
      total += (int)half;
    } else {
      char tag = 'x';
      yield(tag);
      total += tag;
    }
  }
  switch (n) {
  case 0: {
    int zero = 0;
    yield(zero);
    total += zero;
    break;
  }
  default: {
    int a = 1, b = 2;
    yield(a + b);
    total += a * b;
  }
  }
  yc_foreach (int v, phases(n - 1)) {
    yield(v);
    total += v;
  }
  yield(total);
}
// CHECK: struct phases__frame {
// CHECK-NEXT:   yc_coro yc_hdr;
// CHECK-NEXT:   int n;
// CHECK-NEXT:   int total;
// CHECK-NEXT:   union { /* scopes that never run at the same time */
// CHECK-NEXT:     struct {
// CHECK-NEXT:       int i;
// CHECK-NEXT:       int sq;
// CHECK-NEXT:     };
// CHECK-NEXT:     struct {
// CHECK-NEXT:       long big;
// CHECK-NEXT:       union { /* scopes that never run at the same time */
// CHECK-NEXT:         struct {
// CHECK-NEXT:           double half;
// CHECK-NEXT:         };
// CHECK-NEXT:         struct {
// CHECK-NEXT:           char tag;
// CHECK-NEXT:         };
// CHECK-NEXT:       };
// CHECK-NEXT:     };
// CHECK-NEXT:     struct {
// CHECK-NEXT:       union { /* scopes that never run at the same time */
// CHECK-NEXT:         struct {
// CHECK-NEXT:           int zero;
// CHECK-NEXT:         };
// CHECK-NEXT:         struct {
// CHECK-NEXT:           int a;
// CHECK-NEXT:           int b;
// CHECK-NEXT:         };
// CHECK-NEXT:       };
// CHECK-NEXT:     };
// CHECK-NEXT:     struct {
// CHECK-NEXT:       int v;
// CHECK-NEXT:       yc_gen * yc__fe1;
// CHECK-NEXT:     };
// CHECK-NEXT:   };
// CHECK-NEXT: };
// CHECK-NOT: plain;
// CHECK: int plain = 1;
