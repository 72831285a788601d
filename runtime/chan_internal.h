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
  size_t cap, esz;
  unsigned char *buf; /* cap items */
  size_t head, count; /* head < cap (when cap > 0) */
  bool closed;
  yc__wnode *senders, *senders_tail;
  yc__wnode *receivers, *receivers_tail;
  size_t send_limit, recv_min; /* see yc__chan_hot; set by yc__chan_limits() */
  const yc__coro_type *send_type; /* static: see send_types in chan.c */
  size_t send_size;               /* bytes of a send frame */
  /* A channel of yc_chan_new_shared (xchan.c): its items and state live
   * there, under a lock; the fields above stay frozen (count 0, send_limit
   * 0, recv_min SIZE_MAX: the inline paths always call the runtime, whose
   * out-of-line entries branch to xchan.c).  NULL for every other. */
  struct yc__xchan *shared;
};

/* Is ch shared?  recv_min is SIZE_MAX on a channel of one loop only while
 * a sender waits (rare), so the usual test reads the hot line only. */
static inline bool yc__chan_shared(const yc_chan *ch) {
  return __builtin_expect(ch->recv_min == SIZE_MAX && ch->shared != NULL, 0);
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

/* After every change of closed or of a wait queue: what the inline fast
 * paths of yieldc/chan.h may complete on their own. */
static inline void yc__chan_limits(yc_chan *ch) {
  ch->send_limit = ch->closed || ch->receivers ? 0 : ch->cap;
  ch->recv_min = ch->senders ? SIZE_MAX : 0;
}

/* The same, after a change of one wait queue only: a receiver queue
 * changes only send_limit, a sender queue only recv_min. */
static inline void yc__chan_limits_for(yc_chan *ch, bool send) {
  if (send)
    ch->recv_min = ch->senders ? SIZE_MAX : 0;
  else
    ch->send_limit = ch->closed || ch->receivers ? 0 : ch->cap;
}

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
  yc__chan_limits_for(ch, send);
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
  yc__chan_limits_for(ch, send);
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
 * only while it is queued, and yc__node_queue sets them.) */
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
    yc__chan_limits_for(ch, send);
  }
  return n;
}

/* Append an item to the buffer (count < cap). */
static inline void yc__chan_put(yc_chan *ch, const void *src) {
  size_t i = ch->head + ch->count;
  if (i >= ch->cap)
    i -= ch->cap;
  if (ch->esz) /* else buf is NULL */
    yc__copy_item(ch->buf + i * ch->esz, src, ch->esz);
  ch->count++;
}

/* Take the first item of the buffer (count > 0) into dst (may be NULL). */
static inline void yc__chan_take(yc_chan *ch, void *dst) {
  if (ch->esz && dst)
    yc__copy_item(dst, ch->buf + ch->head * ch->esz, ch->esz);
  if (++ch->head == ch->cap)
    ch->head = 0;
  ch->count--;
}

/* Could a send / a receive on ch complete now? */
static inline bool yc__send_ready(const yc_chan *ch) {
  return ch->closed || ch->receivers || ch->count < ch->cap;
}
static inline bool yc__recv_ready(const yc_chan *ch) {
  return ch->count || ch->senders || ch->closed;
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
    *r = 0;
    return true;
  }
  if (__builtin_expect(ch->count < ch->cap, 1)) {
    yc__chan_put(ch, item);
    *r = 0;
    return true;
  }
  return false;
}

/* What a receive can do without waiting: true when it completed, with its
 * result in *r (false: closed and drained). */
static inline __attribute__((always_inline)) bool yc__recv_now(yc_chan *ch, void *dst, bool *r) {
  if (__builtin_expect(ch->count != 0, 1)) {
    yc__chan_take(ch, dst);
    /* Room now: the first waiting sender's item moves into the buffer. */
    yc__wnode *s = yc__pop(ch, true);
    if (s) {
      yc__chan_put(ch, s->item);
      yc__wnode_fire(s, true);
    }
    *r = true;
    return true;
  }
  yc__wnode *s = yc__pop(ch, true); /* rendezvous (capacity 0) */
  if (s) {
    if (dst)
      yc__copy_item(dst, s->item, ch->esz);
    yc__wnode_fire(s, true);
    *r = true;
    return true;
  }
  if (ch->closed) {
    *r = false;
    return true;
  }
  return false;
}

/* The error a completed wait lets pass (the wait keeps its result, the
 * error arrives at the next suspension point): a cancellation or a
 * deadline.  -1009 is YC_ETIMEDOUT (coro.h, added with deadlines). */
#define YC__ETIMEDOUT_CODE (-1009)
static inline bool yc__error_passes_done_wait(int err) {
  return err == YC_ECANCELLED || err == YC__ETIMEDOUT_CODE;
}

#endif
