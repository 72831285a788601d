// The operand of yield_from must be a generator handle (yc_gen *), that of
// await an awaitable (yc_task *: an async function's task or a runtime
// operation), that of await_next an async generator (yc_agen *).
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
// RUN: not test -e %t.c
#include <yieldc.h>

int helper(void);
yc_async(int) fetch(void);
yc_generator(int) numbers(void);

yc_generator(int) delegating(yc_task *t) {
  yield_from(helper());
  // CHECK: yield-from-operand-not-generator.c:[[@LINE-1]]:14: error: yield_from's operand has type 'int', not a generator handle (yc_gen *)
  // CHECK-NEXT: {{^}}  yield_from(helper());
  // CHECK-NEXT: {{^}}             ^
  // CHECK-NEXT: note: delegate to a generator: the yc_gen * that calling a yc_generator function returns
  int r = yield_from(fetch(), int);
  // CHECK: yield-from-operand-not-generator.c:[[@LINE-1]]:22: error: yield_from's operand has type 'yc_task *', not a generator handle (yc_gen *)
  yield_from(t);
  // CHECK: yield-from-operand-not-generator.c:[[@LINE-1]]:14: error: yield_from's operand has type 'yc_task *', not a generator handle (yc_gen *)
  yield(r);
}

yc_async(void) awaiting(yc_gen *g, yc_task *t) {
  await(helper());
  // CHECK: yield-from-operand-not-generator.c:[[@LINE-1]]:9: error: await's operand has type 'int', not an awaitable (yc_task *)
  // CHECK: note: await the yc_task * that calling a yc_async function returns, or a runtime operation such as yc_sleep(ms) or yc_chan_recv(c, &v)
  await(numbers());
  // CHECK: yield-from-operand-not-generator.c:[[@LINE-1]]:9: error: await's operand has type 'yc_gen *', not an awaitable (yc_task *)
  int x;
  while (await_next(t, &x))
    ;
  // CHECK: yield-from-operand-not-generator.c:[[@LINE-2]]:21: error: await_next's operand has type 'yc_task *', not an async generator (yc_agen *)
  // CHECK: note: pass the yc_agen * that calling a yc_async_generator function returns
  await(g);
  // CHECK: yield-from-operand-not-generator.c:[[@LINE-1]]:9: error: await's operand has type 'yc_gen *', not an awaitable (yc_task *)
}
