// A variable-length array cannot live in a fixed-size frame.
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
#include <yieldc.h>

yc_generator(int) window(int n) {
  int buf[n];
  buf[0] = n;
  yield(buf[0]);
}
// CHECK: vla-across-yield.c:[[@LINE-4]]:7: error: variable-length array 'buf' is live across a suspension point
// CHECK: note: give it a constant size
