// The declaration macro must be written before the function's name: the
// translator reads the element types from it.
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
#include <yieldc.h>

#define INT_GENERATOR yc_generator(int)

INT_GENERATOR numbers(void) {
  yield(1);
}
// CHECK: coroutine-declared-through-macro.c:[[@LINE-3]]:1: error: coroutine function declared through another macro
// CHECK: note: write yc_generator(Y), yc_async(R) or yc_async_generator(Y) directly before the function's name
