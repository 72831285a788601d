/* timer_heap.h - a binary min-heap of intrusive timers (internal).
 *
 * Timers are ordered by deadline, then by the sequence number they got when
 * started, so two timers with the same deadline fire in start order.  The
 * heap owns no timer: each lives in the leaf frame that waits on it, and only
 * the array of pointers grows (amortised, never per loop turn). */
#ifndef YIELDC_TIMER_HEAP_H
#define YIELDC_TIMER_HEAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct yc__timer {
  uint64_t deadline; /* CLOCK_MONOTONIC, nanoseconds */
  uint64_t seq;      /* start order, breaks ties */
  size_t index;      /* slot in the heap; YC__TIMER_IDLE when not in it */
  void *data;        /* the owner's, untouched by the heap */
} yc__timer;

#define YC__TIMER_IDLE ((size_t)-1)

typedef struct yc__timer_heap {
  yc__timer **v;
  size_t len, cap;
  uint64_t next_seq;
} yc__timer_heap;

/* The current CLOCK_MONOTONIC time in nanoseconds. */
uint64_t yc__now_ns(void);
/* Prepare a timer that is in no heap. */
void yc__timer_init(yc__timer *t, void *data);
/* Insert t (not in a heap) to fire at deadline; 0 or YC_ENOMEM. */
int yc__timer_heap_push(yc__timer_heap *h, yc__timer *t, uint64_t deadline);
/* Remove t if it is in h; harmless otherwise. */
void yc__timer_heap_remove(yc__timer_heap *h, yc__timer *t);
/* The earliest timer, or NULL when the heap is empty. */
yc__timer *yc__timer_heap_top(const yc__timer_heap *h);
/* Remove and return the earliest timer whose deadline is <= now, else NULL. */
yc__timer *yc__timer_heap_pop_expired(yc__timer_heap *h, uint64_t now);
/* Release the array (the timers themselves belong to others). */
void yc__timer_heap_free(yc__timer_heap *h);

#endif
