/* test_loop_util.h - helpers for the event-loop tests: hand-written async
 * frames in the shape yieldc generates (docs/design/runtime-abi.md), checks
 * that exit non-zero, and running a test body under both backends. */
#ifndef YIELDC_TEST_LOOP_UTIL_H
#define YIELDC_TEST_LOOP_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "yieldc/chan.h"
#include "yieldc/coro.h"
#include "yieldc/loop.h"

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

/* A coroutine type for frame struct FR with resume function NAME_resume and
 * return value field RF of type R (void: use ASYNC_TYPE_VOID). */
#define ASYNC_TYPE(NAME, FR, R, RF)                                            \
  static int NAME##_resume(yc_coro *, void *, const void *);                   \
  static const yc__coro_type NAME##_type = {                                   \
      #NAME, NAME##_resume, sizeof(FR), 0, 0, sizeof(R), offsetof(FR, RF),     \
      YC__ASYNC, 0}
#define ASYNC_TYPE_VOID(NAME, FR)                                              \
  static int NAME##_resume(yc_coro *, void *, const void *);                   \
  static const yc__coro_type NAME##_type = {                                   \
      #NAME, NAME##_resume, sizeof(FR), 0, 0, 0, 0, YC__ASYNC, 0}

/* Inside a resume function with `yc_coro *c` and a frame `f` that has a
 * `yc_coro *sub` field: await expr, resuming at label resume_N (the
 * function's switch must have `case N: goto resume_N;`). */
#define AWAIT(N, expr)                                                         \
  do {                                                                         \
    f->sub = (yc_coro *)(expr);                                                \
    c->state = (N);                                                            \
    return yc__delegate(c, f->sub);                                            \
  } while (0);                                                                 \
  resume_##N:

/* After AWAIT: was an error thrown in (sub failed, cancellation)? */
#define THROWN() (c->flags & (YC__F_THROW | YC__F_CLOSE))
/* The awaited value, then free the sub. */
#define RESULT(T) (*(T *)yc__result_ptr(f->sub))
#define FREE_SUB() (yc_free(f->sub), f->sub = NULL)
/* Catch the error thrown in: clear the steering flag, keep going. */
#define CATCH() (c->flags &= (unsigned short)~YC__F_THROW, c->error)

#define RETURN_VAL(field, v)                                                   \
  do {                                                                         \
    f->field = (v);                                                            \
    c->flags |= YC__F_HAS_RESULT;                                              \
    c->state = -1;                                                             \
    return YC__RETURN;                                                         \
  } while (0)
#define RETURN_VOID()                                                          \
  do {                                                                         \
    c->state = -1;                                                             \
    return YC__RETURN;                                                         \
  } while (0)
#define RAISE(code)                                                            \
  do {                                                                         \
    c->error = (code);                                                         \
    c->state = -1;                                                             \
    return YC__FAIL;                                                           \
  } while (0)
/* Leave by unwinding: fail with the error thrown in, or finish on close. */
#define UNWIND()                                                               \
  do {                                                                         \
    c->state = -1;                                                             \
    return (c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;                   \
  } while (0)

static inline uint64_t now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static inline uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Run body() once with the default backend and once with poll. */
static inline void both_backends(void (*body)(void)) {
  unsetenv("YIELDC_BACKEND");
  fprintf(stderr, "-- backend %s\n", yc_loop_backend());
  body();
  setenv("YIELDC_BACKEND", "poll", 1);
  CHECK(strcmp(yc_loop_backend(), "poll") == 0);
  fprintf(stderr, "-- backend %s\n", yc_loop_backend());
  body();
  unsetenv("YIELDC_BACKEND");
}

#endif
