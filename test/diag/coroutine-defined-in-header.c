// yieldc translates the file it is given: a coroutine function defined in
// an included header would be left untranslated (and fail to link), so it
// is an error at the definition.  Declarations in headers are fine.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c -- -I%S/Inputs 2>&1 | FileCheck %s
// RUN: not test -e %t.c
#include "defines_coroutine.h"

yc_generator(int) count_to(int n) {
  for (int i = 1; i <= n; i++)
    yield(i);
}

int main(void) {
  yc_foreach (int x, squares(3))
    (void)x;
}
// CHECK: defines_coroutine.h:7:19: error: coroutine function 'squares' is defined in an included file, which yieldc does not translate
// CHECK-NEXT: {{^}}yc_generator(int) squares(int n) {
// CHECK-NEXT: {{^}}                  ^
// CHECK-NEXT: defines_coroutine.h:7:19: note: define it in a .c file and keep only its declaration in the header
// CHECK: defines_coroutine.h:12:29: error: coroutine function 'answer' is defined in an included file
// CHECK-NOT: error:
