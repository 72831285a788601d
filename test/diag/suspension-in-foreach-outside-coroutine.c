// A suspension form in the body of a yc_foreach that is itself outside a
// coroutine function is outside a coroutine function too, at any depth.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
// RUN: not test -e %t.c
#include <yieldc.h>

yc_generator(int) numbers(void) {
  yield(1);
  yield(2);
}

int main(void) {
  yc_foreach (int x, numbers()) {
    yield(x);
    // CHECK: suspension-in-foreach-outside-coroutine.c:[[@LINE-1]]:5: error: suspension form used outside a coroutine function
    // CHECK-NEXT: {{^}}    yield(x);
    // CHECK-NEXT: {{^}}    ^
    // CHECK-NEXT: note: declare the function with yc_generator(Y), yc_async(R) or yc_async_generator(Y)
    yc_foreach (int y, numbers())
      if (y > x)
        yield_from(numbers());
    // CHECK: suspension-in-foreach-outside-coroutine.c:[[@LINE-1]]:9: error: suspension form used outside a coroutine function
  }
  return 0;
}
