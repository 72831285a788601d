// await(yc_select(cases, n), int) is tried inline (yc__select_try) and,
// when no case is ready, parks the task in the frame's wait record
// (yc__select_park) like a channel await; the statement form too.  A
// function gets the record yc__w only when it has such an await; an
// argument with a side effect (it would be evaluated more than once) keeps
// the plain await.  A parked wait inside yc_try is steered like any other:
// yc__wait_steer, then the catch.
// RUN: %yieldc %s -o %t.c
// RUN: grep -v '^//' %t.c | FileCheck %s
// RUN: %cc -c %t.c -o %t.o
#include <yieldc.h>

yc_async(int) pick(yc_chan *a, yc_chan *b) {
  int x = 0, y = 0, n = 2;
  yc_case cs[2] = {yc_case_recv(a, &x), yc_case_send(b, &y)};
  int i = await(yc_select(cs, 2), int);
  await(yc_select(cs, n));
  yc_try {
    i += await(yc_select(cs, n), int);
  } yc_catch (err) {
    yc_return(err);
  }
  await(yc_select(cs, n--));
  yc_return(i + x);
}

yc_async_generator(int) relay(yc_chan *in) {
  int v;
  while (await(yc_chan_recv(in, &v), bool))
    yield(v);
}

/* ok is saved before its first assignment (the analysis is coarse there):
 * its slot is restored as bytes, never read as a _Bool. */
yc_async(int) drain(yc_chan *in) {
  int v = 0;
  bool ok;
  while ((ok = await(yc_chan_recv(in, &v), bool)))
    ;
  yc_return(ok);
}

yc_async(int) no_chan(yc_task *t) {
  yc_return(await(t, int));
}

// CHECK: struct pick__frame {
// CHECK: yc__wait yc__w;
// CHECK: };
// CHECK: { int yc__r; if (yc__select_try(f->cs, 2, &yc__r)) { [[T:f->yc__t[0-9]+]] = yc__r; } else { if (yc__select_park(f->cs, 2, &f->yc__w)) { f->yc__sub = NULL; {{.*}}yc__c->state = 1; return YC__PENDING; } f->yc__sub = (yc_coro *)(yc_select(f->cs, 2)); {{.*}}yc__c->state = 1; return yc__delegate(yc__c, f->yc__sub); yc_resume_1: __attribute__((unused)); {{.*}}if (!f->yc__sub) { [[T]] = yc__wait_result(&f->yc__w); } else { if ((yc__c->error = yc__check_result(f->yc__sub, sizeof(int))) != 0)
// The statement form: no value to take.
// CHECK: { int yc__r; if (yc__select_try(f->cs, n, &yc__r)) { } else { if (yc__select_park(f->cs, n, &f->yc__w)) { f->yc__sub = NULL; {{.*}}yc__c->state = 2; return YC__PENDING; } {{.*}}yc_resume_2: __attribute__((unused)); {{.*}}if (!f->yc__sub) { } else {
// CHECK: yc__select_park(f->cs, n, &f->yc__w)) { f->yc__sub = NULL; {{.*}}yc__c->state = 3; return YC__PENDING; }
// n-- would be evaluated twice: the plain await.
// CHECK-NOT: yc__select_try(f->cs, n--
// CHECK-NOT: yc__select_park(f->cs, n--
// CHECK: f->yc__sub = (yc_coro *)(yc_select(f->cs, n--)); {{.*}}yc__c->state = 4; return yc__delegate(yc__c, f->yc__sub);
// CHECK: yc_steer_1:
// CHECK: if (!f->yc__sub) { if (yc__wait_steer(yc__c, &f->yc__w)) goto yc_resume_1; } else { yc__free(f->yc__sub); f->yc__sub = NULL; }
// Inside yc_try: the steered error goes to the catch.
// CHECK: yc_steer_3:
// CHECK: if (!f->yc__sub) { if (yc__wait_steer(yc__c, &f->yc__w)) goto yc_resume_3; } else { yc__free(f->yc__sub); f->yc__sub = NULL; }
// CHECK: yc_unwind_3:
// CHECK: goto yc_restore_
// CHECK: yc_steer_4:
// CHECK-NOT: yc__wait_steer
// CHECK: yc_unwind_4:

// In an async generator: the same shape.
// CHECK: struct relay__frame {
// CHECK: yc__wait yc__w;
// CHECK: yc__chan_park_recv(in, &f->v, &f->yc__w)) { f->yc__sub = NULL; {{.*}}return YC__PENDING; }

// CHECK: yc__chan_park_recv(in, &f->v, &f->yc__w)) { f->yc__sub = NULL; YC__SAVE(f->ok, ok);
// CHECK-NOT: ok = f->ok
// CHECK: yc_resume_1: __attribute__((unused)); YC__RESTORE(ok, f->ok);

// CHECK: struct no_chan__frame {
// CHECK-NOT: yc__w
// CHECK: };
