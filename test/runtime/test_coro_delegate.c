/* test/runtime/test_coro_delegate.c - yield_from (PEP 380) in the engine:
 * return values, send and throw forwarded to the innermost frame, close of
 * a chain innermost-first, delegation to a partly consumed / exhausted /
 * NULL / own generator, and a 20,000-deep chain that must run, throw and
 * free without C recursion (run it under ASan: a recursive engine would
 * overflow its stack).  Frames are hand-written in the generated shape. */
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

/* Cleanup record: how many ran, the first few ids in order, and whether
 * every id was lower than the one before (innermost = highest id first). */
static int rec_count, rec_first[8], rec_last;
static bool rec_descending;
static void rec_reset(void) {
  rec_count = 0;
  rec_last = 1 << 30;
  rec_descending = true;
}
static void record(int *id) {
  if (rec_count < 8)
    rec_first[rec_count] = *id;
  if (*id >= rec_last)
    rec_descending = false;
  rec_last = *id;
  rec_count++;
}

static int last_sent, caught_by, caught_err;

/* Silence stderr around an expected diagnostic (the message itself is
 * checked in test_coro.c). */
static int quiet_saved = -1;
static void quiet(bool on) {
  fflush(stderr);
  if (on) {
    int devnull = open("/dev/null", O_WRONLY);
    quiet_saved = dup(2);
    dup2(devnull, 2);
    close(devnull);
  } else {
    dup2(quiet_saved, 2);
    close(quiet_saved);
  }
}

/* ---- yc_generator(int, int, int) node(int id, int depth, int n, bool catching)
 *   __attribute__((cleanup(record))) int me = id;
 *   if (depth > 0) {
 *     int r = yield_from(node(id + 1, depth - 1, n, catching), int);
 *     yc_return(r + 1);
 *   }
 *   for (int i = 0; i < n; i++) {
 *     if (catching) {
 *       yc_try { int x = yield(id * 10 + i, int); last_sent = x; }
 *       yc_catch (err) { caught_by = id; caught_err = err; }
 *     } else { int x = yield(id * 10 + i, int); last_sent = x; }
 *   }
 *   yc_return(0);
 * (the two yields share one resume point here: the catching flag decides
 * what the unwind does, as the two branches' unwinds would.) */
struct node__frame {
  yc_coro yc_hdr;
  int id, depth, n;
  bool catching;
  int me;
  yc_gen *yc_t1;
  int r;
  int i;
  int x;
  int err;
  int yc_ret;
};
static int node__resume(yc_coro *yc_c, void *yc_out, const void *yc_in);
static const yc__coro_type node__type = {
    "node", node__resume, sizeof(struct node__frame), sizeof(int),
    sizeof(int), sizeof(int), offsetof(struct node__frame, yc_ret),
    YC__GENERATOR, 0};
static yc_gen *node(int id, int depth, int n, bool catching) {
  struct node__frame *f = yc__frame_new(&node__type);
  if (!f)
    return NULL;
  f->id = id;
  f->depth = depth;
  f->n = n;
  f->catching = catching;
  return (yc_gen *)&f->yc_hdr;
}
static int node__resume(yc_coro *yc_c, void *yc_out, const void *yc_in) {
  struct node__frame *f = (struct node__frame *)yc_c;
  switch (yc_c->state) {
  case 0: break;
  case 1: goto yc_resume_1;
  case 2: goto yc_resume_2;
  default: return YC__RETURN;
  }
  f->me = f->id;
  if (f->depth > 0) {
    f->yc_t1 = node(f->id + 1, f->depth - 1, f->n, f->catching);
    yc_c->state = 1;
    return yc__delegate(yc_c, (yc_coro *)f->yc_t1);
  yc_resume_1:
    if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE)) {
      yc_free(f->yc_t1);
      f->yc_t1 = NULL;
      goto yc_unwind;
    }
    if ((yc_c->error = yc__check_result((yc_coro *)f->yc_t1, sizeof(int)))) {
      yc_free(f->yc_t1);
      f->yc_t1 = NULL;
      goto yc_unwind;
    }
    f->r = *(int *)yc__result_ptr((yc_coro *)f->yc_t1);
    yc_free(f->yc_t1);
    f->yc_t1 = NULL;
    f->yc_ret = f->r + 1;
    yc_c->flags |= YC__F_HAS_RESULT;
    record(&f->me);
    yc_c->state = -1;
    return YC__RETURN;
  }
  for (f->i = 0; f->i < f->n; f->i++) {
    if (yc_out)
      *(int *)yc_out = f->id * 10 + f->i;
    yc_c->state = 2;
    return YC__YIELD;
  yc_resume_2:
    if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE)) {
      if ((yc_c->flags & YC__F_CLOSE) || !f->catching)
        goto yc_unwind;
      /* yc_catch (err) */
      f->err = yc_c->error;
      caught_by = f->id;
      caught_err = f->err;
      continue;
    }
    if ((yc_c->error = yc__check_sent(yc_c, yc_in, sizeof(int))) != 0)
      goto yc_unwind;
    f->x = yc_in ? *(const int *)yc_in : 0;
    last_sent = f->x;
  }
  f->yc_ret = 0;
  yc_c->flags |= YC__F_HAS_RESULT;
  record(&f->me);
  yc_c->state = -1;
  return YC__RETURN;
yc_unwind:
  record(&f->me);
  yc_c->state = -1;
  return (yc_c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;
}

/* A type that claims 8-byte yields, for the Y-mismatch check (it is refused
 * before its resume function could ever run). */
static const yc__coro_type wide__type = {
    "wide", node__resume, sizeof(struct node__frame), sizeof(long long),
    sizeof(int), sizeof(int), offsetof(struct node__frame, yc_ret),
    YC__GENERATOR, 0};

/* ---- yc_generator(int, int, int) wrap(yc_gen *g) --------------------------
 *   int r = yield_from(g, int);  yc_return(r + 1000);                      */
struct wrap__frame {
  yc_coro yc_hdr;
  yc_gen *g;
  int r;
  int yc_ret;
};
static int wrap__resume(yc_coro *yc_c, void *yc_out, const void *yc_in);
static const yc__coro_type wrap__type = {
    "wrap", wrap__resume, sizeof(struct wrap__frame), sizeof(int),
    sizeof(int), sizeof(int), offsetof(struct wrap__frame, yc_ret),
    YC__GENERATOR, 0};
static yc_gen *wrap(yc_gen *g) {
  struct wrap__frame *f = yc__frame_new(&wrap__type);
  if (!f)
    return NULL;
  f->g = g;
  return (yc_gen *)&f->yc_hdr;
}
static int wrap__resume(yc_coro *yc_c, void *yc_out, const void *yc_in) {
  struct wrap__frame *f = (struct wrap__frame *)yc_c;
  (void)yc_out, (void)yc_in;
  switch (yc_c->state) {
  case 0: break;
  case 1: goto yc_resume_1;
  default: return YC__RETURN;
  }
  yc_c->state = 1;
  return yc__delegate(yc_c, (yc_coro *)f->g);
yc_resume_1:
  if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE)) {
    if (f->g != (yc_gen *)yc_c) /* yield_from(self) must not free itself */
      yc_free(f->g);
    f->g = NULL;
    goto yc_unwind;
  }
  if ((yc_c->error = yc__check_result((yc_coro *)f->g, sizeof(int)))) {
    yc_free(f->g);
    f->g = NULL;
    goto yc_unwind;
  }
  f->r = *(int *)yc__result_ptr((yc_coro *)f->g);
  yc_free(f->g);
  f->g = NULL;
  f->yc_ret = f->r + 1000;
  yc_c->flags |= YC__F_HAS_RESULT;
  yc_c->state = -1;
  return YC__RETURN;
yc_unwind:
  yc_c->state = -1;
  return (yc_c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;
}

/* ---- yc_generator(int, int, int) poker(yc_gen **root) -----------------------
 *   int v;  bool ok = yc_next(*root, &v);  int err = yc_error(*root);
 *   yield(ok ? 1000 : err);                                                 */
struct poker__frame {
  yc_coro yc_hdr;
  yc_gen **root;
  int v;
  bool ok;
  int err;
  int yc_ret;
};
static int poker__resume(yc_coro *yc_c, void *yc_out, const void *yc_in);
static const yc__coro_type poker__type = {
    "poker", poker__resume, sizeof(struct poker__frame), sizeof(int),
    sizeof(int), sizeof(int), offsetof(struct poker__frame, yc_ret),
    YC__GENERATOR, 0};
static yc_gen *poker(yc_gen **root) {
  struct poker__frame *f = yc__frame_new(&poker__type);
  if (!f)
    return NULL;
  f->root = root;
  return (yc_gen *)&f->yc_hdr;
}
static int poker__resume(yc_coro *yc_c, void *yc_out, const void *yc_in) {
  struct poker__frame *f = (struct poker__frame *)yc_c;
  (void)yc_in;
  switch (yc_c->state) {
  case 0: break;
  case 1: goto yc_resume_1;
  default: return YC__RETURN;
  }
  f->ok = yc_next(*f->root, &f->v);
  f->err = yc_error(*f->root);
  if (yc_out)
    *(int *)yc_out = f->ok ? 1000 : f->err;
  yc_c->state = 1;
  return YC__YIELD;
yc_resume_1:
  if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE))
    goto yc_unwind;
  yc_c->state = -1;
  return YC__RETURN;
yc_unwind:
  yc_c->state = -1;
  return (yc_c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;
}

/* ---- yc_generator(int, int) rescue(yc_gen *g) ------------------------------
 *   yc_try { yield_from(g); } yc_catch (err) { yield(-err); }              */
struct rescue__frame {
  yc_coro yc_hdr;
  yc_gen *g;
  int err;
};
static int rescue__resume(yc_coro *yc_c, void *yc_out, const void *yc_in);
static const yc__coro_type rescue__type = {
    "rescue", rescue__resume, sizeof(struct rescue__frame), sizeof(int),
    sizeof(int), 0, 0, YC__GENERATOR, 0};
static yc_gen *rescue(yc_gen *g) {
  struct rescue__frame *f = yc__frame_new(&rescue__type);
  if (!f)
    return NULL;
  f->g = g;
  return (yc_gen *)&f->yc_hdr;
}
static int rescue__resume(yc_coro *yc_c, void *yc_out, const void *yc_in) {
  struct rescue__frame *f = (struct rescue__frame *)yc_c;
  (void)yc_in;
  switch (yc_c->state) {
  case 0: break;
  case 1: goto yc_resume_1;
  case 2: goto yc_resume_2;
  default: return YC__RETURN;
  }
  yc_c->state = 1;
  return yc__delegate(yc_c, (yc_coro *)f->g);
yc_resume_1:
  yc_free(f->g);
  f->g = NULL;
  if (yc_c->flags & YC__F_CLOSE)
    goto yc_unwind;
  if (yc_c->flags & YC__F_THROW) {
    f->err = yc_c->error; /* yc_catch (err) */
    if (yc_out)
      *(int *)yc_out = -f->err;
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

/* ---- tests --------------------------------------------------------------- */

static void test_yield_from_result(void) {
  /* node 1 -> node 2 -> node 3 (leaf, yields 30 31 32). */
  rec_reset();
  yc_gen *g = node(1, 2, 3, false);
  int v = -1, in;
  CHECK(yc_next(g, &v) && v == 30);
  /* The root's link is the innermost frame, a delegate links upward. */
  yc_coro *root = (yc_coro *)g;
  CHECK(root->link && ((struct node__frame *)root->link)->id == 3);
  CHECK(root->link->flags & YC__F_DELEGATED);
  CHECK(((struct node__frame *)root->link->link)->id == 2);
  CHECK(root->link->link->link == root);
  in = 7;
  CHECK(yc_send(g, &in, &v) && v == 31);
  CHECK(last_sent == 7); /* the send reached the innermost frame */
  CHECK(yc_next(g, &v) && v == 32);
  CHECK(last_sent == 0);
  CHECK(!yc_next(g, &v));
  CHECK(yc_error(g) == 0);
  int r = -1;
  CHECK(yc_result(g, &r) && r == 2); /* leaf 0, +1 per delegator */
  CHECK(rec_count == 3 && rec_descending);
  CHECK(rec_first[0] == 3 && rec_first[2] == 1);
  CHECK(root->link == NULL);
  yc_free(g);
}

static void test_throw_forwarded(void) {
  /* Caught by the innermost frame, which yields again. */
  rec_reset();
  caught_by = caught_err = 0;
  yc_gen *g = node(1, 3, 3, true);
  int v;
  CHECK(yc_next(g, &v) && v == 40);
  CHECK(yc_throw(g, 5, &v) && v == 41);
  CHECK(caught_by == 4 && caught_err == 5);
  CHECK(rec_count == 0); /* nothing unwound */
  CHECK(yc_next(g, &v) && v == 42);
  CHECK(!yc_next(g, &v));
  int r;
  CHECK(yc_result(g, &r) && r == 3);
  CHECK(rec_count == 4 && rec_descending);
  yc_free(g);

  /* Uncaught: every frame unwinds, innermost first; the root fails. */
  rec_reset();
  g = node(1, 3, 3, false);
  CHECK(yc_next(g, &v) && v == 40);
  CHECK(!yc_throw(g, -22, &v));
  CHECK(rec_count == 4 && rec_descending && rec_first[0] == 4);
  CHECK(yc_done(g));
  CHECK(yc_error(g) == -22);
  CHECK(yc_error(g) == 0);
  CHECK(!yc_result(g, &r));
  yc_free(g);
}

static void test_delegator_catches(void) {
  /* The sub fails with a thrown error; its delegator catches it and yields
   * again (Python: try: yield from sub() except E: yield ...). */
  rec_reset();
  yc_gen *g = rescue(node(1, 2, 3, false));
  int v;
  CHECK(yc_next(g, &v) && v == 30);
  CHECK(yc_throw(g, 6, &v) && v == -6);
  CHECK(rec_count == 3 && rec_descending); /* the whole sub chain unwound */
  CHECK(((yc_coro *)g)->link == NULL);     /* the delegator is innermost */
  CHECK(!yc_next(g, &v));
  CHECK(yc_error(g) == 0);
  yc_free(g);
}

static void test_close_chain(void) {
  rec_reset();
  yc_gen *g = node(1, 3, 5, true);
  int v;
  CHECK(yc_next(g, &v) && yc_next(g, &v) && v == 41);
  caught_by = 0;
  yc_close(g);
  CHECK(rec_count == 4);
  CHECK(rec_first[0] == 4 && rec_first[1] == 3 && rec_first[2] == 2 &&
        rec_first[3] == 1); /* innermost first */
  CHECK(caught_by == 0);    /* close skips catch blocks */
  CHECK(yc_done(g));
  CHECK(yc_error(g) == 0);
  CHECK(!yc_next(g, &v));
  yc_close(g);
  CHECK(rec_count == 4); /* exactly once */
  yc_free(g);
  CHECK(rec_count == 4);

  /* Free while suspended in a chain: same unwinding, no leak (ASan). */
  rec_reset();
  g = node(1, 3, 5, false);
  CHECK(yc_next(g, &v) && v == 40);
  yc_free(g);
  CHECK(rec_count == 4 && rec_descending);
}

static void test_delegation_edges(void) {
  int v, r;
  /* A partly consumed generator: yield_from continues where it stands. */
  rec_reset();
  yc_gen *inner = node(5, 0, 3, false);
  CHECK(yc_next(inner, &v) && v == 50);
  yc_gen *g = wrap(inner);
  CHECK(yc_next(g, &v) && v == 51);
  CHECK(yc_next(g, &v) && v == 52);
  /* The inner generator is owned by its delegator now. */
  CHECK(!yc_done(g));
  CHECK(!yc_next(g, &v));
  CHECK(yc_result(g, &r) && r == 1000);
  yc_free(g);

  /* A partly consumed generator that is itself delegating. */
  rec_reset();
  inner = node(1, 2, 3, false);
  CHECK(yc_next(inner, &v) && v == 30);
  g = wrap(inner);
  CHECK(yc_next(g, &v) && v == 31);
  CHECK(((struct node__frame *)((yc_coro *)g)->link)->id == 3);
  CHECK(yc_next(g, &v) && v == 32 && !yc_next(g, &v));
  CHECK(yc_result(g, &r) && r == 1002);
  CHECK(rec_count == 3);
  yc_free(g);

  /* An exhausted generator: yield_from returns at once (its R). */
  inner = node(5, 0, 1, false);
  CHECK(yc_next(inner, &v) && !yc_next(inner, &v));
  g = wrap(inner);
  CHECK(!yc_next(g, &v));
  CHECK(yc_error(g) == 0);
  CHECK(yc_result(g, &r) && r == 1000);
  yc_free(g);

  /* NULL (the generator function could not allocate): ENOMEM arrives. */
  g = wrap(NULL);
  CHECK(!yc_next(g, &v));
  CHECK(yc_error(g) == YC_ENOMEM);
  yc_free(g);

  /* yield_from itself: "generator already executing". */
  g = wrap(NULL);
  ((struct wrap__frame *)g)->g = g;
  CHECK(!yc_next(g, &v));
  CHECK(yc_error(g) == YC_ERUNNING);
  yc_free(g);

  /* A delegate resuming the root of its own chain: ERUNNING, not a nested
   * drive; the chain carries on. */
  g = NULL;
  g = wrap(poker(&g));
  CHECK(yc_next(g, &v) && v == YC_ERUNNING);
  CHECK(!yc_next(g, &v) && yc_error(g) == 0);
  CHECK(yc_result(g, &r) && r == 1000); /* poker's R was never set: 0 */
  yc_free(g);

  /* Resuming a delegate directly is refused; its delegator is unharmed. */
  inner = node(5, 0, 3, false);
  g = wrap(inner);
  CHECK(yc_next(g, &v) && v == 50);
  quiet(true);
  bool ok = yc_next(inner, &v);
  quiet(false);
  CHECK(!ok && yc_error(inner) == YC_EINVAL);
  CHECK(yc_next(g, &v) && v == 51);
  yc_free(g);

  /* Sub yielding another Y: refused with ESIZE thrown into the delegator. */
  struct node__frame *w = yc__frame_new(&wide__type);
  w->n = 2;
  g = wrap((yc_gen *)&w->yc_hdr);
  quiet(true);
  ok = yc_next(g, &v);
  quiet(false);
  CHECK(!ok && yc_error(g) == YC_ESIZE);
  yc_free(g);
}

enum { DEEP = 20000 };

static void test_deep_chain(void) {
  /* Run to the end: every value O(1), result DEEP, cleanups innermost
   * first. */
  rec_reset();
  yc_gen *g = node(1, DEEP, 3, false);
  int v, n = 0, in = 9;
  CHECK(yc_next(g, &v) && v == (DEEP + 1) * 10);
  n++;
  while (yc_send(g, &in, &v))
    n++;
  CHECK(n == 3);
  CHECK(last_sent == 9);
  int r = 0;
  CHECK(yc_result(g, &r) && r == DEEP);
  CHECK(rec_count == DEEP + 1 && rec_descending);
  yc_free(g);

  /* Throw caught at the bottom, then free while suspended 20,000 deep. */
  rec_reset();
  g = node(1, DEEP, 3, true);
  CHECK(yc_next(g, &v));
  CHECK(yc_throw(g, 3, &v) && v == (DEEP + 1) * 10 + 1);
  CHECK(caught_by == DEEP + 1 && caught_err == 3);
  yc_free(g);
  CHECK(rec_count == DEEP + 1 && rec_descending);

  /* Uncaught throw propagates through every level. */
  rec_reset();
  g = node(1, DEEP, 3, false);
  CHECK(yc_next(g, &v));
  CHECK(!yc_throw(g, -7, &v));
  CHECK(yc_error(g) == -7);
  CHECK(rec_count == DEEP + 1 && rec_descending);
  yc_free(g);

  /* Close of the deep chain. */
  rec_reset();
  g = node(1, DEEP, 3, false);
  CHECK(yc_next(g, &v));
  yc_close(g);
  CHECK(rec_count == DEEP + 1 && rec_descending && yc_done(g));
  yc_free(g);
}

int main(void) {
  test_yield_from_result();
  test_throw_forwarded();
  test_delegator_catches();
  test_close_chain();
  test_delegation_edges();
  test_deep_chain();
  if (failures) {
    fprintf(stderr, "test_coro_delegate: %d check(s) failed\n", failures);
    return 1;
  }
  printf("test_coro_delegate: all passed\n");
  return 0;
}
