// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
#include <yieldc.h>

yc_generator(int) dispatch(int k) {
  void *target = k ? &&one : &&two;
  goto *target;
one:
  yield(1);
two:
  yield(2);
}
// CHECK: computed-goto-in-coroutine.c:[[@LINE-6]]:3: error: computed goto cannot be used in a coroutine function
