/* yieldc/chan.h - bounded channels between tasks of one event loop
 * (SPEC section 6): backpressure for producers, FIFO delivery, close.
 *
 * A waiting receiver owns the next item sent; closing keeps the buffered
 * items for receivers; a cancelled send or receive loses no item: either it
 * completed (and reports its result, the cancellation then arriving at the
 * task's next suspension point) or it took nothing and sent nothing. */
#ifndef YIELDC_CHAN_H
#define YIELDC_CHAN_H

#include <stdbool.h>
#include <stddef.h>

#include "yieldc/coro.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct yc_chan yc_chan;

/* A channel of items of elem_size bytes buffering up to capacity of them;
 * capacity 0 is a rendezvous (a send completes when a receiver takes the
 * item).  NULL if out of memory. */
yc_chan *yc_chan_new(size_t capacity, size_t elem_size);
/* Awaitable for an int: copies *v now and sends it, waiting while the
 * channel is full; 0, or YC_ECLOSED if the channel is (or gets) closed
 * before the item is taken.  sizeof *v must equal elem_size (YC_ESIZE). */
#define yc_chan_send(c, v) yc__chan_send((c), (v), yc__sizeof_ptr(v))
/* Awaitable for a bool: receives the next item into *v, waiting while the
 * channel is empty; false once it is closed and drained.  *v must stay valid
 * until the await completes; sizeof *v must equal elem_size (YC_ESIZE). */
#define yc_chan_recv(c, v) yc__chan_recv((c), (v), yc__sizeof_ptr(v))
/* Close c: waiting senders get YC_ECLOSED, later sends too; receivers get
 * the buffered items, then false.  Closing twice is harmless. */
void yc_chan_close(yc_chan *c);
/* The number of items buffered now (never more than the capacity). */
size_t yc_chan_len(const yc_chan *c);
/* Free c; no operation on it may be pending or awaited later.  NULL is a
 * no-op. */
void yc_chan_free(yc_chan *c);

yc_task *yc__chan_send(yc_chan *c, const void *v, size_t v_size);
yc_task *yc__chan_recv(yc_chan *c, void *v, size_t v_size);

/* ---- Translator interface (generated code only) ------------------------ */

/* The first fields of a channel (runtime/chan.c checks the layout), read by
 * the inline fast paths below. */
typedef struct yc__chan_hot {
  size_t cap, esz;
  unsigned char *buf; /* cap items */
  size_t head, count; /* head < cap (when cap > 0) */
  bool closed;
  void *senders, *senders_tail;     /* waiting senders, NULL if none */
  void *receivers, *receivers_tail; /* waiting receivers, NULL if none */
  /* Kept by the runtime for the fast paths: a send completes at once iff
   * count < send_limit (cap while open with no receiver waiting, else 0),
   * a receive iff count > recv_min (0 with no sender waiting, else
   * SIZE_MAX). */
  size_t send_limit, recv_min;
} yc__chan_hot;

/* For `await(yc_chan_send(c, &v))`, the translator first emits
 * `yc__chan_try_send(c, &v, &r)`: true when the send completed at once,
 * with its result in *r, exactly as the await would have completed it
 * without suspending (room in the buffer inline; a waiting receiver or a
 * closed channel out of line); false when the await is needed: the item
 * must wait for room, the size or a pointer is wrong, there is no current
 * task, or the current task is cancelled (the await then raises
 * YC_ECANCELLED: cancellation stays level-triggered).  yc__chan_try_recv
 * likewise. */
#define yc__chan_try_send(c, v, r) yc__chan_try_send_((c), (v), yc__sizeof_ptr(v), (r))
#define yc__chan_try_recv(c, v, r) yc__chan_try_recv_((c), (v), yc__sizeof_ptr(v), (r))

bool yc__chan_try_send_slow(yc_chan *c, const void *v, size_t v_size, int *r);
bool yc__chan_try_recv_slow(yc_chan *c, void *v, size_t v_size, bool *r);

static inline bool yc__chan_try_send_(yc_chan *c, const void *v, size_t v_size, int *r) {
  yc__chan_hot *h = (yc__chan_hot *)c;
  if (__builtin_expect(h && v && v_size && v_size == h->esz && h->count < h->send_limit &&
                           yc__live_root,
                       1)) {
    size_t i = h->head + h->count;
    if (i >= h->cap)
      i -= h->cap;
    __builtin_memcpy(h->buf + i * v_size, v, v_size);
    h->count++;
    *r = 0;
    return true;
  }
  return yc__chan_try_send_slow(c, v, v_size, r);
}

static inline bool yc__chan_try_recv_(yc_chan *c, void *v, size_t v_size, bool *r) {
  yc__chan_hot *h = (yc__chan_hot *)c;
  if (__builtin_expect(h && v && v_size && v_size == h->esz && h->count > h->recv_min &&
                           yc__live_root,
                       1)) {
    __builtin_memcpy(v, h->buf + h->head * v_size, v_size);
    if (++h->head == h->cap)
      h->head = 0;
    h->count--;
    *r = true;
    return true;
  }
  return yc__chan_try_recv_slow(c, v, v_size, r);
}

#ifdef __cplusplus
}
#endif
#endif
