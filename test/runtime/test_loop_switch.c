/* test_loop_switch.c - the loop's side of a task switch: a root task that
 * waits in its own frame (returns YC__PENDING from its resume function,
 * no leaf) and is made ready again by a wake, as a task parked by a channel
 * in its frame is.  Checks the order in which such tasks run (FIFO, each
 * wake one drive), that a throw (cancellation) still reaches a task parked
 * this way, that a delegate parked this way can await again once resumed
 * (the engine gets its delegator, not the sub it lent its link to), and
 * that a task finishing from this path is finished by the loop.  `test_loop_switch switch N` runs N switches between two such tasks
 * and prints nothing but the count, for callgrind (docs/performance.md:
 * instructions per switch). */
#include "test_loop_util.h"

#include "../../runtime/loop_internal.h"

/* ---- pinger(id, n): n times: note id, make itself ready, wait ---- */

static int trace[64];
static int ntrace;
static long switches;

typedef struct pinger_frame {
  yc_coro hdr;
  void *aux; /* async frames carry yc__aux after the header */
  int id, n, i;
  int ret;
} pinger_frame;
ASYNC_TYPE(pinger, pinger_frame, int, ret);

static int pinger_resume(yc_coro *c, void *out, const void *in) {
  pinger_frame *f = (pinger_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  default: return YC__RETURN;
  }
  for (f->i = 0; f->i < f->n; f->i++) {
    if (ntrace < (int)(sizeof trace / sizeof *trace))
      trace[ntrace++] = f->id;
    switches++;
    /* The wait of a task parked in its own frame: the wake comes first
     * here (from itself), as it would from a peer. */
    yc__task_wake(yc__task_current());
    c->state = 1;
    return YC__PENDING;
  resume_1:
    if (THROWN())
      UNWIND();
  }
  RETURN_VAL(ret, f->id * 100 + f->n);
}

static yc_task *pinger(int id, int n) {
  pinger_frame *f = yc__frame_new(&pinger_type);
  CHECK(f);
  f->id = id;
  f->n = n;
  return (yc_task *)f;
}

/* ---- two_pingers(n, cancel_b): spawns pingers 1 and 2, awaits both ---- */

typedef struct main_frame {
  yc_coro hdr;
  void *aux;
  int n;
  bool cancel_b;
  yc_task *a, *b;
  int ra, rb, err_b;
  yc_coro *sub;
  int ret;
} main_frame;
ASYNC_TYPE(two_pingers, main_frame, int, ret);

static int two_pingers_resume(yc_coro *c, void *out, const void *in) {
  main_frame *f = (main_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  case 2: goto resume_2;
  default: return YC__RETURN;
  }
  f->a = yc_spawn(pinger(1, f->n));
  f->b = yc_spawn(pinger(2, f->n));
  CHECK(f->a && f->b);
  if (f->cancel_b)
    yc_cancel(f->b); /* b has not run: it never starts */
  f->sub = (yc_coro *)f->a;
  c->state = 1;
  return yc__delegate(c, f->sub);
resume_1:
  CHECK(!THROWN());
  f->ra = *(int *)yc__result_ptr(f->sub);
  f->sub = (yc_coro *)f->b;
  c->state = 2;
  return yc__delegate(c, f->sub);
resume_2:
  if (THROWN()) {
    f->err_b = CATCH();
  } else {
    f->rb = *(int *)yc__result_ptr(f->sub);
  }
  yc_free(f->a);
  yc_free(f->b);
  f->sub = NULL;
  RETURN_VAL(ret, f->ra + f->rb);
}

static yc_task *two_pingers(int n, bool cancel_b) {
  main_frame *f = yc__frame_new(&two_pingers_type);
  CHECK(f);
  f->n = n;
  f->cancel_b = cancel_b;
  return (yc_task *)f;
}

/* ---- a pinger cancelled while it waits in its frame ---- */

typedef struct canceller_frame {
  yc_coro hdr;
  void *aux;
  yc_task *p;
  int err;
  yc_coro *sub;
  int ret;
} canceller_frame;
ASYNC_TYPE(canceller, canceller_frame, int, ret);

static int canceller_resume(yc_coro *c, void *out, const void *in) {
  canceller_frame *f = (canceller_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  case 2: goto resume_2;
  default: return YC__RETURN;
  }
  f->p = yc_spawn(pinger(3, 1000));
  CHECK(f->p);
  /* one turn: the pinger runs once and parks itself (ready again) */
  AWAIT(1, yc_sleep(0));
  FREE_SUB();
  CHECK(!THROWN());
  CHECK(ntrace >= 1 && trace[0] == 3);
  yc_cancel(f->p); /* it is queued with no leaf: the throw must still land */
  f->sub = (yc_coro *)f->p;
  c->state = 2;
  return yc__delegate(c, f->sub);
resume_2:
  CHECK(THROWN());
  f->err = CATCH();
  yc_free(f->p);
  f->sub = NULL;
  RETURN_VAL(ret, f->err);
}

/* ---- a delegate that waits in its own frame, then awaits again ----
 * root awaits child (not spawned: child is the chain's innermost frame);
 * child parks itself (PENDING) and, resumed directly by the loop, awaits
 * leafy(), then parks once more and returns.  The loop must hand the
 * engine child's delegator, not the sub child lent its link to. */

typedef struct leafy_frame {
  yc_coro hdr;
  void *aux;
  int ret;
} leafy_frame;
ASYNC_TYPE(leafy, leafy_frame, int, ret);
static int leafy_resume(yc_coro *c, void *out, const void *in) {
  leafy_frame *f = (leafy_frame *)c;
  (void)out, (void)in;
  RETURN_VAL(ret, 7);
}

typedef struct child_frame {
  yc_coro hdr;
  void *aux;
  yc_coro *sub;
  int got;
  int ret;
} child_frame;
ASYNC_TYPE(child, child_frame, int, ret);
static int child_resume(yc_coro *c, void *out, const void *in) {
  child_frame *f = (child_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  case 2: goto resume_2;
  case 3: goto resume_3;
  default: return YC__RETURN;
  }
  yc__task_wake(yc__task_current());
  c->state = 1;
  return YC__PENDING;
resume_1:
  if (THROWN())
    UNWIND();
  AWAIT(2, yc__frame_new(&leafy_type));
  CHECK(!THROWN());
  f->got = RESULT(int);
  FREE_SUB();
  yc__task_wake(yc__task_current());
  c->state = 3;
  return YC__PENDING;
resume_3:
  if (THROWN())
    UNWIND();
  RETURN_VAL(ret, f->got + 1);
}

typedef struct parent_frame {
  yc_coro hdr;
  void *aux;
  yc_coro *sub;
  int ret;
} parent_frame;
ASYNC_TYPE(parent, parent_frame, int, ret);
static int parent_resume(yc_coro *c, void *out, const void *in) {
  parent_frame *f = (parent_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  default: return YC__RETURN;
  }
  AWAIT(1, yc__frame_new(&child_type));
  CHECK(!THROWN());
  {
    int v = RESULT(int);
    FREE_SUB();
    RETURN_VAL(ret, v * 10);
  }
}

static void test_delegate_after_park(void) {
  int r = 0;
  parent_frame *p = yc__frame_new(&parent_type);
  CHECK(p);
  CHECK(yc_run((yc_task *)p, &r) == 0);
  CHECK(r == 80);
}

static void test_order(void) {
  ntrace = 0;
  switches = 0;
  int r = 0;
  CHECK(yc_run(two_pingers(5, false), &r) == 0);
  CHECK(r == 105 + 205);
  CHECK(switches == 10);
  /* FIFO: each wake queues the task behind the other one */
  CHECK(ntrace == 10);
  for (int i = 0; i < 10; i++)
    CHECK(trace[i] == 1 + i % 2);
}

static void test_cancel_unstarted(void) {
  ntrace = 0;
  int r = 0;
  CHECK(yc_run(two_pingers(3, true), &r) == 0);
  CHECK(r == 103);
  CHECK(ntrace == 3);
  for (int i = 0; i < 3; i++)
    CHECK(trace[i] == 1);
}

static void test_cancel_parked(void) {
  ntrace = 0;
  int r = 0;
  canceller_frame *f = yc__frame_new(&canceller_type);
  CHECK(f);
  CHECK(yc_run((yc_task *)f, &r) == 0);
  CHECK(r == YC_ECANCELLED);
  /* it ran once before the sleep(0) turn, maybe once more, never again
   * after the cancel */
  CHECK(ntrace >= 1 && ntrace <= 2);
}

static void body(void) {
  test_order();
  test_delegate_after_park();
  test_cancel_unstarted();
  test_cancel_parked();
}

int main(int argc, char **argv) {
  if (argc == 3 && !strcmp(argv[1], "switch")) {
    long n = atol(argv[2]);
    int r = 0;
    switches = 0;
    CHECK(yc_run(two_pingers((int)(n / 2), false), &r) == 0);
    printf("%ld\n", switches);
    return switches == n / 2 * 2 ? 0 : 1;
  }
  both_backends(body);
  return 0;
}
