/* test/runtime/test_coro_async.c - the engine's side of async code, with no
 * event loop: YC__PENDING from a leaf leaves the chain intact and the next
 * drive resumes the leaf; await_next (partial delegation of an async
 * generator, items into the consumer's variable); level-triggered
 * cancellation; throwing into an unstarted task; closing a parked chain;
 * and the yc__await_spawned protocol (this file defines the hook itself,
 * standing in for the loop).  Frames are hand-written in generated shape. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "yieldc/coro.h"

static int failures;
#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                              \
    }                                                                          \
  } while (0)

/* ---- a runtime leaf: ticket(v) waits once, then returns 2 * v --------------
 * Like yc_sleep: the first resume "arms" a wake-up and returns PENDING. */
static int armed, resolved, leaf_closed;
struct ticket__frame {
  yc_coro yc_hdr;
  void *yc_aux; /* async frames carry yc__aux after the header */
  int value;
  int result;
};
static int ticket__resume(yc_coro *yc_c, void *yc_out, const void *yc_in);
static const yc__coro_type ticket__type = {
    "ticket", ticket__resume, sizeof(struct ticket__frame), 0, 0,
    sizeof(int), offsetof(struct ticket__frame, result), YC__LEAF, 0};
static yc_task *ticket(int v) {
  struct ticket__frame *f = yc__frame_new(&ticket__type);
  if (!f)
    return NULL;
  f->value = v;
  return (yc_task *)&f->yc_hdr;
}
static int ticket__resume(yc_coro *yc_c, void *yc_out, const void *yc_in) {
  struct ticket__frame *f = (struct ticket__frame *)yc_c;
  (void)yc_out, (void)yc_in;
  switch (yc_c->state) {
  case 0: break;
  case 1: goto yc_resume_1;
  default: return YC__RETURN;
  }
  armed++;
  yc_c->state = 1;
  return YC__PENDING;
yc_resume_1:
  yc_c->state = -1;
  if (yc_c->flags & YC__F_CLOSE) { /* disarm */
    leaf_closed++;
    return YC__RETURN;
  }
  if (yc_c->flags & YC__F_THROW)
    return YC__FAIL; /* the error is in yc_c->error */
  resolved++;
  f->result = 2 * f->value;
  yc_c->flags |= YC__F_HAS_RESULT;
  return YC__RETURN;
}

/* ---- yc_async(int) pair(int v) ----------------------------------------------
 *   int a = await(ticket(v), int);  int b = await(ticket(a), int);
 *   yc_return(a + b);                                                       */
static int pair_started;
struct pair__frame {
  yc_coro yc_hdr;
  void *yc_aux; /* async frames carry yc__aux after the header */
  int v;
  yc_task *yc_t1;
  int a, b;
  int yc_ret;
};
static int pair__resume(yc_coro *yc_c, void *yc_out, const void *yc_in);
static const yc__coro_type pair__type = {
    "pair", pair__resume, sizeof(struct pair__frame), 0, 0, sizeof(int),
    offsetof(struct pair__frame, yc_ret), YC__ASYNC, 0};
static yc_task *pair(int v) {
  struct pair__frame *f = yc__frame_new(&pair__type);
  if (!f)
    return NULL;
  f->v = v;
  return (yc_task *)&f->yc_hdr;
}
static int pair__resume(yc_coro *yc_c, void *yc_out, const void *yc_in) {
  struct pair__frame *f = (struct pair__frame *)yc_c;
  (void)yc_out, (void)yc_in;
  switch (yc_c->state) {
  case 0: break;
  case 1: goto yc_resume_1;
  case 2: goto yc_resume_2;
  default: return YC__RETURN;
  }
  pair_started++;
  f->yc_t1 = ticket(f->v);
  yc_c->state = 1;
  return yc__delegate(yc_c, (yc_coro *)f->yc_t1);
yc_resume_1:
  if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE)) {
    yc_free(f->yc_t1);
    f->yc_t1 = NULL;
    goto yc_unwind;
  }
  f->a = *(int *)yc__result_ptr((yc_coro *)f->yc_t1);
  yc_free(f->yc_t1);
  f->yc_t1 = ticket(f->a);
  yc_c->state = 2;
  return yc__delegate(yc_c, (yc_coro *)f->yc_t1);
yc_resume_2:
  if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE)) {
    yc_free(f->yc_t1);
    f->yc_t1 = NULL;
    goto yc_unwind;
  }
  f->b = *(int *)yc__result_ptr((yc_coro *)f->yc_t1);
  yc_free(f->yc_t1);
  f->yc_t1 = NULL;
  f->yc_ret = f->a + f->b;
  yc_c->flags |= YC__F_HAS_RESULT;
  yc_c->state = -1;
  return YC__RETURN;
yc_unwind:
  yc_c->state = -1;
  return (yc_c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;
}

/* ---- yc_async(int) stubborn(void) -------------------------------------------
 *   yc_try { await(ticket(1)); } yc_catch (err) { caught1 = err; }
 *   yc_try { await(ticket(2)); } yc_catch (err) { caught2 = err; }
 *   yc_return(7);                                                           */
static int caught1, caught2;
struct stubborn__frame {
  yc_coro yc_hdr;
  void *yc_aux; /* async frames carry yc__aux after the header */
  yc_task *yc_t1;
  int err;
  int yc_ret;
};
static int stubborn__resume(yc_coro *yc_c, void *yc_out, const void *yc_in);
static const yc__coro_type stubborn__type = {
    "stubborn", stubborn__resume, sizeof(struct stubborn__frame), 0, 0,
    sizeof(int), offsetof(struct stubborn__frame, yc_ret), YC__ASYNC, 0};
static yc_task *stubborn(void) {
  struct stubborn__frame *f = yc__frame_new(&stubborn__type);
  return f ? (yc_task *)&f->yc_hdr : NULL;
}
static int stubborn__resume(yc_coro *yc_c, void *yc_out, const void *yc_in) {
  struct stubborn__frame *f = (struct stubborn__frame *)yc_c;
  (void)yc_out, (void)yc_in;
  switch (yc_c->state) {
  case 0: break;
  case 1: goto yc_resume_1;
  case 2: goto yc_resume_2;
  default: return YC__RETURN;
  }
  f->yc_t1 = ticket(1);
  yc_c->state = 1;
  return yc__delegate(yc_c, (yc_coro *)f->yc_t1);
yc_resume_1:
  yc_free(f->yc_t1);
  f->yc_t1 = NULL;
  if (yc_c->flags & YC__F_CLOSE)
    goto yc_unwind;
  if (yc_c->flags & YC__F_THROW) {
    f->err = yc_c->error; /* yc_catch (err) */
    caught1 = f->err;
  }
  f->yc_t1 = ticket(2);
  yc_c->state = 2;
  return yc__delegate(yc_c, (yc_coro *)f->yc_t1);
yc_resume_2:
  yc_free(f->yc_t1);
  f->yc_t1 = NULL;
  if (yc_c->flags & YC__F_CLOSE)
    goto yc_unwind;
  if (yc_c->flags & YC__F_THROW) {
    f->err = yc_c->error;
    caught2 = f->err;
  }
  f->yc_ret = 7;
  yc_c->flags |= YC__F_HAS_RESULT;
  yc_c->state = -1;
  return YC__RETURN;
yc_unwind:
  yc_c->state = -1;
  return (yc_c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;
}

/* ---- yc_async_generator(int) nums(int n) ------------------------------------
 *   for (int i = 0; i < n; i++) { int t = await(ticket(i), int); yield(t + 1); }
 */
struct nums__frame {
  yc_coro yc_hdr;
  void *yc_aux; /* async frames carry yc__aux after the header */
  int n;
  int i;
  yc_task *yc_t1;
  int t;
};
static int nums__resume(yc_coro *yc_c, void *yc_out, const void *yc_in);
static const yc__coro_type nums__type = {
    "nums", nums__resume, sizeof(struct nums__frame), sizeof(int), 0, 0, 0,
    YC__ASYNC_GEN, 0};
static yc_agen *nums(int n) {
  struct nums__frame *f = yc__frame_new(&nums__type);
  if (!f)
    return NULL;
  f->n = n;
  return (yc_agen *)&f->yc_hdr;
}
static int nums__resume(yc_coro *yc_c, void *yc_out, const void *yc_in) {
  struct nums__frame *f = (struct nums__frame *)yc_c;
  (void)yc_in;
  switch (yc_c->state) {
  case 0: break;
  case 1: goto yc_resume_1;
  case 2: goto yc_resume_2;
  default: return YC__RETURN;
  }
  for (f->i = 0; f->i < f->n; f->i++) {
    f->yc_t1 = ticket(f->i);
    yc_c->state = 1;
    return yc__delegate(yc_c, (yc_coro *)f->yc_t1);
  yc_resume_1:
    if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE)) {
      yc_free(f->yc_t1);
      f->yc_t1 = NULL;
      goto yc_unwind;
    }
    f->t = *(int *)yc__result_ptr((yc_coro *)f->yc_t1);
    yc_free(f->yc_t1);
    f->yc_t1 = NULL;
    if (yc_out)
      *(int *)yc_out = f->t + 1;
    yc_c->state = 2;
    return YC__YIELD;
  yc_resume_2:
    if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE))
      goto yc_unwind;
  }
  yc_c->state = -1;
  return YC__RETURN;
yc_unwind:
  yc_c->state = -1;
  return (yc_c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;
}

/* ---- yc_async(int) summer(int n) --------------------------------------------
 *   yc_agen *s = nums(n);  int x, sum = 0;
 *   while (await_next(s, &x)) { sum += x; count++; }
 *   yc_free(s);  yc_return(sum);
 * (wide: the same with `long long x`, for the item size check.)          */
static int items_seen;
struct summer__frame {
  yc_coro yc_hdr;
  void *yc_aux; /* async frames carry yc__aux after the header */
  int n;
  bool wide; /* uses wide_x: the size mismatch test */
  yc_agen *s;
  int x;
  long long wide_x;
  bool yc_t1;
  int sum;
  int yc_ret;
};
static int summer__resume(yc_coro *yc_c, void *yc_out, const void *yc_in);
static const yc__coro_type summer__type = {
    "summer", summer__resume, sizeof(struct summer__frame), 0, 0, sizeof(int),
    offsetof(struct summer__frame, yc_ret), YC__ASYNC, 0};
static yc_task *summer(int n, bool wide) {
  struct summer__frame *f = yc__frame_new(&summer__type);
  if (!f)
    return NULL;
  f->n = n;
  f->wide = wide;
  return (yc_task *)&f->yc_hdr;
}
static int summer__resume(yc_coro *yc_c, void *yc_out, const void *yc_in) {
  struct summer__frame *f = (struct summer__frame *)yc_c;
  (void)yc_out;
  switch (yc_c->state) {
  case 0: break;
  case 1: goto yc_resume_1;
  default: return YC__RETURN;
  }
  f->s = nums(f->n);
  f->sum = 0;
  for (;;) {
    yc_c->state = 1;
    if (f->wide)
      return yc__await_next(yc_c, f->s, &f->wide_x, sizeof f->wide_x);
    return yc__await_next(yc_c, f->s, &f->x, sizeof f->x);
  yc_resume_1:
    if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE))
      goto yc_unwind;
    f->yc_t1 = *(const bool *)yc_in;
    if (!f->yc_t1)
      break;
    items_seen++;
    f->sum += f->x;
  }
  yc_free(f->s);
  f->s = NULL;
  f->yc_ret = f->sum;
  yc_c->flags |= YC__F_HAS_RESULT;
  yc_c->state = -1;
  return YC__RETURN;
yc_unwind:
  yc_free(f->s); /* the cleanup of s */
  f->s = NULL;
  yc_c->state = -1;
  return (yc_c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;
}

/* ---- yc_async(int) awaiter(yc_task *t) ---------------------------------------
 *   int r = await(t, int);  yc_return(r + 1);                               */
struct awaiter__frame {
  yc_coro yc_hdr;
  void *yc_aux; /* async frames carry yc__aux after the header */
  yc_task *t;
  int r;
  int yc_ret;
};
static int awaiter__resume(yc_coro *yc_c, void *yc_out, const void *yc_in);
static const yc__coro_type awaiter__type = {
    "awaiter", awaiter__resume, sizeof(struct awaiter__frame), 0, 0,
    sizeof(int), offsetof(struct awaiter__frame, yc_ret), YC__ASYNC, 0};
static yc_task *awaiter(yc_task *t) {
  struct awaiter__frame *f = yc__frame_new(&awaiter__type);
  if (!f)
    return NULL;
  f->t = t;
  return (yc_task *)&f->yc_hdr;
}
static int awaiter__resume(yc_coro *yc_c, void *yc_out, const void *yc_in) {
  struct awaiter__frame *f = (struct awaiter__frame *)yc_c;
  (void)yc_out, (void)yc_in;
  switch (yc_c->state) {
  case 0: break;
  case 1: goto yc_resume_1;
  default: return YC__RETURN;
  }
  yc_c->state = 1;
  return yc__delegate(yc_c, (yc_coro *)f->t);
yc_resume_1:
  if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE)) {
    yc_free(f->t);
    f->t = NULL;
    goto yc_unwind;
  }
  f->r = *(int *)yc__result_ptr((yc_coro *)f->t);
  yc_free(f->t);
  f->t = NULL;
  f->yc_ret = f->r + 1;
  yc_c->flags |= YC__F_HAS_RESULT;
  yc_c->state = -1;
  return YC__RETURN;
yc_unwind:
  yc_c->state = -1;
  return (yc_c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;
}

/* ---- the loop's hook, played by the test ---------------------------------- */
static yc_coro *parked_root, *parked_awaiter, *parked_task;
static int spawned_answer = YC__PENDING;
int yc__await_spawned(yc_coro *root, yc_coro *awaiter, yc_coro *task) {
  parked_root = root;
  parked_awaiter = awaiter;
  parked_task = task;
  return spawned_answer;
}
static int spawned_freed;
void yc__free_spawned(yc_coro *task) {
  spawned_freed++;
  yc__free_frame(task);
}

/* Drive like a loop would: until it is no longer pending. */
static int drive_all(yc_coro *root, int *pendings) {
  int r;
  *pendings = 0;
  while ((r = yc__drive(root, NULL, NULL)) == YC__PENDING)
    ++*pendings;
  return r;
}

/* ---- tests --------------------------------------------------------------- */

static void test_pending_propagation(void) {
  armed = resolved = 0;
  yc_coro *root = (yc_coro *)pair(5);
  CHECK(yc__drive(root, NULL, NULL) == YC__PENDING);
  /* The chain is intact: the leaf is the innermost frame, linked to root. */
  CHECK(root->link && root->link->type == &ticket__type);
  CHECK(root->link->link == root && (root->link->flags & YC__F_DELEGATED));
  CHECK(root->status == YC__SUSPENDED);
  CHECK(armed == 1 && resolved == 0);
  CHECK(yc__drive(root, NULL, NULL) == YC__PENDING); /* leaf resumed first */
  CHECK(resolved == 1 && armed == 2);
  CHECK(((struct pair__frame *)root)->a == 10);
  CHECK(yc__drive(root, NULL, NULL) == YC__RETURN);
  CHECK(resolved == 2);
  int r = 0;
  CHECK(yc_result(root, &r) && r == 30); /* 10 + 20 */
  CHECK(root->link == NULL && yc_done((yc_gen *)root));
  CHECK(yc__drive(root, NULL, NULL) == YC__RETURN); /* finished stays so */
  yc_free(root);
}

static void test_cancellation(void) {
  /* Level-triggered: after catching the cancellation, the next await fails
   * at once without running its leaf. */
  armed = 0;
  caught1 = caught2 = 0;
  yc_coro *root = (yc_coro *)stubborn();
  CHECK(yc__drive(root, NULL, NULL) == YC__PENDING && armed == 1);
  root->flags |= YC__F_CANCELLED;
  CHECK(yc__drive_throw(root, YC_ECANCELLED, NULL) == YC__RETURN);
  CHECK(caught1 == YC_ECANCELLED);
  CHECK(caught2 == YC_ECANCELLED);
  CHECK(armed == 1); /* ticket(2) never ran */
  int r = 0;
  CHECK(yc_result(root, &r) && r == 7);
  yc_free(root);

  /* Uncaught: the task fails with YC_ECANCELLED. */
  root = (yc_coro *)pair(1);
  CHECK(yc__drive(root, NULL, NULL) == YC__PENDING);
  root->flags |= YC__F_CANCELLED;
  CHECK(yc__drive_throw(root, YC_ECANCELLED, NULL) == YC__FAIL);
  CHECK(root->status == YC__FAILED && root->error == YC_ECANCELLED);
  CHECK(root->link == NULL);
  yc_free(root);

  /* Cancelled before it ever ran: fails without running its body. */
  pair_started = 0;
  root = (yc_coro *)pair(1);
  root->flags |= YC__F_CANCELLED;
  CHECK(yc__drive_throw(root, YC_ECANCELLED, NULL) == YC__FAIL);
  CHECK(pair_started == 0 && root->error == YC_ECANCELLED);
  yc_free(root);

  /* Cancelled flag set while running: its next delegation fails. */
  armed = 0;
  root = (yc_coro *)pair(1);
  root->flags |= YC__F_CANCELLED;
  CHECK(yc__drive(root, NULL, NULL) == YC__FAIL);
  CHECK(armed == 0 && root->error == YC_ECANCELLED);
  yc_free(root);
}

static void test_close_parked(void) {
  leaf_closed = 0;
  yc_coro *root = (yc_coro *)pair(3);
  CHECK(yc__drive(root, NULL, NULL) == YC__PENDING);
  yc_free(root); /* closes the leaf first (disarms), frees all (ASan) */
  CHECK(leaf_closed == 1);
}

static void test_await_next(void) {
  armed = resolved = items_seen = 0;
  yc_coro *root = (yc_coro *)summer(4, false);
  int pendings;
  long long sentinel = 12345;
  CHECK(yc__drive(root, &sentinel, NULL) == YC__PENDING);
  /* consumer -> agen -> leaf */
  CHECK(root->link && root->link->type == &ticket__type);
  CHECK(root->link->link->type == &nums__type);
  CHECK(root->link->link->flags & YC__F_PARTIAL);
  CHECK(root->link->link->link == root);
  int r = drive_all(root, &pendings);
  CHECK(r == YC__RETURN);
  CHECK(pendings == 3); /* 4 tickets, the first counted above */
  CHECK(sentinel == 12345); /* items went to x, not to the root's out */
  CHECK(items_seen == 4);
  int sum = 0;
  CHECK(yc_result(root, &sum) && sum == (0 + 2 + 4 + 6) + 4);
  yc_free(root);

  /* An empty async generator: false at once. */
  items_seen = 0;
  root = (yc_coro *)summer(0, false);
  CHECK(yc__drive(root, NULL, NULL) == YC__RETURN);
  CHECK(items_seen == 0 && yc_result(root, &sum) && sum == 0);
  yc_free(root);

  /* Wrong item size: ESIZE arrives in the consumer, nums never runs. */
  armed = 0;
  root = (yc_coro *)summer(3, true);
  fflush(stderr);
  int saved = dup(2), devnull = open("/dev/null", O_WRONLY);
  dup2(devnull, 2);
  close(devnull);
  r = yc__drive(root, NULL, NULL);
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  CHECK(r == YC__FAIL && root->error == YC_ESIZE && armed == 0);
  yc_free(root);

  /* Cancellation while parked inside the async generator. */
  root = (yc_coro *)summer(3, false);
  CHECK(yc__drive(root, NULL, NULL) == YC__PENDING);
  CHECK(yc__drive(root, NULL, NULL) == YC__PENDING); /* one item seen */
  root->flags |= YC__F_CANCELLED;
  CHECK(yc__drive_throw(root, YC_ECANCELLED, NULL) == YC__FAIL);
  CHECK(root->error == YC_ECANCELLED);
  yc_free(root);

  /* Close while parked inside the async generator. */
  leaf_closed = 0;
  root = (yc_coro *)summer(3, false);
  CHECK(yc__drive(root, NULL, NULL) == YC__PENDING);
  yc_free(root);
  CHECK(leaf_closed == 1);
}

static yc_coro *spawned_ticket(int value) {
  /* Stands for a task the loop runs on its own (still parked there). */
  struct ticket__frame *t = yc__frame_new(&ticket__type);
  t->value = value;
  t->yc_hdr.flags |= YC__F_SPAWNED;
  t->yc_hdr.state = 1;
  t->yc_hdr.status = YC__SUSPENDED;
  return &t->yc_hdr;
}
static void finish_ticket(yc_coro *t, int err) {
  struct ticket__frame *f = (struct ticket__frame *)t;
  t->state = -1;
  if (err) {
    t->status = YC__FAILED;
    t->error = err;
  } else {
    t->status = YC__DONE;
    f->result = 2 * f->value;
    t->flags |= YC__F_HAS_RESULT;
  }
}

static void test_await_spawned(void) {
  /* Unfinished: the engine asks the loop to park the awaiter's root. */
  spawned_answer = YC__PENDING;
  parked_root = parked_awaiter = parked_task = NULL;
  spawned_freed = 0;
  yc_coro *t = spawned_ticket(4);
  yc_coro *root = (yc_coro *)awaiter((yc_task *)t);
  CHECK(yc__drive(root, NULL, NULL) == YC__PENDING);
  CHECK(parked_root == root && parked_awaiter == root && parked_task == t);
  CHECK(root->link == NULL);                 /* the awaiter is innermost */
  CHECK(!(t->flags & YC__F_DELEGATED));      /* the task stays its own root */
  CHECK(root->status == YC__SUSPENDED);
  finish_ticket(t, 0);                       /* the loop ran it to the end */
  CHECK(yc__drive(root, NULL, NULL) == YC__RETURN);
  int r = 0;
  CHECK(yc_result(root, &r) && r == 9);      /* 2 * 4 + 1 */
  CHECK(spawned_freed == 1);                 /* yc_free went to the hook */
  yc_free(root);

  /* It failed meanwhile: the loop throws its error into the root. */
  t = spawned_ticket(4);
  root = (yc_coro *)awaiter((yc_task *)t);
  CHECK(yc__drive(root, NULL, NULL) == YC__PENDING);
  finish_ticket(t, -5);
  CHECK(yc__drive_throw(root, t->error, NULL) == YC__FAIL);
  CHECK(root->error == -5);
  yc_free(root);

  /* Finished before the await: no parking, the result at once. */
  parked_task = NULL;
  t = spawned_ticket(3);
  finish_ticket(t, 0);
  root = (yc_coro *)awaiter((yc_task *)t);
  CHECK(yc__drive(root, NULL, NULL) == YC__RETURN);
  CHECK(parked_task == NULL);
  CHECK(yc_result(root, &r) && r == 7);
  yc_free(root);

  /* Failed before the await: its error arrives at once. */
  t = spawned_ticket(3);
  finish_ticket(t, -9);
  root = (yc_coro *)awaiter((yc_task *)t);
  CHECK(yc__drive(root, NULL, NULL) == YC__FAIL && root->error == -9);
  CHECK(parked_task == NULL);
  yc_free(root);

  /* The hook refuses (as the weak default does, with YC_EINVAL). */
  spawned_answer = YC_EINVAL;
  t = spawned_ticket(3);
  root = (yc_coro *)awaiter((yc_task *)t);
  CHECK(yc__drive(root, NULL, NULL) == YC__FAIL && root->error == YC_EINVAL);
  yc_free(root);
  spawned_answer = YC__PENDING;

  /* A cancelled root does not even ask. */
  parked_task = NULL;
  t = spawned_ticket(3);
  root = (yc_coro *)awaiter((yc_task *)t);
  root->flags |= YC__F_CANCELLED;
  CHECK(yc__drive(root, NULL, NULL) == YC__FAIL);
  CHECK(root->error == YC_ECANCELLED && parked_task == NULL);
  yc_free(root);
  CHECK(spawned_freed == 6);
}

int main(void) {
  test_pending_propagation();
  test_cancellation();
  test_close_parked();
  test_await_next();
  test_await_spawned();
  if (failures) {
    fprintf(stderr, "test_coro_async: %d check(s) failed\n", failures);
    return 1;
  }
  printf("test_coro_async: all passed\n");
  return 0;
}
