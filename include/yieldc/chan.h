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

#ifdef __cplusplus
}
#endif
#endif
