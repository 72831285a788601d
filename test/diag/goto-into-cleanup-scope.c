// A jump into the scope of a cleanup variable is refused, as clang refuses
// it, in clang's format.
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
#include <yieldc.h>

static void release(int *p) { (void)p; }

yc_generator(int) jumper(int k) {
  if (k) goto inside;
  {
    __attribute__((cleanup(release))) int r = 1;
  inside:
    yield(r);
  }
}
// CHECK: goto-into-cleanup-scope.c:9:10: error: cannot jump from this goto statement to its label
