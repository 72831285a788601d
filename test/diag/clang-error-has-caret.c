// A C error that clang finds is reported in clang's format, with the
// source line and a caret, exit status 1, and no output written.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.c
#include <yieldc.h>

yc_generator(int) broken(int n) {
  yield(n)
}
// CHECK: clang-error-has-caret.c:[[@LINE-2]]:11: error: expected ';' after expression
// CHECK-NEXT: {{^}}  yield(n)
// CHECK-NEXT: {{^}}          ^
