// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t 2> %t.err | FileCheck %s
// RUN: FileCheck --check-prefix=MSG %s < %t.err
// CHECK: next(task, &x): ok=0 x=-7 einval=1
// CHECK-NEXT: send(task): ok=0 einval=1
// CHECK-NEXT: throw(task): ok=0 einval=1
// CHECK-NEXT: next(agen, &x): ok=0 einval=1
// CHECK-NEXT: next(task, NULL): ok=0 einval=1
// CHECK-NEXT: yc_run after the misuse: status=0 result=42
// CHECK-NOT: {{.}}
// MSG: yieldc: yc_next(answer): answer is a task (an async function, yc_async), not a generator; run it with yc_run(task, &result), or await it inside another async function
// MSG-NEXT: yieldc: yc_send(answer): answer is a task
// MSG-NEXT: yieldc: yc_throw(answer): answer is a task
// MSG-NEXT: yieldc: yc_next(ticks): ticks is an async generator (yc_async_generator), not a generator; take its items with await_next(s, &item) inside an async function
// MSG-NEXT: yieldc: yc_next(answer): answer is a task (an async function, yc_async), not a generator; run it with yc_run(task, &result), or await it inside another async function
// MSG-NOT: {{.}}
/* yc_next / yc_send / yc_throw on a task or an async generator (through a
 * cast: the handle types differ so the compiler warns otherwise) fail with
 * YC_EINVAL and a message that names the kind and what to use instead, not
 * a size mismatch.  The misused task is not spoiled by a refused call.
 * (The inline fast path of yc_next checks no kind: an async generator
 * whose item has out's size runs; the handle types are the guard there.) */
#include <stdio.h>

#include <yieldc.h>

yc_async(int) answer(void) { yc_return(42); }

yc_async_generator(long) ticks(void) {
  yield(1L);
}

int main(void) {
  yc_task *t = answer();
  int x = -7;
  bool ok = yc_next((yc_gen *)t, &x);
  printf("next(task, &x): ok=%d x=%d einval=%d\n", ok, x, yc_error((yc_gen *)t) == YC_EINVAL);
  ok = yc_send((yc_gen *)t, NULL, &x);
  printf("send(task): ok=%d einval=%d\n", ok, yc_error((yc_gen *)t) == YC_EINVAL);
  ok = yc_throw((yc_gen *)t, YC_EINVAL, &x);
  printf("throw(task): ok=%d einval=%d\n", ok, yc_error((yc_gen *)t) == YC_EINVAL);

  yc_agen *s = ticks();
  ok = yc_next((yc_gen *)s, &x);
  printf("next(agen, &x): ok=%d einval=%d\n", ok, yc_error((yc_gen *)s) == YC_EINVAL);
  yc_free(s);

  /* out NULL: the call runs a step of the task before it can tell. */
  yc_task *u = answer();
  ok = yc_next((yc_gen *)u, NULL);
  printf("next(task, NULL): ok=%d einval=%d\n", ok, yc_error((yc_gen *)u) == YC_EINVAL);
  yc_free(u);

  int result = 0;
  int status = yc_run(t, &result);
  printf("yc_run after the misuse: status=%d result=%d\n", status, result);
  return 0;
}
