/* shim/yieldc.h - the authoring view's generators as stackful coroutines.
 *
 * twincheck.py compiles yrandom.py's programs as they are written (no
 * yieldc) against this header instead of include/yieldc.h, to check the
 * Python twins against C itself.  Only what those programs use without
 * errors, throw and close: yield, T x = yield(v, T), yield_from (both
 * forms), yc_return(v), and the consumer calls of their drive().
 * twincheck.py turns each `yc_generator(...) g(params) {` into a function
 * g that returns a new coroutine, whose body (g__body) runs on a ucontext
 * stack of its own.  Not a runtime: no errors, no scheduler. */
#ifndef YC_SHIM_H
#define YC_SHIM_H
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <ucontext.h>

typedef struct yc_gen yc_gen;
struct yc_gen {
  ucontext_t ctx, caller;
  void (*entry)(yc_gen *);
  int a, b, in, out, ret, done;
  yc_gen *child; /* the generator yield_from delegates to */
  char *stack;
};
static yc_gen *shim_cur; /* the running generator */

enum { SHIM_STACK = 1 << 18 };

static void shim_start(unsigned lo, unsigned hi) {
  yc_gen *g = (yc_gen *)(((uintptr_t)hi << 32) | lo);
  g->entry(g);
  g->done = 1;
  swapcontext(&g->ctx, &g->caller);
}

static yc_gen *shim_new(void (*entry)(yc_gen *), int a, int b) {
  yc_gen *g = calloc(1, sizeof *g);
  g->entry = entry, g->a = a, g->b = b;
  g->stack = malloc(SHIM_STACK);
  if (!g->stack)
    abort();
  getcontext(&g->ctx);
  g->ctx.uc_stack.ss_sp = g->stack;
  g->ctx.uc_stack.ss_size = SHIM_STACK;
  uintptr_t p = (uintptr_t)g;
  makecontext(&g->ctx, (void (*)(void))shim_start, 2, (unsigned)p, (unsigned)(p >> 32));
  return g;
}

/* Runs g until it yields (true, *out) or finishes (false). */
static bool shim_resume(yc_gen *g, int in, int *out) {
  if (g->done)
    return false;
  yc_gen *prev = shim_cur;
  g->in = in;
  shim_cur = g;
  swapcontext(&g->caller, &g->ctx);
  shim_cur = prev;
  if (g->done)
    return false;
  *out = g->out;
  return true;
}

/* In a generator: produce v, suspend; the value is what was sent. */
static int shim_yield(int v) {
  yc_gen *g = shim_cur;
  g->out = v;
  swapcontext(&g->ctx, &g->caller);
  return g->in;
}

static void yc_free(yc_gen *g) {
  if (!g)
    return;
  yc_free(g->child);
  free(g->stack);
  free(g);
}

/* PEP 380 without throw and close: next, then send what arrives. */
static int shim_yield_from(yc_gen *c) {
  yc_gen *g = shim_cur;
  int out;
  g->child = c;
  bool ok = shim_resume(c, 0, &out);
  while (ok)
    ok = shim_resume(c, shim_yield(out), &out);
  int r = c->ret;
  g->child = NULL;
  yc_free(c);
  return r;
}

static inline bool yc_next(yc_gen *g, void *out) { return shim_resume(g, 0, out); }
static inline bool yc_send(yc_gen *g, const void *in, void *out) {
  return shim_resume(g, *(const int *)in, out);
}
static inline int yc_error(yc_gen *g) { return (void)g, 0; }
static inline bool yc_result(yc_gen *g, void *r) {
  *(int *)r = g->ret;
  return g->done;
}
static inline bool yc_done(yc_gen *g) { return g->done; }
/* not in the programs twincheck.py runs */
static inline void yc_close(yc_gen *g) { (void)g, abort(); }
static inline bool yc_throw(yc_gen *g, int code, void *out) { (void)g, (void)code, (void)out, abort(); }

#define YC__NARGS(...) YC__NARGS_(_ __VA_OPT__(, ) __VA_ARGS__, 3, 2, 1, 0)
#define YC__NARGS_(_0, _1, _2, _3, N, ...) N
#define YC__CAT(a, b) YC__CAT_(a, b)
#define YC__CAT_(a, b) a##b
#define yield(...) YC__CAT(YC__YIELD_, YC__NARGS(__VA_ARGS__))(__VA_ARGS__)
#define YC__YIELD_1(v) ((void)shim_yield(v))
#define YC__YIELD_2(v, T) ((T)shim_yield(v))
#define yield_from(...) YC__CAT(YC__YIELD_FROM_, YC__NARGS(__VA_ARGS__))(__VA_ARGS__)
#define YC__YIELD_FROM_1(g) ((void)shim_yield_from(g))
#define YC__YIELD_FROM_2(g, T) ((T)shim_yield_from(g))
#define yc_return(v) return (v)
#endif
