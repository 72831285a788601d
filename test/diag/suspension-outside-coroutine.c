// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
#include <yieldc.h>

int plain(void) {
  yield(1);
  return 0;
}
// CHECK: suspension-outside-coroutine.c:[[@LINE-3]]:3: error: suspension form used outside a coroutine function
// CHECK-NEXT: {{^}}  yield(1);
// CHECK-NEXT: {{^}}  ^
// CHECK-NEXT: note: declare the function with yc_generator(Y), yc_async(R) or yc_async_generator(Y)
