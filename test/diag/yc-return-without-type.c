// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
#include <yieldc.h>

yc_generator(int) gen(void) {
  yield(1);
  yc_return(3);
}
// CHECK: yc-return-without-type.c:[[@LINE-2]]:3: error: yc_return(v) in a coroutine function whose return type is void
