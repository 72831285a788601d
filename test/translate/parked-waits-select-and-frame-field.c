// await(yc_select(cases, n), int) is tried inline and, when no case is
// ready, parks the task in the frame's wait record (both in one call,
// yc__select_or_park) like a channel await; the statement form too.  A
// function gets the record yc__w only when it has such an await; an
// argument with a side effect (it would be evaluated more than once) keeps
// the plain await.  The copies convert the count explicitly: an int n
// warns (-Wsign-conversion) once, in the await as written.  A parked wait
// inside yc_try is steered like any other: yc__wait_steer, then the catch.
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

/* Arithmetic, grouping, casts and sizeof have no side effect: the fast
 * path and the park; a call (or a macro with arguments) or ++ has none. */
static size_t count(const yc_case *c) { return c ? 2 : 0; }
yc_async(int) plain_args(yc_chan *a, yc_chan *b) {
  int x = 0, y = 0, k = 0, bufs[2] = {1, 2};
  yc_case cs[2] = {yc_case_recv(a, &x), yc_case_recv(b, &y)};
  await(yc_select(cs, sizeof(cs) / sizeof cs[0]));
  await(yc_select(cs, (size_t)k + 1));
  await(yc_chan_send(a, &bufs[(k + 1) % 2]));
  await(yc_select(cs, count(cs)));
  await(yc_chan_send(a, &bufs[k++ % 2]));
  await(yc_chan_send(a, &bufs[- -k]));
  yc_return(x + y);
}

yc_async(int) no_chan(yc_task *t) {
  yc_return(await(t, int));
}

// CHECK: struct pick__frame {
// CHECK: yc__wait yc__w;
// CHECK: };
// CHECK: { int yc__r; int yc__k = yc__select_or_park(f->cs, (size_t)(2), &yc__r, &f->yc__w); if (yc__k > 0) { [[T:yc__t[0-9]+]] = yc__r; } else { if (__builtin_expect(yc__k == 0, 1)) { f->yc__sub = NULL; {{.*}}yc__c->state = 1; return YC__PENDING; } f->yc__sub = (yc_coro *)(yc_select(f->cs, 2)); {{.*}}yc__c->state = 1; return yc__delegate(yc__c, f->yc__sub); yc_resume_1: __attribute__((unused)); {{.*}}if (__builtin_expect(!f->yc__sub, 1)) { [[T]] = yc__wait_result(&f->yc__w); } else { if ((yc__c->error = yc__check_result(f->yc__sub, sizeof(int))) != 0)
// The statement form: no value to take.
// CHECK: { int yc__r; int yc__k = yc__select_or_park(f->cs, (size_t)(n), &yc__r, &f->yc__w); if (yc__k > 0) { } else { if (__builtin_expect(yc__k == 0, 1)) { f->yc__sub = NULL; {{.*}}yc__c->state = 2; return YC__PENDING; } {{.*}}yc_resume_2: __attribute__((unused)); {{.*}}if (__builtin_expect(!f->yc__sub, 1)) { } else {
// CHECK: yc__select_or_park(f->cs, (size_t)(n), &yc__r, &f->yc__w); if (yc__k > 0) { {{.*}} } else { if (__builtin_expect(yc__k == 0, 1)) { f->yc__sub = NULL; {{.*}}yc__c->state = 3; return YC__PENDING; }
// n-- would be evaluated twice: the plain await.
// CHECK-NOT: yc__select_or_park(f->cs, n--
// CHECK: f->yc__sub = (yc_coro *)(yc_select(f->cs, n--)); {{.*}}yc__c->state = 4; return yc__delegate(yc__c, f->yc__sub);
// CHECK: yc_steer_1:
// CHECK: if (!f->yc__sub) { if (yc__wait_steer(yc__c, &f->yc__w)) { yc__c->error = 0; goto yc_resume_1; } } else { yc__free(f->yc__sub); f->yc__sub = NULL; }
// Inside yc_try: the steered error goes to the catch.
// CHECK: yc_steer_3:
// CHECK: if (!f->yc__sub) { if (yc__wait_steer(yc__c, &f->yc__w)) { yc__c->error = 0; goto yc_resume_3; } } else { yc__free(f->yc__sub); f->yc__sub = NULL; }
// CHECK: yc_unwind_3:
// CHECK: goto yc_restore_
// CHECK: yc_steer_4:
// CHECK-NOT: yc__wait_steer
// CHECK: yc_unwind_4:

// In an async generator: the same shape.
// CHECK: struct relay__frame {
// CHECK: yc__wait yc__w;
// CHECK: yc__chan_recv_or_park(in, &f->v, &yc__r, &f->yc__w); if (yc__k > 0) { {{.*}} } else { if (__builtin_expect(yc__k == 0, 1)) { f->yc__sub = NULL; {{.*}}return YC__PENDING; }

// CHECK: yc__chan_recv_or_park(in, &f->v, &yc__r, &f->yc__w); if (yc__k > 0) { {{.*}} } else { if (__builtin_expect(yc__k == 0, 1)) { f->yc__sub = NULL; YC__SAVE(f->ok, ok);
// CHECK-NOT: ok = f->ok
// CHECK: yc_resume_1: __attribute__((unused)); YC__RESTORE(ok, f->ok);

// CHECK: yc__select_or_park(f->cs, (size_t)(sizeof(f->cs) / sizeof f->cs[0]), &yc__r, &f->yc__w)
// CHECK: yc__select_or_park(f->cs, (size_t)((size_t)k + 1), &yc__r, &f->yc__w)
// CHECK: yc__chan_send_or_park(a, &f->bufs[(k + 1) % 2], &yc__r, &f->yc__w)
// CHECK-NOT: yc__select_or_park(f->cs, (size_t)(count
// CHECK: f->yc__sub = (yc_coro *)(yc_select(f->cs, count(f->cs)));
// CHECK-NOT: yc__chan_send_or_park(a, &f->bufs[k++
// CHECK: f->yc__sub = (yc_coro *)(yc_chan_send(a, &f->bufs[k++ % 2]));
// CHECK: yc__chan_send_or_park(a, &f->bufs[- -k], &yc__r, &f->yc__w)

// CHECK: struct no_chan__frame {
// CHECK-NOT: yc__w
// CHECK: };
