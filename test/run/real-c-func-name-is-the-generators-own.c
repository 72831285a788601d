// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: worker 7
// CHECK-NEXT: worker 0
// CHECK-NEXT: got worker
// CHECK-NEXT: worker 1
// CHECK-NEXT: got worker
// CHECK-NEXT: helper: start
// CHECK-NEXT: got helper
// CHECK-NEXT: helper: end
// CHECK-NEXT: got worker
// CHECK-NEXT: same: 1
// CHECK-NEXT: main
// CHECK-NOT: {{.}}
/* __func__ and __FUNCTION__ inside a generator (before and after yields,
 * in nested blocks, in sizeof, kept in a local across yields) name the
 * generator as the user wrote it, as they do in an ordinary function:
 * "worker", "helper", never a name the translator made. */
#include <stdio.h>
#include <string.h>

#include <yieldc.h>

#define TRACE(what) printf("%s: %s\n", __func__, what)

yc_generator(const char *) helper(void) {
  TRACE("start");
  yield(__func__);
  TRACE("end");
}

yc_generator(const char *) worker(int n) {
  const char *mine = __func__;
  printf("%s %zu\n", __FUNCTION__, sizeof __func__);
  for (int i = 0; i < n; i++) {
    printf("%s %d\n", __func__, i);
    yield(__FUNCTION__);
  }
  yield_from(helper());
  {
    yield(mine);
    printf("same: %d\n", strcmp(mine, __func__) == 0);
  }
}

int main(void) {
  yc_foreach (const char *s, worker(2))
    printf("got %s\n", s);
  printf("%s\n", __func__);
  return 0;
}
