/* chan_internal.h - what chan.c (channels, single operations, frameless
 * waits) and select.c share: the channel, its wait queues, and the two
 * moves "send now" / "receive now" that complete an operation without
 * waiting (internal).
 *
 * Invariants: receivers wait only while the buffer is empty, senders only
 * while it is full (a select may wait on both sides of a rendezvous
 * channel: its nodes never match each other, only peers that arrive
 * later).  A node is queued iff its record waits; a peer or close that
 * takes a node completes its record on the spot (yc__wnode_fire), which
 * takes every other node of the record out of its queue at once, so an
 * operation that was not chosen takes and sends nothing. */
#ifndef YIELDC_CHAN_INTERNAL_H
#define YIELDC_CHAN_INTERNAL_H

#include <stdint.h>
#include <string.h>

#include "loop_internal.h"
#include "yieldc/chan.h"

struct yc_chan {
  /* The inline fast paths' windows (yc__chan_hot in yieldc/chan.h): an
   * item may be written at wp while wp < wend, and read at rp while
   * rp < rend, without the runtime (which then only adds to or takes from
   * fill); yc__chan_open opens the windows again. */
  unsigned char *wp, *wend;
  unsigned char *rp, *rend;
  size_t esz;
  size_t fill;    /* units buffered (an inline path adds or takes esz) */
  bool recv_slow; /* closed, or a sender waits: an empty window is not "nothing ready" */
  bool closed;
  size_t unit;               /* esz, or 1 for items of no bytes */
  size_t full;               /* capacity * unit */
  unsigned char *buf, *bend; /* the items; bend = buf + capacity * esz (NULL when no bytes) */
  yc__wnode *senders, *senders_tail;
  yc__wnode *receivers, *receivers_tail;
  const yc__coro_type *send_type; /* static: see send_types in chan.c */
  size_t send_size;               /* bytes of a send frame */
  /* A channel of yc_chan_new_shared (xchan.c): its items and state live
   * there, under a lock; the fields above stay frozen (no buffer: both
   * windows closed; recv_slow set: the inline paths always call the
   * runtime, whose out-of-line entries branch to xchan.c).  NULL for every
   * other. */
  struct yc__xchan *shared;
};

/* The windows, as far as the inline paths may go on their own.
 * Every runtime path that moves wp or rp (yc__chan_put, yc__chan_take) or
 * takes a waiter ends with them before user code runs again; wp and rp
 * may stand at bend before (a window never crosses it), and are wrapped
 * here.
 *
 * Sends: the free slots up to the buffer's end, while the channel is open
 * and no receiver waits (a waiting receiver owns the next item).  An empty
 * buffer starts again at its beginning, so that the next run of sends has
 * one window up to the end instead of two split where it wraps.  (With rp
 * still at bend the items are [buf, wp) and the free slots [wp, bend): rp
 * is the right end then too.) */
static inline void yc__chan_open_send(yc_chan *ch) {
  if (ch->fill < ch->full && !ch->receivers && !ch->closed && ch->bend) {
    if (!ch->fill)
      ch->wp = ch->rp = ch->rend = ch->buf;
    else if (ch->wp == ch->bend)
      ch->wp = ch->buf;
    ch->wend = ch->wp < ch->rp ? ch->rp : ch->bend; /* (wp == rp: empty) */
  } else {
    ch->wend = ch->wp;
  }
}

/* Is ch shared?  recv_slow is set on a channel of one loop only while a
 * sender waits or it is closed (rare), so the usual test reads the hot
 * line only. */
static inline bool yc__chan_shared(const yc_chan *ch) {
  return __builtin_expect(ch->recv_slow && ch->shared != NULL, 0);
}
/* xchan.c: a wait record in this thread's list of waits on shared
 * channels has w->node.w == &yc__xlisted (its node is not in any queue of
 * a channel of one loop). */
extern char yc__xlisted;
void yc__xwait_forget(yc__wait *w);
/* The shared forms of the out-of-line entries (xchan.c).  An op: try, and
 * when w and t are given and it cannot complete, park t in w (item: the
 * send's item, which must stay valid while it waits, or the receive's
 * destination).  r: int * (send) or bool * (recv).  YC__OP_* result. */
int yc__xchan_op(yc_chan *ch, bool send, void *item, void *r, yc__wait *w, yc__task *t);
int yc__xchan_send_or_park(yc_chan *ch, const void *v, size_t v_size, int *r, yc__wait *w);
bool yc__cases_shared(const yc_case *cases, size_t n);
/* May this thread wait on a shared channel (it runs a loop of a group)? */
bool yc__xwait_allowed(void);
int yc__xselect_now(yc_case *cases, size_t n);
void yc__xselect_wait(yc__wait *w, yc__task *t, yc_case *cases, size_t n);
void yc__xchan_close(yc_chan *ch);
size_t yc__xchan_len(const yc_chan *ch);
void yc__xchan_free(yc_chan *ch);

/* Receives: the buffered items up to the end, while no sender waits (its
 * item must move into the buffer as a receive makes room).  (With wp still
 * at bend the items are [rp, bend).) */
static inline void yc__chan_open_recv(yc_chan *ch) {
  if (ch->fill && !ch->senders && ch->bend) {
    if (ch->rp == ch->bend)
      ch->rp = ch->buf;
    ch->rend = ch->rp < ch->wp ? ch->wp : ch->bend; /* (rp == wp: full) */
  } else {
    ch->rend = ch->rp;
  }
  ch->recv_slow = ch->closed || ch->senders || ch->shared; /* (a shared one: always) */
}

static inline void yc__chan_open(yc_chan *ch) {
  yc__chan_open_send(ch);
  yc__chan_open_recv(ch);
}

/* After a change of closed (or anything): both windows. */
static inline void yc__chan_limits(yc_chan *ch) { yc__chan_open(ch); }

/* The case a select's node is in. */
static inline yc_case *yc__node_case(yc__wnode *n) {
  return (yc_case *)(void *)((char *)n - offsetof(yc_case, yc__node));
}

/* Does node n wait to send (else to receive)? */
static inline bool yc__node_is_send(yc__wnode *n) {
  return n->w->op == YC__WAIT_SELECT ? yc__node_case(n)->send : n->w->op == YC__WAIT_SEND;
}

/* Queue n on ch's senders (send) or receivers. */
static inline void yc__node_queue(yc_chan *ch, yc__wnode *n, bool send) {
  yc__wnode **head = send ? &ch->senders : &ch->receivers;
  yc__wnode **tail = send ? &ch->senders_tail : &ch->receivers_tail;
  n->ch = ch;
  n->next = NULL;
  n->prev = *tail;
  if (*tail)
    (*tail)->next = n;
  else
    *head = n;
  *tail = n;
  /* A waiting sender closes the receive window, a waiting receiver the
   * send window (no sync needed to close one). */
  if (send) {
    ch->rend = ch->rp;
    ch->recv_slow = true;
  } else {
    ch->wend = ch->wp;
  }
}

/* Take n out of ch's queue of senders (send) or receivers. */
static inline void yc__node_unlink(yc_chan *ch, yc__wnode *n, bool send) {
  yc__wnode **head = send ? &ch->senders : &ch->receivers;
  yc__wnode **tail = send ? &ch->senders_tail : &ch->receivers_tail;
  if (n->prev)
    n->prev->next = n->next;
  else
    *head = n->next;
  if (n->next)
    n->next->prev = n->prev;
  else
    *tail = n->prev;
  n->next = n->prev = NULL;
  n->ch = NULL;
  yc__chan_limits(ch); /* one waiter less may open a window */
}

/* Take n out of its queue (no-op if it is not queued). */
static inline void yc__node_unqueue(yc__wnode *n) {
  if (n->ch)
    yc__node_unlink(n->ch, n, yc__node_is_send(n));
}

/* Take every queued node of w out of its queue (a select's cases or the
 * single operation's node). */
void yc__wait_unqueue(yc__wait *w);
/* A select's node n was taken by a peer or a close (select.c's part of
 * yc__wnode_fire). */
void yc__select_fire(yc__wnode *n, bool ok);

/* n was taken from its queue by a peer or a close: complete its record with
 * ok (recv: an item arrived; send: the item went), take its other nodes out
 * of their queues, wake its task.  Inline for a single operation: it is
 * every hand-over's last step. */
static inline __attribute__((always_inline)) void yc__wnode_fire(yc__wnode *n, bool ok) {
  yc__wait *w = n->w;
  if (__builtin_expect(w->op == YC__WAIT_SELECT, 0)) {
    yc__select_fire(n, ok);
    return;
  }
  w->result = w->op == YC__WAIT_SEND ? (ok ? 0 : YC_ECLOSED) : ok;
  w->state = YC__WAIT_DONE;
  yc__task *t = w->task;
  w->task = NULL;
  yc__task_wake(t);
}

/* memcpy of an item; the usual sizes become single moves (an int, the most
 * common item, tested first). */
static inline __attribute__((always_inline)) void yc__copy_item(void *dst, const void *src,
                                                                size_t n) {
  if (n == 4)
    memcpy(dst, src, 4);
  else if (n == 8)
    memcpy(dst, src, 8);
  else if (n == 16)
    memcpy(dst, src, 16);
  else if (n)
    memcpy(dst, src, n);
}

/* Take the first waiting sender (send) or receiver of ch, NULL if none.
 * (n->next and n->prev are left as they are: a node's links mean something
 * only while it is queued, and yc__node_queue sets them.)  The windows stay
 * as they are (one waiter less only makes them wider): the caller opens
 * them when it is done. */
static inline __attribute__((always_inline)) yc__wnode *yc__pop(yc_chan *ch, bool send) {
  yc__wnode *n = send ? ch->senders : ch->receivers;
  if (n) {
    yc__wnode *next = n->next;
    if (send) {
      ch->senders = next;
      if (!next)
        ch->senders_tail = NULL;
    } else {
      ch->receivers = next;
      if (!next)
        ch->receivers_tail = NULL;
    }
    if (next)
      next->prev = NULL;
    n->ch = NULL;
  }
  return n;
}

/* Append an item to the buffer (not full).  The windows may be
 * wrong afterwards (wp wraps): the caller opens them (yc__chan_open)
 * before user code runs again. */
static inline void yc__chan_put(yc_chan *ch, const void *src) {
  if (ch->bend) { /* else no bytes to store (esz 0) */
    if (ch->wp == ch->bend)
      ch->wp = ch->buf;
    yc__copy_item(ch->wp, src, ch->esz);
    ch->wp += ch->esz;
  }
  ch->fill += ch->unit;
}

/* Take the first item of the buffer (not empty) into dst (may be
 * NULL); the caller opens the windows, as after yc__chan_put. */
static inline void yc__chan_take(yc_chan *ch, void *dst) {
  if (ch->bend) {
    if (ch->rp == ch->bend)
      ch->rp = ch->buf;
    if (dst)
      yc__copy_item(dst, ch->rp, ch->esz);
    ch->rp += ch->esz;
  }
  ch->fill -= ch->unit;
}

/* Could a send / a receive on ch complete now? */
static inline bool yc__send_ready(const yc_chan *ch) {
  return ch->closed || ch->receivers || ch->fill < ch->full;
}
static inline bool yc__recv_ready(const yc_chan *ch) {
  return ch->fill || ch->senders || ch->closed;
}

/* What a send can do without waiting: true when it completed, with its
 * result (0 or YC_ECLOSED) in *r. */
static inline __attribute__((always_inline)) bool yc__send_now(yc_chan *ch, const void *item, int *r) {
  if (__builtin_expect(ch->closed, 0)) {
    *r = YC_ECLOSED;
    return true;
  }
  yc__wnode *rcv = yc__pop(ch, false);
  if (rcv) {
    /* A waiting receiver owns the next item: straight into its variable. */
    if (rcv->item)
      yc__copy_item(rcv->item, item, ch->esz);
    yc__wnode_fire(rcv, true);
    yc__chan_open_send(ch); /* (the receive side did not change) */
    *r = 0;
    return true;
  }
  if (__builtin_expect(ch->fill < ch->full, 1)) {
    yc__chan_put(ch, item);
    yc__chan_open(ch);
    *r = 0;
    return true;
  }
  return false;
}

/* What a receive can do without waiting: true when it completed, with its
 * result in *r (false: closed and drained). */
static inline __attribute__((always_inline)) bool yc__recv_now(yc_chan *ch, void *dst, bool *r) {
  if (__builtin_expect(ch->fill != 0, 1)) {
    yc__chan_take(ch, dst);
    /* Room now: the first waiting sender's item moves into the buffer. */
    yc__wnode *s = yc__pop(ch, true);
    if (s) {
      yc__chan_put(ch, s->item);
      yc__wnode_fire(s, true);
    }
    yc__chan_open(ch);
    *r = true;
    return true;
  }
  yc__wnode *s = yc__pop(ch, true); /* rendezvous (capacity 0) */
  if (s) {
    if (dst)
      yc__copy_item(dst, s->item, ch->esz);
    yc__wnode_fire(s, true);
    yc__chan_open_recv(ch);
    *r = true;
    return true;
  }
  if (ch->closed) {
    *r = false;
    return true;
  }
  return false;
}

/* Complete the chosen case k of a select on a channel of one loop (it is
 * ready): its operation's result goes to k->ok. */
static inline void yc__case_complete(yc_case *k) {
  if (k->send) {
    int r = 0;
    (void)yc__send_now(k->chan, k->item, &r);
    k->ok = r == 0;
  } else {
    bool r = false;
    (void)yc__recv_now(k->chan, k->item, &r);
    k->ok = r;
  }
}

/* This thread's choice sequence of select (select.c; yc_select_seed). */
uint64_t yc__select_rng(void);

/* The error a completed wait lets pass (the wait keeps its result, the
 * error arrives at the next suspension point): a cancellation or a
 * deadline.  -1009 is YC_ETIMEDOUT (coro.h, added with deadlines). */
#define YC__ETIMEDOUT_CODE (-1009)
static inline bool yc__error_passes_done_wait(int err) {
  return err == YC_ECANCELLED || err == YC__ETIMEDOUT_CODE;
}

#endif
