// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
#include <yieldc.h>

yc_async(int) fetch(void) {
  yield(1);
}
// CHECK: yield-in-async-function.c:[[@LINE-2]]:3: error: yield in an async function that is not an async generator
// CHECK: note: declare it yc_async_generator(Y)
