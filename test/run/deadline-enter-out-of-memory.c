// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: enter failed: out of memory, body ran 0
// CHECK-NEXT: retry: expired 1
// CHECK-NEXT: slept
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
/* Entering a task's first deadline scope may need room in the loop's timer
 * heap: when that allocation fails, YC_ENOMEM is raised before the
 * statement (its body does not run, nothing stays registered), and a
 * later scope works.  The runtime's fault hook makes the allocation fail. */
#include <stdio.h>

#include <yieldc.h>

extern long yc__rt_fail_countdown; /* runtime: the Nth allocation fails */

yc_async(int) amain(void) {
  int ran = 0;
  yc_try {
    yc__rt_fail_countdown = 1;
    yc_move_on_after(10) {
      ran = 1;
      await(yc_sleep(1));
    }
    printf("not reached\n");
  }
  yc_catch (e) {
    printf("enter failed: %s, body ran %d\n", yc_strerror(e), ran);
  }
  yc__rt_fail_countdown = 0;
  bool expired = false;
  yc_move_on_after(10, &expired) {
    await(yc_sleep(5000));
  }
  printf("retry: expired %d\n", (int)expired);
  await(yc_sleep(20)); /* no stale scope: waits normally */
  printf("slept\n");
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  printf("yc_run -> %d\n", err);
  return 0;
}
