// Deadline scopes belong to tasks: in a generator, in a plain function, or
// with a suspension point in an argument, yc_move_on_after / yc_fail_after
// are refused, and so is a goto into one (it would skip the entry); each
// error is reported once, and no output is written.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
// RUN: not test -e %t.c
#include <yieldc.h>

yc_generator(int) gen(void) {
  yc_move_on_after(10) {
    // CHECK: deadline-misuse.c:[[@LINE-1]]:3: error: deadline scope in a generator
    // CHECK-NEXT: {{^}}  yc_move_on_after(10) {
    // CHECK-NEXT: {{^}}  ^
    // CHECK-NEXT: note: a deadline belongs to a task: use it in a yc_async or yc_async_generator function
    yield(1);
  }
}

yc_async(int) ms(void) { yc_return(5); }

yc_async(void) arg_suspends(void) {
  yc_fail_after(await(ms(), int)) {
    // CHECK-DAG: deadline-misuse.c:[[@LINE-1]]:17: error: a suspension point inside a macro's expansion (as an argument of a macro)
    await(yc_sleep(1));
  }
}

yc_async(void) jump_in(int k) {
  if (k)
    goto inside;
    // CHECK-DAG: deadline-misuse.c:[[@LINE-1]]:5: error: goto into a deadline scope (yc_move_on_after / yc_fail_after) skips its entry
  yc_move_on_after(10) {
  inside:
    await(yc_sleep(1));
  }
}

int plain(void) {
  yc_move_on_after(10) {
    // CHECK-DAG: deadline-misuse.c:[[@LINE-1]]:3: error: suspension form used outside a coroutine function
    return 1;
  }
  return 0;
}
// CHECK-NOT: error
