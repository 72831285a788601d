/* chan.c - bounded channels: a ring buffer of items plus FIFO queues of
 * waiting senders and receivers (leaf frames).
 *
 * Invariants: receivers wait only while the buffer is empty, senders only
 * while it is full.  A transfer to a waiting operation completes it on the
 * spot (the item is in the receiver's variable, or in the buffer for a
 * sender); a cancellation that arrives afterwards does not undo it, the
 * task sees it at its next suspension point instead.  So an item is never
 * lost or duplicated by cancellation. */
#include <stdio.h>
#include <string.h>

#include "loop_internal.h"
#include "yieldc/chan.h"

typedef struct chan_op chan_op;

struct yc_chan {
  size_t cap, esz;
  unsigned char *buf; /* cap items */
  size_t head, count;
  bool closed;
  chan_op *senders, *senders_tail;
  chan_op *receivers, *receivers_tail;
  yc__coro_type send_type; /* frames with room for one item */
};

struct chan_op {
  yc_coro hdr;
  void *aux; /* yc__aux: async frames carry it after the header */
  yc_chan *ch;
  chan_op *next, *prev; /* in a wait queue */
  yc__task *task;       /* the waiting task; NULL when not queued */
  void *dst;            /* recv: where the item goes (may be NULL) */
  bool completed;       /* a peer or close finished it while it waited */
  int error;            /* refused when created (YC_ESIZE, YC_EINVAL) */
  int send_result;      /* R of send: 0 or YC_ECLOSED */
  bool recv_result;     /* R of recv */
  unsigned char item[]; /* send: the copied item */
};

/* ---- Wait queues ---------------------------------------------------------- */

static void q_push(chan_op **head, chan_op **tail, chan_op *op) {
  op->next = NULL;
  op->prev = *tail;
  if (*tail)
    (*tail)->next = op;
  else
    *head = op;
  *tail = op;
}

static void q_remove(chan_op **head, chan_op **tail, chan_op *op) {
  if (op->prev)
    op->prev->next = op->next;
  else
    *head = op->next;
  if (op->next)
    op->next->prev = op->prev;
  else
    *tail = op->prev;
  op->next = op->prev = NULL;
}

/* Finish a waiting op (already out of its queue) and wake its task. */
static void complete(chan_op *op) {
  yc__task *t = op->task;
  op->task = NULL;
  op->completed = true;
  yc__task_wake(t);
}

static chan_op *pop_sender(yc_chan *ch) {
  chan_op *s = ch->senders;
  if (s)
    q_remove(&ch->senders, &ch->senders_tail, s);
  return s;
}

static chan_op *pop_receiver(yc_chan *ch) {
  chan_op *r = ch->receivers;
  if (r)
    q_remove(&ch->receivers, &ch->receivers_tail, r);
  return r;
}

static void *slot(yc_chan *ch, size_t i) {
  return ch->buf + ((ch->head + i) % ch->cap) * ch->esz;
}

static void copy_out(yc_chan *ch, void *dst, const void *src) {
  if (dst && ch->esz)
    memcpy(dst, src, ch->esz);
}

/* Append an item to the buffer (count < cap). */
static void put(yc_chan *ch, const void *src) {
  if (ch->esz)
    memcpy(slot(ch, ch->count), src, ch->esz);
  ch->count++;
}

/* ---- Leaves ------------------------------------------------------------------ */

/* The common start and resumption of both operations; -1 to go on with the
 * first attempt, else the resume function's return. */
static int op_enter(chan_op *op, bool is_send) {
  yc_coro *c = &op->hdr;
  yc_chan *ch = op->ch;
  if (c->flags & (YC__F_THROW | YC__F_CLOSE)) {
    if (op->completed && (c->flags & YC__F_THROW) &&
        c->error == YC_ECANCELLED)
      return yc__leaf_return(c); /* done already; the cancel comes later */
    if (op->task) {
      if (is_send)
        q_remove(&ch->senders, &ch->senders_tail, op);
      else
        q_remove(&ch->receivers, &ch->receivers_tail, op);
      op->task = NULL;
    }
    return yc__leaf_fail(c, c->error);
  }
  if (c->state == 1)
    return op->completed ? yc__leaf_return(c) : YC__PENDING;
  if (op->error)
    return yc__leaf_fail(c, op->error);
  if (!yc__task_current())
    return yc__leaf_fail(c, YC_EINVAL);
  return -1;
}

static int send_resume(yc_coro *c, void *out, const void *in) {
  chan_op *op = (chan_op *)c;
  yc_chan *ch = op->ch;
  (void)out, (void)in;
  int r = op_enter(op, true);
  if (r >= 0)
    return r;
  if (ch->closed) {
    op->send_result = YC_ECLOSED;
    return yc__leaf_return(c);
  }
  chan_op *rcv = pop_receiver(ch);
  if (rcv) {
    /* A waiting receiver owns the next item. */
    copy_out(ch, rcv->dst, op->item);
    rcv->recv_result = true;
    complete(rcv);
    return yc__leaf_return(c);
  }
  if (ch->count < ch->cap) {
    put(ch, op->item);
    return yc__leaf_return(c);
  }
  op->task = yc__task_current();
  q_push(&ch->senders, &ch->senders_tail, op);
  c->state = 1;
  return YC__PENDING;
}

static int recv_resume(yc_coro *c, void *out, const void *in) {
  chan_op *op = (chan_op *)c;
  yc_chan *ch = op->ch;
  (void)out, (void)in;
  int r = op_enter(op, false);
  if (r >= 0)
    return r;
  if (ch->count) {
    if (ch->esz)
      copy_out(ch, op->dst, slot(ch, 0));
    ch->head = (ch->head + 1) % ch->cap;
    ch->count--;
    /* Room now: the first waiting sender's item moves into the buffer. */
    chan_op *s = pop_sender(ch);
    if (s) {
      put(ch, s->item);
      complete(s);
    }
    op->recv_result = true;
    return yc__leaf_return(c);
  }
  chan_op *s = pop_sender(ch); /* rendezvous (capacity 0) */
  if (s) {
    copy_out(ch, op->dst, s->item);
    complete(s);
    op->recv_result = true;
    return yc__leaf_return(c);
  }
  if (ch->closed) {
    op->recv_result = false;
    return yc__leaf_return(c);
  }
  op->task = yc__task_current();
  q_push(&ch->receivers, &ch->receivers_tail, op);
  c->state = 1;
  return YC__PENDING;
}

/* For operations on a NULL channel, which only fail. */
static const yc__coro_type null_send_type = {
    "yc_chan_send", send_resume, sizeof(chan_op), 0, 0, sizeof(int),
    offsetof(chan_op, send_result), YC__LEAF};
static const yc__coro_type recv_type = {
    "yc_chan_recv", recv_resume, sizeof(chan_op), 0, 0, sizeof(bool),
    offsetof(chan_op, recv_result), YC__LEAF};

static int check_size(yc_chan *ch, size_t v_size, const char *api) {
  if (!ch)
    return YC_EINVAL;
  if (!v_size || v_size == ch->esz)
    return 0;
  fprintf(stderr,
          "yieldc: %s: the value is %zu bytes but the channel carries %zu-byte "
          "items; pass the address of an item variable\n",
          api, v_size, ch->esz);
  return YC_ESIZE;
}

yc_task *yc__chan_send(yc_chan *ch, const void *v, size_t v_size) {
  chan_op *op = yc__frame_new(ch ? &ch->send_type : &null_send_type);
  if (!op)
    return NULL;
  op->ch = ch;
  op->error = check_size(ch, v_size, "yc_chan_send");
  if (!op->error && ch->esz) {
    if (v)
      memcpy(op->item, v, ch->esz);
    else
      op->error = YC_EINVAL;
  }
  return (yc_task *)op;
}

yc_task *yc__chan_recv(yc_chan *ch, void *v, size_t v_size) {
  chan_op *op = yc__frame_new(&recv_type);
  if (!op)
    return NULL;
  op->ch = ch;
  op->dst = v;
  op->error = check_size(ch, v_size, "yc_chan_recv");
  return (yc_task *)op;
}

/* ---- The channel ------------------------------------------------------------- */

yc_chan *yc_chan_new(size_t capacity, size_t elem_size) {
  if (elem_size > (size_t)1 << 24 ||
      (capacity && elem_size && capacity > SIZE_MAX / elem_size))
    return NULL;
  yc_chan *ch = yc__rt_realloc(NULL, sizeof *ch);
  if (!ch)
    return NULL;
  *ch = (yc_chan){.cap = capacity, .esz = elem_size};
  if (capacity && elem_size) {
    ch->buf = yc__rt_realloc(NULL, capacity * elem_size);
    if (!ch->buf) {
      yc__rt_realloc(ch, 0);
      return NULL;
    }
  }
  ch->send_type = null_send_type;
  ch->send_type.frame_size = (unsigned)(sizeof(chan_op) + elem_size);
  return ch;
}

void yc_chan_close(yc_chan *ch) {
  if (!ch || ch->closed)
    return;
  ch->closed = true;
  chan_op *op;
  while ((op = pop_receiver(ch))) {
    op->recv_result = false;
    complete(op);
  }
  while ((op = pop_sender(ch))) {
    op->send_result = YC_ECLOSED;
    complete(op);
  }
}

size_t yc_chan_len(const yc_chan *ch) { return ch ? ch->count : 0; }

void yc_chan_free(yc_chan *ch) {
  if (!ch)
    return;
  yc__rt_realloc(ch->buf, 0);
  yc__rt_realloc(ch, 0);
}
