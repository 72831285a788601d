/* test_loop.c - the loop core: yc_run's result and errors, timers firing in
 * deadline order with ties in start order and never early, sleep(0)
 * fairness, nested yc_run, deadlock detection; under both backends. */
#include "test_loop_util.h"

#include <errno.h>

/* ---- sleeper(id, ms): sleeps, checks it was not woken early, logs id ----
 * It notes when it started (just before its sleep's timer starts) and when
 * it woke, for check_timer_order. */

static int order[2000], norder;
static uint64_t started_ns[2000], woke_ns[2000];

typedef struct sleeper_frame {
  yc_coro hdr;
  void *aux; /* async frames carry yc__aux after the header */
  int id;
  long ms;
  uint64_t t0;
  yc_coro *sub;
  int ret;
} sleeper_frame;
ASYNC_TYPE(sleeper, sleeper_frame, int, ret);

static int sleeper_resume(yc_coro *c, void *out, const void *in) {
  sleeper_frame *f = (sleeper_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  default: return YC__RETURN;
  }
  f->t0 = now_ns();
  started_ns[f->id] = f->t0;
  AWAIT(1, yc_sleep(f->ms));
  FREE_SUB();
  if (THROWN())
    UNWIND();
  woke_ns[f->id] = now_ns();
  /* never early */
  CHECK(woke_ns[f->id] - f->t0 >= (uint64_t)f->ms * 1000000u);
  order[norder++] = f->id;
  RETURN_VAL(ret, f->id * 10);
}

static yc_task *sleeper(int id, long ms) {
  sleeper_frame *f = yc__frame_new(&sleeper_type);
  f->id = id;
  f->ms = ms;
  return (yc_task *)f;
}

/* ---- spawn_sleepers(n, ms[]): spawns n sleepers, awaits each ---- */

typedef struct spawner_frame {
  yc_coro hdr;
  void *aux; /* async frames carry yc__aux after the header */
  int n;
  const long *ms;
  yc_task *kids[1000];
  int i, sum;
  yc_coro *sub;
  int ret;
} spawner_frame;
ASYNC_TYPE(spawner, spawner_frame, int, ret);

static int spawner_resume(yc_coro *c, void *out, const void *in) {
  spawner_frame *f = (spawner_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  default: return YC__RETURN;
  }
  for (f->i = 0; f->i < f->n; f->i++) {
    f->kids[f->i] = yc_spawn(sleeper(f->i, f->ms[f->i]));
    CHECK(f->kids[f->i]);
  }
  for (f->i = 0; f->i < f->n; f->i++) {
    AWAIT(1, f->kids[f->i]);
    if (THROWN()) {
      FREE_SUB();
      UNWIND();
    }
    CHECK(yc__check_result(f->sub, sizeof(int)) == 0);
    f->sum += RESULT(int);
    FREE_SUB();
  }
  RETURN_VAL(ret, f->sum);
}

static int run_sleepers(int n, const long *ms) {
  spawner_frame *f = yc__frame_new(&spawner_type);
  f->n = n;
  f->ms = ms;
  norder = 0;
  int sum = -1;
  CHECK(yc_run((yc_task *)f, &sum) == 0);
  CHECK(norder == n);
  return sum;
}

/* The completion order of run_sleepers(n, ms), checked only as far as
 * the loop guarantees it however slow the machine is (loaded, valgrind):
 *  - sleep(0) is "next turn", before any timer: the 0 ms sleepers finish
 *    first, in spawn order;
 *  - timers fire in (deadline, start) order, and a sleeper's timer starts
 *    during its first step, which runs in spawn order (spawned tasks are
 *    driven FIFO, all in the turn after the spawns): so equal sleeps finish
 *    in spawn order, and when a finished just before b, a's deadline was
 *    not after b's.  A deadline is its timer's start + ms, and sleeper i's
 *    start lies between started_ns[i] and started_ns[i + 1] (the next
 *    sleeper's step begins after i's ends; the last one's, before the
 *    first wake), so the last condition is checked with those bounds: a
 *    lower bound of a's deadline is not above an upper bound of b's.
 * On an idle machine these pin the order down (test_sleep_order's comment
 * gives it); under load they still hold. */
static void check_timer_order(int n, const long *ms) {
  uint64_t first_wake = UINT64_MAX;
  for (int i = 0; i < n; i++)
    if (ms[i] > 0 && woke_ns[i] < first_wake)
      first_wake = woke_ns[i];
  int k = 0;
  for (int id = 0; id < n; id++) /* the 0 ms ones, in spawn order */
    if (ms[id] <= 0)
      CHECK(order[k++] == id);
  for (int i = k + 1; i < n; i++) {
    int a = order[i - 1], b = order[i];
    CHECK(ms[a] > 0 && ms[b] > 0);
    uint64_t b_start_max = b + 1 < n ? started_ns[b + 1] : first_wake;
    CHECK(started_ns[a] + (uint64_t)ms[a] * 1000000u <= b_start_max + (uint64_t)ms[b] * 1000000u);
  }
  for (int i = 0; i < n; i++) /* equal sleeps: spawn order */
    for (int j = i + 1; j < n; j++)
      if (ms[order[i]] == ms[order[j]])
        CHECK(order[i] < order[j]);
}

static void test_sleep_order(void) {
  /* Idle machine: 4 6 1 3 7 2 5 0 (by ms, ties in spawn order). */
  static const long ms[] = {30, 10, 20, 10, 0, 20, 1, 10};
  uint64_t t0 = now_ms();
  int sum = run_sleepers(8, ms);
  CHECK(now_ms() - t0 >= 30);
  CHECK(sum == 10 * (0 + 1 + 2 + 3 + 4 + 5 + 6 + 7));
  check_timer_order(8, ms);
}

/* Many timers, all the same deadline bucket or random: completion order is
 * by deadline, ties by spawn order (grows the heap and the ready ring). */
static void test_many_timers(void) {
  static long ms[1000];
  unsigned seed = 12345;
  for (int i = 0; i < 1000; i++) {
    seed = seed * 1103515245u + 12345u;
    ms[i] = (long)((seed >> 16) % 4) * 15; /* 0, 15, 30 or 45 */
  }
  run_sleepers(1000, ms);
  check_timer_order(1000, ms);
}

/* ---- sleep(0) lets the others run: two tasks interleave ---- */

static char trace[64];
static int ntrace;

typedef struct yielder_frame {
  yc_coro hdr;
  void *aux; /* async frames carry yc__aux after the header */
  char name;
  int i;
  yc_coro *sub;
} yielder_frame;
ASYNC_TYPE_VOID(yielder, yielder_frame);

static int yielder_resume(yc_coro *c, void *out, const void *in) {
  yielder_frame *f = (yielder_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  default: return YC__RETURN;
  }
  for (f->i = 0; f->i < 3; f->i++) {
    trace[ntrace++] = f->name;
    AWAIT(1, yc_sleep(0));
    FREE_SUB();
    if (THROWN())
      UNWIND();
  }
  RETURN_VOID();
}

static yc_task *yielder(char name) {
  yielder_frame *f = yc__frame_new(&yielder_type);
  f->name = name;
  return (yc_task *)f;
}

typedef struct pair_frame {
  yc_coro hdr;
  void *aux; /* async frames carry yc__aux after the header */
  yc_task *a;
  yc_coro *sub;
} pair_frame;
ASYNC_TYPE_VOID(pair, pair_frame);

static int pair_resume(yc_coro *c, void *out, const void *in) {
  pair_frame *f = (pair_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  case 2: goto resume_2;
  default: return YC__RETURN;
  }
  f->a = yc_spawn(yielder('A'));
  AWAIT(1, yielder('B')); /* inline, not spawned */
  FREE_SUB();
  if (THROWN())
    UNWIND();
  AWAIT(2, f->a);
  FREE_SUB();
  if (THROWN())
    UNWIND();
  RETURN_VOID();
}

static void test_sleep0_interleaves(void) {
  ntrace = 0;
  CHECK(yc_run((yc_task *)yc__frame_new(&pair_type), NULL) == 0);
  trace[ntrace] = 0;
  CHECK(strcmp(trace, "BABABA") == 0 || strcmp(trace, "ABABAB") == 0);
}

/* ---- results and errors of yc_run ---- */

typedef struct answer_frame {
  yc_coro hdr;
  void *aux; /* async frames carry yc__aux after the header */
  int fail;
  int nested_rc;
  yc_coro *sub;
  int ret;
} answer_frame;
ASYNC_TYPE(answer, answer_frame, int, ret);

static int answer_resume(yc_coro *c, void *out, const void *in) {
  answer_frame *f = (answer_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  default: return YC__RETURN;
  }
  /* A loop cannot run inside a loop (asyncio.run from a coroutine). */
  f->nested_rc = yc_run((yc_task *)yc__frame_new(&answer_type), NULL);
  CHECK(f->nested_rc == YC_EINVAL);
  AWAIT(1, yc_sleep(1));
  FREE_SUB();
  if (THROWN())
    UNWIND();
  if (f->fail)
    RAISE(-ENOENT);
  RETURN_VAL(ret, 42);
}

static yc_task *answer(int fail) {
  answer_frame *f = yc__frame_new(&answer_type);
  f->fail = fail;
  return (yc_task *)f;
}

static void test_run_results(void) {
  int r = 0;
  CHECK(yc_run(answer(0), &r) == 0 && r == 42);
  CHECK(yc_run(answer(0), NULL) == 0);
  long wrong = 0;
  CHECK(yc_run(answer(0), &wrong) == YC_ESIZE && wrong == 0);
  r = 7;
  CHECK(yc_run(answer(1), &r) == -ENOENT && r == 7);
  CHECK(yc_run(NULL, NULL) == YC_ENOMEM);
}

/* ---- deadlock: main waits for an item nobody sends ---- */

typedef struct stuck_frame {
  yc_coro hdr;
  void *aux; /* async frames carry yc__aux after the header */
  yc_chan *ch;
  int item;
  yc_coro *sub;
} stuck_frame;
ASYNC_TYPE_VOID(stuck, stuck_frame);
static int stuck_cleanups;

static int stuck_resume(yc_coro *c, void *out, const void *in) {
  stuck_frame *f = (stuck_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  default: return YC__RETURN;
  }
  AWAIT(1, yc_chan_recv(f->ch, &f->item));
  FREE_SUB();
  stuck_cleanups++;
  if (THROWN())
    UNWIND();
  RETURN_VOID();
}

static void test_deadlock(void) {
  stuck_frame *f = yc__frame_new(&stuck_type);
  yc_chan *ch = yc_chan_new(1, sizeof(int));
  f->ch = ch;
  stuck_cleanups = 0;
  CHECK(yc_run((yc_task *)f, NULL) == -EDEADLK);
  CHECK(stuck_cleanups == 1);
  yc_chan_free(ch);
}

static void all(void) {
  test_sleep_order();
  test_many_timers();
  test_sleep0_interleaves();
  test_run_results();
  test_deadlock();
}

int main(void) {
  both_backends(all);
  fprintf(stderr, "test_loop: ok\n");
  return 0;
}
