// The type named by a value form must be the generator's send type.
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
#include <yieldc.h>

yc_generator(int, int) acc(void) {
  long v = yield(0, long);
  (void)v;
}
// CHECK: send-type-mismatch.c:[[@LINE-3]]:21: error: yield's value type 'long' is not the generator's send type 'int'
// CHECK: note: write yield(v, int)
