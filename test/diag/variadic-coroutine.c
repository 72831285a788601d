// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
#include <yieldc.h>

yc_generator(int) many(int n, ...) {
  yield(n);
}
// CHECK: variadic-coroutine.c:[[@LINE-3]]:1: error: a coroutine function cannot take variable arguments (...)
// CHECK: note: pass a va_list or an array and a count instead
