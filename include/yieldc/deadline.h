/* yieldc/deadline.h - deadline scopes: the runtime side of
 * yc_move_on_after(ms) and yc_fail_after(ms) (see yieldc.h and
 * docs/reference.md, "Deadlines and timeouts").
 *
 * The forms are statements the translator lowers; a user never calls the
 * functions below.  A scope's record lives in the coroutine's frame (the
 * translator gives each form a frame field), so entering and leaving a
 * scope allocates nothing: entering links the record to the task that runs
 * it and to the loop's pending list (no clock read); the loop's next clock
 * read gives it its deadline and arms the task's one deadline timer when
 * that deadline is the earliest; leaving unlinks it. */
#ifndef YIELDC_DEADLINE_H
#define YIELDC_DEADLINE_H

#include <stdbool.h>
#include <stdint.h>

#include "yieldc/coro.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Translator interface (generated code only) ------------------------ */

/* One active deadline scope; complete so that it can be a frame field. */
typedef struct yc__deadline {
  struct yc__deadline *outer; /* the enclosing active scope of the task */
  void *task;                 /* the task's loop record; NULL: not active */
  uint64_t when;              /* CLOCK_MONOTONIC nanoseconds (UINT64_MAX: pending) */
  uint64_t span;              /* ms in nanoseconds, added to `when` lazily */
  /* The loop's list of pending scopes (entered, deadline not yet read
   * from the clock); pprev NULL: not in it. */
  struct yc__deadline *pnext, **pprev;
  bool *expired_out;          /* yc_move_on_after(ms, &expired), or NULL */
  bool fail;                  /* yc_fail_after */
  bool expired;               /* the deadline passed while it was active */
} yc__deadline;

/* Enter d for the current task: the deadline is ms milliseconds from now
 * (ms <= 0: expired at once, its first suspension point raises).  Outside
 * a task of an event loop the scope never expires.  0, or YC_ENOMEM (the
 * timer could not be armed; d is not active then). */
int yc__deadline_enter(yc__deadline *d, long long ms, bool fail, bool *expired_out);
/* Leave d (every way out of the statement; a no-op when d is not active):
 * reports the expiry to expired_out, and when d was the last expired scope
 * of the task, its suspension points no longer raise YC_ETIMEDOUT. */
void yc__deadline_leave(yc__deadline *d);
/* An error err is passing out of d's statement: leaves d and returns what
 * passes on: 0 (swallowed) when err is YC_ETIMEDOUT and d itself expired,
 * unless d is a yc_fail_after scope, which passes YC_ETIMEDOUT on; err
 * otherwise (the innermost expiring scope wins: an outer scope's timeout
 * goes through an inner scope that has not expired). */
int yc__deadline_catch(yc__deadline *d, int err);

#ifdef __cplusplus
}
#endif
#endif
