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

/* ---- Wait records (runtime internals that frames embed) ---------------- */

struct yc__wait;

/* One entry in a channel's queue of waiting senders or receivers: inside a
 * yc__wait for a single operation, inside each yc_case for a select.  A
 * node is queued iff ch is set. */
typedef struct yc__wnode {
  struct yc__wnode *next, *prev;
  struct yc__wait *w; /* the record it belongs to */
  yc_chan *ch;        /* the channel it waits on; NULL when not queued */
  void *item;         /* send: the item to read; recv: where it goes (NULL: dropped) */
} yc__wnode;

/* ---- Select (Go's select, asyncio.wait(FIRST_COMPLETED) on channels) ---- */

/* One arm of a select.  Build it with yc_case_recv / yc_case_send; a case
 * whose chan is NULL is disabled (never chosen, like Go's nil channel). */
typedef struct yc_case {
  yc_chan *chan;
  void *item;  /* recv: where the item goes; send: the item, read when the send completes */
  size_t size; /* sizeof *item, checked against the channel (YC_ESIZE); 0 skips the check */
  bool send;
  bool ok; /* after the select chose this case: recv: an item was received (false:
              closed and drained); send: sent (false: the channel is closed) */
  yc__wnode yc__node; /* private: the case's entry in its channel's queue */
} yc_case;

#define yc_case_recv(c, v)                                                                         \
  ((yc_case){.chan = (c), .item = (v), .size = yc__sizeof_ptr(v), .send = false})
/* (Through an integer: a pointer to a const item is accepted; the runtime
 * only reads a send's item.) */
#define yc_case_send(c, v)                                                                         \
  ((yc_case){.chan = (c),                                                                          \
             .item = (void *)(__UINTPTR_TYPE__)(v),                                                \
             .size = yc__sizeof_ptr(v),                                                            \
             .send = true})

/* Awaitable for an int: waits until one enabled case can complete,
 * completes exactly that one (the others take and send nothing) and gives
 * its index.  Fair: among the cases ready at once, each is equally likely
 * (a per-thread pseudo-random sequence, the same on every run: see
 * yc_select_seed).  A select whose cases are all disabled waits until it is
 * cancelled.  cases must stay valid until the await completes.  Raises
 * YC_EINVAL (n == 0, cases NULL, a send of a NULL item) or YC_ESIZE. */
yc_task *yc_select(yc_case *cases, size_t n);
/* The non-blocking form (Go's default branch): completes one ready case
 * and returns its index, or -1 when none is ready; YC_EINVAL / YC_ESIZE on
 * misuse.  Usable outside tasks too. */
int yc_select_now(yc_case *cases, size_t n);
/* Restart this thread's choice sequence of yc_select / yc_select_now from
 * seed (each thread starts from the same fixed seed, so runs replay). */
void yc_select_seed(unsigned long long seed);

/* A task's record of what it waits for: the runtime's operation frames
 * embed one, and the translator puts one in every async frame (yc__w) for
 * the frameless waits below.  All fields are the runtime's. */
typedef struct yc__wait {
  void *task;      /* the waiting task (the loop's record) while it waits */
  yc_case *cases;  /* select: its cases; NULL for a single operation */
  size_t n;        /* select: the number of cases */
  int result;      /* send: 0 / YC_ECLOSED; recv: 1 / 0; select: the index */
  unsigned char state; /* YC__WAIT_IDLE / _WAITING / _DONE */
  unsigned char op;    /* YC__WAIT_SEND / _RECV / _SELECT */
  yc__wnode node;      /* a single operation's queue entry */
  unsigned char item[16]; /* a single send's copy of its item */
} yc__wait;

enum { YC__WAIT_IDLE = 0, YC__WAIT_WAITING = 1, YC__WAIT_DONE = 2 };
enum { YC__WAIT_SEND = 0, YC__WAIT_RECV = 1, YC__WAIT_SELECT = 2 };

/* ---- Translator interface (generated code only) ------------------------ */

/* The first fields of a channel (runtime/chan.c checks the layout), read by
 * the inline fast paths below: two windows the runtime opens for them.  A
 * send may write its item at wp while wp < wend (free slots, the channel
 * open, no receiver waiting), a receive may read at rp while rp < rend
 * (buffered items, no sender waiting); each moves its pointer and adds
 * its item's bytes to fill (or takes them).  A window never crosses the
 * end of the buffer. */
typedef struct yc__chan_hot {
  unsigned char *wp, *wend;
  unsigned char *rp, *rend;
  size_t esz;
  size_t fill; /* bytes buffered (units of 1 for items of no bytes) */
  bool recv_slow; /* an empty receive window may still mean a ready receive:
                     the channel is closed or a sender waits */
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
  if (__builtin_expect(h && v && v_size && v_size == h->esz && h->wp < h->wend && yc__live_root,
                       1)) {
    __builtin_memcpy(h->wp, v, v_size);
    h->wp += v_size;
    h->fill += v_size;
    *r = 0;
    return true;
  }
  return yc__chan_try_send_slow(c, v, v_size, r);
}

static inline bool yc__chan_try_recv_(yc_chan *c, void *v, size_t v_size, bool *r) {
  yc__chan_hot *h = (yc__chan_hot *)c;
  if (__builtin_expect(h && v && v_size && v_size == h->esz && h->rp < h->rend && yc__live_root,
                       1)) {
    __builtin_memcpy(v, h->rp, v_size);
    h->rp += v_size;
    h->fill -= v_size;
    *r = true;
    return true;
  }
  return yc__chan_try_recv_slow(c, v, v_size, r);
}

/* ---- Frameless waits (generated code only) ------------------------------
 *
 * After the inline try failed: put the current task to wait in w, without
 * an operation frame.  true: it waits now; the resume function saves its
 * locals, sets its state and returns YC__PENDING, and the loop drives it
 * again once w completed (or a throw / close arrives, see yc__wait_steer).
 * false: nothing was done (no current task, a cancelled task, misuse, an
 * item larger than w->item): the caller falls back to the ordinary await,
 * which reports the error.  A send copies *v now. */
#define yc__chan_park_send(c, v, w) yc__chan_park_send_((c), (v), yc__sizeof_ptr(v), (w))
#define yc__chan_park_recv(c, v, w) yc__chan_park_recv_((c), (v), yc__sizeof_ptr(v), (w))
bool yc__chan_park_send_(yc_chan *c, const void *v, size_t v_size, yc__wait *w);
bool yc__chan_park_recv_(yc_chan *c, void *v, size_t v_size, yc__wait *w);
bool yc__select_park(yc_case *cases, size_t n, yc__wait *w);
/* Like yc__chan_try_*: true when a case completed at once (its index in
 * *r); false when the await is needed (nothing ready, misuse, no current
 * task, a cancelled task).  Inline: the common case, receive cases only,
 * exactly one of them with a buffered item and no sender waiting, every
 * other one empty with nobody waiting, is done here (nothing to choose,
 * so fairness holds); anything else goes out of line. */
bool yc__select_try_slow(yc_case *cases, size_t n, int *r);

/* Small constant n (the usual select of 2 to 4 cases written in place):
 * always inlined, so the loop unrolls at the call site and no call is
 * made when one case has a buffered item; larger or variable n goes out of
 * line at once (the unrolled form would only grow the code). */
#define YC__SELECT_INLINE_MAX 4

static inline __attribute__((always_inline)) bool yc__select_try(yc_case *cases, size_t n,
                                                                  int *r) {
  size_t i, pick = (size_t)-1;
  yc__chan_hot *h;
  yc_case *k;
  const unsigned char *src;
  if (__builtin_expect(!__builtin_constant_p(n) || n > YC__SELECT_INLINE_MAX || !cases ||
                           !yc__live_root,
                       0))
    return yc__select_try_slow(cases, n, r);
#if defined(__GNUC__) && !defined(__cplusplus)
  _Pragma("GCC unroll 4")
#endif
  for (i = 0; i < n; i++) {
    const yc__chan_hot *c = (const yc__chan_hot *)cases[i].chan;
    if (!c)
      continue;
    if (__builtin_expect(cases[i].send, 0))
      return yc__select_try_slow(cases, n, r);
    if (c->rp < c->rend) {
      if (pick != (size_t)-1)
        return yc__select_try_slow(cases, n, r); /* two ready: choose fairly */
      pick = i;
    } else if (__builtin_expect(c->fill || c->recv_slow, 0)) {
      /* (items the window does not show yet: the runtime opens it; a
       * closed channel, a waiting sender: ready, out of line) */
      return yc__select_try_slow(cases, n, r);
    }
  }
  if (pick == (size_t)-1)
    return false; /* nothing ready (or n == 0, or misuse: the await reports it) */
  k = &cases[pick];
  h = (yc__chan_hot *)k->chan;
  /* Only the case taken is checked here: a wrong case is reported when it is
   * the one taken, or by the await (which checks them all). */
  if (__builtin_expect(k->size != h->esz || !k->size || !k->item, 0))
    return yc__select_try_slow(cases, n, r);
  src = h->rp;
  if (h->esz == sizeof(int))
    __builtin_memcpy(k->item, src, sizeof(int));
  else if (h->esz == sizeof(long long))
    __builtin_memcpy(k->item, src, sizeof(long long));
  else
    __builtin_memcpy(k->item, src, h->esz);
  h->rp += h->esz;
  h->fill -= h->esz;
  k->ok = true;
  *r = (int)pick;
  return true;
}
/* ---- Try, else park: one call (generated code only) ---------------------
 *
 * What the translator emits for `await(yc_chan_send(c, &v))` (and recv,
 * select): the inline try, and when it fails a single out-of-line call that
 * tries the slow way (a waiting peer, a closed channel) and else parks the
 * task in w, instead of two calls (yc__chan_try_*_slow, then
 * yc__chan_park_*) that check the same things twice.  The result:
 * YC__OP_DONE (completed at once, the await's value in *r), YC__OP_PARKED
 * (as a true yc__chan_park_*: the caller returns YC__PENDING) or
 * YC__OP_REFUSED (as a false park: await the operation as written). */
enum { YC__OP_REFUSED = -1, YC__OP_PARKED = 0, YC__OP_DONE = 1 };

#define yc__chan_send_or_park(c, v, r, w)                                                          \
  yc__chan_send_or_park_((c), (v), yc__sizeof_ptr(v), (r), (w))
#define yc__chan_recv_or_park(c, v, r, w)                                                          \
  yc__chan_recv_or_park_((c), (v), yc__sizeof_ptr(v), (r), (w))
int yc__chan_send_slow_or_park(yc_chan *c, const void *v, size_t v_size, int *r, yc__wait *w);
int yc__chan_recv_slow_or_park(yc_chan *c, void *v, size_t v_size, bool *r, yc__wait *w);
/* The same once the inline part checked c, v, v_size and the live root. */
int yc__chan_send_wait(yc_chan *c, const void *v, size_t v_size, int *r, yc__wait *w);
int yc__chan_recv_wait(yc_chan *c, void *v, bool *r, yc__wait *w);

static inline int yc__chan_send_or_park_(yc_chan *c, const void *v, size_t v_size, int *r,
                                         yc__wait *w) {
  yc__chan_hot *h = (yc__chan_hot *)c;
  if (__builtin_expect(h && v && v_size && v_size == h->esz && yc__live_root, 1)) {
    if (__builtin_expect(h->wp < h->wend, 1)) {
      __builtin_memcpy(h->wp, v, v_size);
      h->wp += v_size;
      h->fill += v_size;
      *r = 0;
      return YC__OP_DONE;
    }
    return yc__chan_send_wait(c, v, v_size, r, w);
  }
  return yc__chan_send_slow_or_park(c, v, v_size, r, w);
}

static inline int yc__chan_recv_or_park_(yc_chan *c, void *v, size_t v_size, bool *r,
                                         yc__wait *w) {
  yc__chan_hot *h = (yc__chan_hot *)c;
  if (__builtin_expect(h && v && v_size && v_size == h->esz && yc__live_root, 1)) {
    if (__builtin_expect(h->rp < h->rend, 1)) {
      __builtin_memcpy(v, h->rp, v_size);
      h->rp += v_size;
      h->fill -= v_size;
      *r = true;
      return YC__OP_DONE;
    }
    return yc__chan_recv_wait(c, v, r, w);
  }
  return yc__chan_recv_slow_or_park(c, v, v_size, r, w);
}

static inline __attribute__((always_inline)) int yc__select_or_park(yc_case *cases, size_t n,
                                                                     int *r, yc__wait *w) {
  if (yc__select_try(cases, n, r))
    return YC__OP_DONE;
  return yc__select_park(cases, n, w) ? YC__OP_PARKED : YC__OP_REFUSED;
}

/* On a plain resumption after YC__PENDING: the await's value (send 0 /
 * YC_ECLOSED, recv 1 / 0, select the chosen index). */
static inline int yc__wait_result(const yc__wait *w) { return w->result; }
/* A throw or close arrived at the parked suspension point: takes w out of
 * every queue if it still waits and returns false (the frame unwinds with
 * c->error); true when w had completed already and the error is a
 * cancellation or a deadline (not a close): the await then completes
 * normally with yc__wait_result, and the error, level-triggered, arrives at
 * the next suspension point. */
bool yc__wait_steer(yc_coro *c, yc__wait *w);

#ifdef __cplusplus
}
#endif
#endif
