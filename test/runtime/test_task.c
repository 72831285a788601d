/* test_task.c - spawn, await, cancel and task groups: results of spawned
 * tasks, failures re-raised in the awaiter, cancellation (cleanups counted,
 * level-triggered, propagated to the awaited task, before start), detach,
 * yc_free of a running task, tasks left over when yc_run ends, and groups
 * (all succeed; first failure cancels the rest and is reported once; the
 * waiter cancelled; freed while running); under both backends. */
#include "test_loop_util.h"

#include <errno.h>

/* No check here depends on how fast the machine is (it may be loaded, or
 * valgrind may run the test): an order of events is asserted only where
 * the loop guarantees it whatever the delays - spawned tasks take their
 * first step in spawn order, before a timer started after the spawn can
 * wake their spawner; a timer started earlier with a shorter sleep fires
 * first - and "by now" is a wait until it happened (WAIT_UNTIL), never a
 * sleep that is assumed long enough.  A sleep that must not end during
 * the test is LONG_MS. */
#define LONG_MS 3600000L /* an hour */

static int started, cleanups, caught1, caught2;

static void reset(void) { started = cleanups = caught1 = caught2 = 0; }

/* ---- worker(ms, fail, mode) ---------------------------------------------
 * Sleeps ms, then fails with `fail` or returns ms.  Thrown into while
 * sleeping (mode NORMAL): counts a cleanup and unwinds.  Mode RETRY: catches
 * it, sleeps again (which must fail at once: cancellation is level-
 * triggered), then unwinds.  Mode RAISE: catches it and fails with `fail`. */
enum { NORMAL, RETRY, RAISE_OTHER };

typedef struct worker_frame {
  yc_coro hdr;
  void *aux; /* async frames carry yc__aux after the header */
  long ms;
  int fail, mode;
  yc_coro *sub;
  int ret;
} worker_frame;
ASYNC_TYPE(worker, worker_frame, int, ret);

static int worker_resume(yc_coro *c, void *out, const void *in) {
  worker_frame *f = (worker_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  case 2: goto resume_2;
  default: return YC__RETURN;
  }
  started++;
  AWAIT(1, yc_sleep(f->ms));
  FREE_SUB();
  if (THROWN()) {
    if (f->mode == RETRY && !(c->flags & YC__F_CLOSE)) {
      caught1 = CATCH();
      AWAIT(2, yc_sleep(1));
      FREE_SUB();
      if (THROWN())
        caught2 = c->error;
      cleanups++;
      UNWIND();
    }
    if (f->mode == RAISE_OTHER && !(c->flags & YC__F_CLOSE)) {
      caught1 = CATCH();
      cleanups++;
      RAISE(f->fail);
    }
    cleanups++;
    UNWIND();
  }
  if (f->fail)
    RAISE(f->fail);
  RETURN_VAL(ret, (int)f->ms);
}

static yc_task *worker(long ms, int fail, int mode) {
  worker_frame *f = yc__frame_new(&worker_type);
  f->ms = ms;
  f->fail = fail;
  f->mode = mode;
  return (yc_task *)f;
}

/* ---- relay(task): awaits task and returns its value; re-raises ---- */

static int relay_seen;

typedef struct relay_frame {
  yc_coro hdr;
  void *aux; /* async frames carry yc__aux after the header */
  yc_task *task;
  yc_coro *sub;
  int ret;
} relay_frame;
ASYNC_TYPE(relay, relay_frame, int, ret);

static int relay_resume(yc_coro *c, void *out, const void *in) {
  relay_frame *f = (relay_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  default: return YC__RETURN;
  }
  AWAIT(1, f->task);
  if (THROWN()) {
    relay_seen = c->error;
    FREE_SUB();
    UNWIND(); /* the error propagates to our awaiter */
  }
  f->ret = RESULT(int);
  FREE_SUB();
  RETURN_VAL(ret, f->ret);
}

static yc_task *relay(yc_task *t) {
  relay_frame *f = yc__frame_new(&relay_type);
  f->task = t;
  return (yc_task *)f;
}

/* ---- scenario(n): one main task per scenario, steps written out ---- */

typedef struct main_frame {
  yc_coro hdr;
  void *aux; /* async frames carry yc__aux after the header */
  int n;
  yc_task *t[4];
  yc_group *g;
  int i, v;
  yc_coro *sub;
  int ret;
} main_frame;
ASYNC_TYPE(scenario, main_frame, int, ret);
static yc_task *scenario(int n);
static yc_task *leftover;

/* Sleep 1 ms at a time until cond holds (a step of other tasks between). */
#define WAIT_UNTIL(N, cond)                                                    \
  while (!(cond)) {                                                            \
    AWAIT_V(N, yc_sleep(1));                                                   \
  }

/* Await expr; on a thrown error store it in f->v (and catch it), else
 * store the int result (or 0 for void). */
#define AWAIT_V(N, expr)                                                       \
  AWAIT(N, expr);                                                              \
  if (THROWN()) {                                                              \
    if (c->flags & YC__F_CLOSE) {                                              \
      FREE_SUB();                                                              \
      UNWIND();                                                                \
    }                                                                          \
    f->v = CATCH();                                                            \
  } else {                                                                     \
    f->v = yc__result_ptr(f->sub) ? RESULT(int) : 0;                           \
  }                                                                            \
  FREE_SUB();

static int scenario_resume(yc_coro *c, void *out, const void *in) {
  main_frame *f = (main_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  case 2: goto resume_2;
  case 3: goto resume_3;
  case 4: goto resume_4;
  case 5: goto resume_5;
  case 6: goto resume_6;
  case 7: goto resume_7;
  case 8: goto resume_8;
  case 9: goto resume_9;
  case 10: goto resume_10;
  case 11: goto resume_11;
  case 12: goto resume_12;
  case 13: goto resume_13;
  case 14: goto resume_14;
  case 15: goto resume_15;
  case 16: goto resume_16;
  case 17: goto resume_17;
  case 18: goto resume_18;
  case 19: goto resume_19;
  case 20: goto resume_20;
  case 21: goto resume_21;
  case 22: goto resume_22;
  default: return YC__RETURN;
  }
  switch (f->n) {
  case 0: /* spawn + await the result, before and after it finished */
    f->t[1] = yc_spawn(worker(1, 0, NORMAL));
    f->t[0] = yc_spawn(worker(5, 0, NORMAL));
    CHECK(f->t[0] && f->t[1]);
    /* t[1] started first and sleeps less: it finishes before t[0] does */
    AWAIT_V(1, f->t[0]);
    CHECK(f->v == 5);
    CHECK(!yc_cancel(f->t[1])); /* finished: nothing to cancel */
    AWAIT_V(2, f->t[1]);
    CHECK(f->v == 1);
    break;

  case 1: /* a failure re-raised through two awaiters */
    f->t[0] = yc_spawn(worker(2, -EIO, NORMAL));
    AWAIT_V(3, relay(f->t[0]));
    CHECK(f->v == -EIO && relay_seen == -EIO);
    /* awaiting a task that failed already */
    f->t[0] = yc_spawn(worker(0, -EPIPE, NORMAL));
    WAIT_UNTIL(4, yc_done((yc_gen *)f->t[0]));
    AWAIT_V(5, f->t[0]);
    CHECK(f->v == -EPIPE);
    break;

  case 2: /* cancel three sleepers: cleanups run, awaits raise ECANCELLED */
    for (f->i = 0; f->i < 3; f->i++)
      f->t[f->i] = yc_spawn(worker(LONG_MS, 0, NORMAL));
    AWAIT_V(6, yc_sleep(5));
    CHECK(started == 3 && cleanups == 0);
    for (f->i = 0; f->i < 3; f->i++)
      CHECK(yc_cancel(f->t[f->i]));
    for (f->i = 0; f->i < 3; f->i++) {
      AWAIT_V(7, f->t[f->i]);
      CHECK(f->v == YC_ECANCELLED);
    }
    CHECK(cleanups == 3);
    /* cancelled before it ever ran: the body never starts */
    f->t[0] = yc_spawn(worker(1, 0, NORMAL));
    CHECK(yc_cancel(f->t[0]));
    AWAIT_V(8, f->t[0]);
    CHECK(f->v == YC_ECANCELLED && started == 3);
    break;

  case 3: /* level-triggered: the catch's next await fails at once */
    f->t[0] = yc_spawn(worker(LONG_MS, 0, RETRY));
    AWAIT_V(9, yc_sleep(2));
    yc_cancel(f->t[0]);
    AWAIT_V(10, f->t[0]);
    CHECK(f->v == YC_ECANCELLED);
    CHECK(caught1 == YC_ECANCELLED && caught2 == YC_ECANCELLED);
    break;

  case 4: /* cancelling an awaiter cancels the task it awaits */
    f->t[0] = yc_spawn(worker(LONG_MS, 0, NORMAL));
    f->t[1] = yc_spawn(relay(f->t[0])); /* relay owns t[0] now */
    AWAIT_V(11, yc_sleep(2));
    CHECK(yc_cancel(f->t[1]));
    AWAIT_V(12, f->t[1]);
    CHECK(f->v == YC_ECANCELLED && relay_seen == YC_ECANCELLED);
    CHECK(cleanups == 1);
    break;

  case 5: /* detach; yc_free of a running task; leftovers at the end */
    yc_detach(yc_spawn(worker(1, 0, NORMAL)));
    yc_detach(yc_spawn(worker(1, -EIO, NORMAL))); /* nobody to report to */
    yc_free(yc_spawn(worker(LONG_MS, 0, NORMAL)));  /* cancelled, loop frees */
    f->t[0] = yc_spawn(worker(LONG_MS, 0, NORMAL)); /* freed after yc_run */
    yc_detach(yc_spawn(worker(LONG_MS, 0, NORMAL))); /* cancelled at the end */
    AWAIT_V(13, yc_sleep(0)); /* the spawned ones take their first step */
    CHECK(started == 4 && cleanups == 0); /* the freed one never ran */
    /* started after the 1 ms sleepers' timers: ends after they fired */
    AWAIT_V(22, yc_sleep(10));
    CHECK(cleanups == 0);
    f->ret = 0;
    c->flags |= YC__F_HAS_RESULT;
    c->state = -1;
    leftover = f->t[0];
    return YC__RETURN;

  case 6: /* group: all succeed */
    f->g = yc_group_new();
    for (f->i = 1; f->i <= 3; f->i++)
      CHECK(yc_group_spawn(f->g, worker(f->i, 0, NORMAL)) == 0);
    AWAIT_V(14, yc_group_wait(f->g));
    CHECK(f->v == 0 && started == 3 && cleanups == 0);
    yc_group_free(f->g);
    break;

  case 7: /* group: first failure cancels the rest, reported once */
    f->g = yc_group_new();
    CHECK(yc_group_spawn(f->g, worker(LONG_MS, 0, NORMAL)) == 0);
    CHECK(yc_group_spawn(f->g, worker(5, -EIO, NORMAL)) == 0);
    CHECK(yc_group_spawn(f->g, worker(LONG_MS, -EPIPE, RAISE_OTHER)) == 0);
    CHECK(yc_group_spawn(f->g, worker(LONG_MS, 0, NORMAL)) == 0);
    AWAIT_V(15, yc_group_wait(f->g));
    CHECK(f->v == -EIO);
    CHECK(started == 4 && cleanups == 3 && caught1 == YC_ECANCELLED);
    /* reported once: the group is empty and clean again */
    AWAIT_V(16, yc_group_wait(f->g));
    CHECK(f->v == 0);
    /* and usable again */
    CHECK(yc_group_spawn(f->g, worker(1, 0, NORMAL)) == 0);
    AWAIT_V(17, yc_group_wait(f->g));
    CHECK(f->v == 0 && cleanups == 3);
    yc_group_free(f->g);
    break;

  case 8: /* group: the waiting task is cancelled; children are too, and
             are waited for before the wait fails */
    f->t[0] = yc_spawn(scenario(9));
    WAIT_UNTIL(18, started == 2); /* its group's children have started */
    yc_cancel(f->t[0]);
    AWAIT_V(19, f->t[0]);
    CHECK(f->v == YC_ECANCELLED && cleanups == 2);
    break;

  case 9: /* (the task of case 8) */
    f->g = yc_group_new();
    yc_group_spawn(f->g, worker(LONG_MS, 0, NORMAL));
    yc_group_spawn(f->g, worker(LONG_MS, 0, NORMAL));
    AWAIT(20, yc_group_wait(f->g));
    FREE_SUB();
    CHECK(cleanups == 2); /* the children finished before the wait did */
    yc_group_free(f->g);
    if (THROWN())
      UNWIND();
    break;

  case 10: /* group freed while children run: cancelled, freed by loop */
    f->g = yc_group_new();
    yc_group_spawn(f->g, worker(LONG_MS, 0, NORMAL));
    yc_group_spawn(f->g, worker(LONG_MS, 0, NORMAL));
    AWAIT_V(21, yc_sleep(2));
    yc_group_free(f->g);
    CHECK(started == 2 && cleanups == 0);
    break;
  }
  RETURN_VAL(ret, f->n);
}

static yc_task *scenario(int n) {
  main_frame *f = yc__frame_new(&scenario_type);
  f->n = n;
  return (yc_task *)f;
}

static void run(int n) {
  int r = -1;
  reset();
  relay_seen = 0;
  CHECK(yc_run(scenario(n), &r) == 0);
  CHECK(r == n || (n == 5 && r == 0));
}

static void all(void) {
  for (int n = 0; n <= 8; n++)
    if (n != 5)
      run(n);
  /* the leftovers of case 5 were cancelled when yc_run ended */
  run(5);
  CHECK(started == 4 && cleanups == 2);
  CHECK(!yc_cancel(leftover));
  yc_free(leftover);
  run(10);
  CHECK(started == 2 && cleanups == 2);
}

int main(void) {
  both_backends(all);
  fprintf(stderr, "test_task: ok\n");
  return 0;
}
