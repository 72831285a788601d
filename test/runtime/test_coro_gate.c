/* test/runtime/test_coro_gate.c - the gate of yc_next's inline fast path
 * (coro.h): status and gate read as one word open the fast path only for a
 * suspended generator that neither delegates nor is delegated to, with
 * out of its Y's size.  Checks the word through a delegation (closed while
 * the root delegates and on the delegate, open again when the delegation
 * ends), that every refusal (running, delegate, wrong size, finished, a
 * task) still behaves as the slow path says, and that a yc_next of the
 * generator on itself from inside its body is ERUNNING.  Frames are
 * hand-written in the generated shape. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "yieldc/coro.h"

static int failures;
#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                              \
    }                                                                          \
  } while (0)

static uint32_t word(yc_gen *g) { return yc__gate_load((yc_coro *)g); }
static uint32_t open_word(size_t y) { return YC__GATE_WORD(YC__SUSPENDED, y + 1); }

/* ---- yc_generator(int) inner(void) { yield(2); yield(3); } ---- */
struct inner__frame {
  yc_coro yc_hdr;
};
static int inner__resume(yc_coro *c, void *out, const void *in);
static const yc__coro_type inner__type = {"inner", inner__resume, sizeof(struct inner__frame),
                                          sizeof(int), 0, 0, 0, YC__GENERATOR, 0};
static int inner__resume(yc_coro *c, void *out, const void *in) {
  (void)in;
  if (c->flags & (YC__F_THROW | YC__F_CLOSE)) {
    c->state = -1;
    return (c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;
  }
  switch (c->state) {
  case 0:
    if (out)
      *(int *)out = 2;
    c->state = 1;
    return YC__YIELD;
  case 1:
    if (out)
      *(int *)out = 3;
    c->state = 2;
    return YC__YIELD;
  default:
    c->state = -1;
    return YC__RETURN;
  }
}
static yc_gen *inner(void) { return yc__frame_new(&inner__type); }

/* ---- yc_generator(int) outer(void) {
 *        yield(1); yield_from(inner()); yield(4);
 *        if (self) { bool ok = yc_next(self, &x); note ok and error } yield(5); }
 * (self: the handle of this very frame, set by the test) ---- */
struct outer__frame {
  yc_coro yc_hdr;
  yc_coro *sub;
  yc_gen *self;
  bool self_ok;
  int self_err;
};
static int outer__resume(yc_coro *c, void *out, const void *in);
static const yc__coro_type outer__type = {"outer", outer__resume, sizeof(struct outer__frame),
                                          sizeof(int), 0, 0, 0, YC__GENERATOR, 0};
static int outer__resume(yc_coro *c, void *out, const void *in) {
  struct outer__frame *f = (struct outer__frame *)c;
  (void)in;
  if (c->flags & (YC__F_THROW | YC__F_CLOSE)) {
    if (f->sub)
      yc_free(f->sub);
    f->sub = NULL;
    c->state = -1;
    return (c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;
  }
  switch (c->state) {
  case 0:
    if (out)
      *(int *)out = 1;
    c->state = 1;
    return YC__YIELD;
  case 1:
    f->sub = (yc_coro *)inner();
    c->state = 2;
    return yc__delegate(c, f->sub);
  case 2:
    yc_free(f->sub);
    f->sub = NULL;
    if (out)
      *(int *)out = 4;
    c->state = 3;
    return YC__YIELD;
  case 3:
    if (f->self) {
      int x = 0;
      f->self_ok = yc_next(f->self, &x); /* the fast path must refuse: RUNNING */
      f->self_err = yc_error(f->self);
    }
    if (out)
      *(int *)out = 5;
    c->state = 4;
    return YC__YIELD;
  default:
    c->state = -1;
    return YC__RETURN;
  }
}
static yc_gen *outer(void) { return yc__frame_new(&outer__type); }

static int resume_task(yc_coro *c, void *out, const void *in) {
  (void)out, (void)in;
  c->state = -1;
  return YC__RETURN;
}

int main(void) {
  int x = 0;

  /* A created generator: gate set, status CREATED: the word is not open
   * (the first resume takes yc__next), and every later one is. */
  yc_gen *g = outer();
  CHECK(word(g) == YC__GATE_WORD(YC__CREATED, sizeof(int) + 1));
  CHECK(yc_next(g, &x) && x == 1);
  CHECK(word(g) == open_word(sizeof(int)));

  /* Delegating: the root's word and the delegate's are closed. */
  CHECK(yc_next(g, &x) && x == 2);
  yc_coro *sub = ((struct outer__frame *)g)->sub;
  CHECK(sub && ((yc_coro *)g)->link == sub);
  CHECK(word(g) != open_word(sizeof(int)));
  CHECK(word((yc_gen *)sub) != open_word(sizeof(int)));
  /* yc_next on the delegate itself: refused (EINVAL), nothing resumed */
  CHECK(!yc_next((yc_gen *)sub, &x));
  CHECK(yc_error((yc_gen *)sub) == YC_EINVAL);
  CHECK(yc_next(g, &x) && x == 3);

  /* The delegation ends: the root's word opens again. */
  CHECK(yc_next(g, &x) && x == 4);
  CHECK(((yc_coro *)g)->link == NULL);
  CHECK(word(g) == open_word(sizeof(int)));

  /* Wrong size: slow path, ESIZE, the generator is not touched. */
  long wrong = 0;
  CHECK(!yc_next(g, &wrong));
  CHECK(yc_error(g) == YC_ESIZE);
  CHECK(word(g) == open_word(sizeof(int)));

  /* yc_next on itself from inside its body: ERUNNING, not a nested run. */
  ((struct outer__frame *)g)->self = g;
  CHECK(yc_next(g, &x) && x == 5);
  CHECK(!((struct outer__frame *)g)->self_ok);
  CHECK(((struct outer__frame *)g)->self_err == YC_ERUNNING);
  CHECK(word(g) == open_word(sizeof(int)));

  /* NULL out: the fast path for any Y. */
  CHECK(!yc_next(g, NULL)); /* returns: exhausted */
  CHECK(yc_done(g));
  CHECK(!yc_next(g, &x));
  yc_free(g);

  /* A task (not a generator) never has a gate. */
  static const yc__coro_type task_type = {"t", resume_task, sizeof(yc__coro_async), 0, 0, 0, 0,
                                          YC__ASYNC, 0};
  yc_coro *t = yc__frame_new(&task_type);
  CHECK(t && (yc__gate_load(t) & ~YC__GATE_WORD(0xff, 0)) == 0);
  yc_free(t);

  /* A generator whose out is NULL through a whole delegation. */
  g = outer();
  int n = 0;
  while (yc_next(g, NULL))
    n++;
  CHECK(n == 5);
  yc_free(g);

  if (failures)
    fprintf(stderr, "%d failure(s)\n", failures);
  return failures ? 1 : 0;
}
