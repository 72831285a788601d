// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
#include <yieldc.h>

yc_generator(int, void, int) answer(void) {
  yield(1);
  return 0;
}
// CHECK: return-value-in-coroutine.c:[[@LINE-2]]:3: error: return with a value in a coroutine function
// CHECK: note: finish with yc_return(v)
