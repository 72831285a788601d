/* test/runtime/test_sched.c - the round-robin scheduler (yc_sched): turn
 * order A0 B0 A1 B1 A2 B2, tasks of different lengths, a task that fails
 * (its error is returned, the others still run), a task that adds a task
 * while running, many tasks (ring growth), and freeing with tasks queued
 * (their cleanups run).  Tasks are hand-written yc_generator(void) frames. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yieldc/sched.h"

static int failures;
#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                              \
    }                                                                          \
  } while (0)

static char trace[4096];
static void note(char name, int i) {
  size_t n = strlen(trace);
  snprintf(trace + n, sizeof trace - n, "%s%c%d", n ? " " : "", name, i);
}

static int cleanups;
static void bump(int *p) {
  (void)p;
  cleanups++;
}

/* ---- yc_generator(void) task(char name, int n, int fail, yc_sched *s) ------
 *   __attribute__((cleanup(bump))) int guard = 0;
 *   for (int i = 0; i < n; i++) {
 *     note(name, i);
 *     if (s && i == 0) yc_sched_add(s, task('C', 2, 0, NULL));
 *     yield();
 *   }
 *   if (fail) yc_raise(fail);                                                */
struct task__frame {
  yc_coro yc_hdr;
  char name;
  int n;
  int fail;
  yc_sched *s;
  int guard;
  int i;
};
static int task__resume(yc_coro *yc_c, void *yc_out, const void *yc_in);
static const yc__coro_type task__type = {
    "task", task__resume, sizeof(struct task__frame), 0, 0, 0, 0,
    YC__GENERATOR, 0};
static yc_gen *task(char name, int n, int fail, yc_sched *s) {
  struct task__frame *f = yc__frame_new(&task__type);
  if (!f)
    return NULL;
  f->name = name;
  f->n = n;
  f->fail = fail;
  f->s = s;
  return (yc_gen *)&f->yc_hdr;
}
static int task__resume(yc_coro *yc_c, void *yc_out, const void *yc_in) {
  struct task__frame *f = (struct task__frame *)yc_c;
  (void)yc_out, (void)yc_in;
  switch (yc_c->state) {
  case 0: break;
  case 1: goto yc_resume_1;
  default: return YC__RETURN;
  }
  f->guard = 0;
  for (f->i = 0; f->i < f->n; f->i++) {
    note(f->name, f->i);
    if (f->s && f->i == 0)
      yc_sched_add(f->s, task('C', 2, 0, NULL));
    yc_c->state = 1;
    return YC__YIELD;
  yc_resume_1:
    if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE))
      goto yc_unwind_1;
  }
  bump(&f->guard);
  if (f->fail) {
    yc_c->error = f->fail;
    yc_c->state = -1;
    return YC__FAIL;
  }
  yc_c->state = -1;
  return YC__RETURN;
yc_unwind_1:
  bump(&f->guard);
  yc_c->state = -1;
  return (yc_c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;
}

static void test_round_robin(void) {
  trace[0] = 0;
  cleanups = 0;
  yc_sched *s = yc_sched_new();
  CHECK(s != NULL);
  CHECK(yc_sched_add(s, task('A', 3, 0, NULL)) == 0);
  CHECK(yc_sched_add(s, task('B', 3, 0, NULL)) == 0);
  CHECK(trace[0] == 0); /* adding runs nothing */
  CHECK(yc_sched_run(s) == 0);
  CHECK(strcmp(trace, "A0 B0 A1 B1 A2 B2") == 0);
  CHECK(cleanups == 2); /* both finished (and were freed: ASan) */
  CHECK(yc_sched_run(s) == 0); /* empty: nothing to do */
  yc_sched_free(s);
}

static void test_uneven_and_failing(void) {
  trace[0] = 0;
  yc_sched *s = yc_sched_new();
  yc_sched_add(s, task('A', 1, 0, NULL));
  yc_sched_add(s, task('B', 3, -42, NULL));
  yc_sched_add(s, task('D', 2, -43, NULL));
  yc_sched_add(s, task('E', 4, 0, NULL));
  /* The first failure is returned; the others run to their ends. */
  CHECK(yc_sched_run(s) == -43); /* D ends (fails) before B */
  CHECK(strcmp(trace, "A0 B0 D0 E0 B1 D1 E1 B2 E2 E3") == 0);
  yc_sched_free(s);
}

static void test_add_while_running(void) {
  trace[0] = 0;
  yc_sched *s = yc_sched_new();
  yc_sched_add(s, task('A', 3, 0, s)); /* adds C at its first step */
  yc_sched_add(s, task('B', 2, 0, NULL));
  CHECK(yc_sched_run(s) == 0);
  CHECK(strcmp(trace, "A0 B0 C0 A1 B1 C1 A2") == 0);
  yc_sched_free(s);
}

/* ---- yc_generator(void) spawner(yc_sched *s, int n) ----------------------
 *   nested = yc_sched_run(s);          (the scheduler running it: refused)
 *   for (int i = 0; i < n; i++) yc_sched_add(s, task('a' + i % 26, 2, 0, NULL));
 *   yield();                                                                 */
static int nested;
struct spawner__frame {
  yc_coro yc_hdr;
  yc_sched *s;
  int n;
};
static int spawner__resume(yc_coro *yc_c, void *yc_out, const void *yc_in) {
  struct spawner__frame *f = (struct spawner__frame *)yc_c;
  (void)yc_out, (void)yc_in;
  if (yc_c->state != 0) {
    yc_c->state = -1;
    return YC__RETURN;
  }
  nested = yc_sched_run(f->s);
  for (int i = 0; i < f->n; i++)
    CHECK(yc_sched_add(f->s, task((char)('a' + i % 26), 2, 0, NULL)) == 0);
  yc_c->state = 1;
  return YC__YIELD;
}
static const yc__coro_type spawner__type = {
    "spawner", spawner__resume, sizeof(struct spawner__frame), 0, 0, 0, 0, YC__GENERATOR, 0};
static yc_gen *spawner(yc_sched *s, int n) {
  struct spawner__frame *f = yc__frame_new(&spawner__type);
  f->s = s;
  f->n = n;
  return (yc_gen *)&f->yc_hdr;
}

/* A step that adds more tasks than the ring holds: they queue after it in
 * order (the ring grows between steps), and the run does not re-enter. */
static void test_many_added_while_running(void) {
  trace[0] = 0;
  cleanups = 0;
  nested = 0;
  yc_sched *s = yc_sched_new();
  yc_sched_add(s, task('A', 2, 0, NULL));
  yc_sched_add(s, spawner(s, 40));
  yc_sched_add(s, task('B', 2, 0, NULL));
  CHECK(yc_sched_run(s) == 0);
  CHECK(nested == YC_ERUNNING);
  CHECK(cleanups == 42);
  /* The queue is A S B; S's step queues the 40 behind B and A, and itself
   * behind them. */
  char want[512] = "A0 B0 A1";
  for (int i = 0; i < 40; i++)
    snprintf(want + strlen(want), sizeof want - strlen(want), " %c0", 'a' + i % 26);
  snprintf(want + strlen(want), sizeof want - strlen(want), " B1");
  for (int i = 0; i < 40; i++)
    snprintf(want + strlen(want), sizeof want - strlen(want), " %c1", 'a' + i % 26);
  CHECK(strcmp(trace, want) == 0);
  CHECK(yc_sched_run(s) == 0); /* not running any more: runs (nothing) */
  yc_sched_free(s);
}

static void test_many_and_free(void) {
  trace[0] = 0;
  cleanups = 0;
  yc_sched *s = yc_sched_new();
  for (int i = 0; i < 1000; i++)
    CHECK(yc_sched_add(s, task('x', 1, 0, NULL)) == 0);
  CHECK(yc_sched_add(s, NULL) == YC_ENOMEM); /* a failed generator call */
  CHECK(yc_sched_run(s) == 0);
  CHECK(cleanups == 1000);

  /* Freeing with tasks queued: suspended ones are closed (cleanup runs),
   * unstarted ones just freed. */
  cleanups = 0;
  yc_gen *started = task('y', 5, 0, NULL);
  CHECK(yc_next(started, NULL));
  yc_sched_add(s, started);
  yc_sched_add(s, task('z', 5, 0, NULL));
  yc_sched_free(s);
  CHECK(cleanups == 1);
  yc_sched_free(NULL);
}

int main(void) {
  test_round_robin();
  test_uneven_and_failing();
  test_add_while_running();
  test_many_added_while_running();
  test_many_and_free();
  if (failures) {
    fprintf(stderr, "test_sched: %d check(s) failed\n", failures);
    return 1;
  }
  printf("test_sched: all passed\n");
  return 0;
}
