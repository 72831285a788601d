// sizeof does not evaluate its operand, so it cannot suspend there.
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
#include <yieldc.h>

yc_generator(int, int) sized(void) {
  int n = (int)sizeof(yield(1, int));
  yield(n);
}
// CHECK: suspension-in-sizeof.c:[[@LINE-3]]:23: error: a suspension point inside sizeof, _Alignof or _Generic is never evaluated
