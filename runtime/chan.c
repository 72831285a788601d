/* chan.c - bounded channels: a ring buffer of items plus FIFO queues of
 * waiting senders and receivers (leaf frames).
 *
 * Invariants: receivers wait only while the buffer is empty, senders only
 * while it is full.  A transfer to a waiting operation completes it on the
 * spot (the item is in the receiver's variable, or in the buffer for a
 * sender); a cancellation that arrives afterwards does not undo it, the
 * task sees it at its next suspension point instead.  So an item is never
 * lost or duplicated by cancellation. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "loop_internal.h"
#include "yieldc/chan.h"

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

typedef struct chan_op chan_op;

struct yc_chan {
  size_t cap, esz;
  unsigned char *buf; /* cap items */
  size_t head, count; /* head < cap (when cap > 0) */
  bool closed;
  chan_op *senders, *senders_tail;
  chan_op *receivers, *receivers_tail;
  size_t send_limit, recv_min; /* see yc__chan_hot; set by limits() */
  const yc__coro_type *send_type; /* static: see send_types */
  size_t send_size;               /* bytes of a send frame */
};

/* The fast paths of yieldc/chan.h read the first fields as yc__chan_hot. */
#define SAME_FIELD(f, g)                                                                           \
  _Static_assert(offsetof(struct yc_chan, f) == offsetof(yc__chan_hot, g) &&                       \
                     sizeof(((struct yc_chan *)0)->f) == sizeof(((yc__chan_hot *)0)->g),            \
                 "yc__chan_hot mirrors struct yc_chan: " #f)
SAME_FIELD(cap, cap);
SAME_FIELD(esz, esz);
SAME_FIELD(buf, buf);
SAME_FIELD(head, head);
SAME_FIELD(count, count);
SAME_FIELD(closed, closed);
SAME_FIELD(senders, senders);
SAME_FIELD(receivers, receivers);
SAME_FIELD(send_limit, send_limit);
SAME_FIELD(recv_min, recv_min);

/* After every change of closed or of a wait queue: what the inline fast
 * paths of yieldc/chan.h may complete on their own. */
static inline void limits(yc_chan *ch) {
  ch->send_limit = ch->closed || ch->receivers ? 0 : ch->cap;
  ch->recv_min = ch->senders ? SIZE_MAX : 0;
}

struct chan_op {
  yc_coro hdr;
  void *aux; /* yc__aux: async frames carry it after the header */
  yc_chan *ch;
  chan_op *next, *prev; /* in a wait queue */
  yc__task *task;       /* the waiting task; NULL when not queued */
  void *dst;            /* recv: where the item goes (may be NULL) */
  int error;            /* refused when created (YC_ESIZE, YC_EINVAL) */
  int send_result;      /* R of send: 0 or YC_ECLOSED */
  bool completed;       /* a peer or close finished it while it waited */
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

static inline chan_op *pop_sender(yc_chan *ch) {
  chan_op *s = ch->senders;
  if (s) {
    q_remove(&ch->senders, &ch->senders_tail, s);
    limits(ch);
  }
  return s;
}

static inline chan_op *pop_receiver(yc_chan *ch) {
  chan_op *r = ch->receivers;
  if (r) {
    q_remove(&ch->receivers, &ch->receivers_tail, r);
    limits(ch);
  }
  return r;
}

/* memcpy of an item; the usual sizes become single moves. */
static inline void copy_item(void *dst, const void *src, size_t n) {
  switch (n) {
  case 0:
    return;
  case 4:
    memcpy(dst, src, 4);
    return;
  case 8:
    memcpy(dst, src, 8);
    return;
  case 16:
    memcpy(dst, src, 16);
    return;
  default:
    memcpy(dst, src, n);
    return;
  }
}

static inline void copy_out(yc_chan *ch, void *dst, const void *src) {
  if (dst)
    copy_item(dst, src, ch->esz);
}

/* Append an item to the buffer (count < cap). */
static inline void put(yc_chan *ch, const void *src) {
  size_t i = ch->head + ch->count;
  if (i >= ch->cap)
    i -= ch->cap;
  if (ch->esz) /* else buf is NULL */
    copy_item(ch->buf + i * ch->esz, src, ch->esz);
  ch->count++;
}

/* Take the first item of the buffer (count > 0) into dst (may be NULL). */
static inline void take(yc_chan *ch, void *dst) {
  if (ch->esz)
    copy_out(ch, dst, ch->buf + ch->head * ch->esz);
  if (++ch->head == ch->cap)
    ch->head = 0;
  ch->count--;
}

/* ---- Leaves ------------------------------------------------------------------ */

/* Everything but the first attempt of an operation: a throw or close
 * (cancellation), the resumption of a waiting op, an op refused when it was
 * created, or one awaited outside a task.  The resume function's return. */
static __attribute__((noinline)) int op_slow(chan_op *op, bool is_send) {
  yc_coro *c = &op->hdr;
  yc_chan *ch = op->ch;
  if (c->flags & (YC__F_THROW | YC__F_CLOSE)) {
    if (op->completed && (c->flags & YC__F_THROW) && (c->error == YC_ECANCELLED || c->error == YC_ETIMEDOUT))
      return yc__leaf_return(c); /* done already; the cancel comes later */
    if (op->task) {
      if (is_send)
        q_remove(&ch->senders, &ch->senders_tail, op);
      else
        q_remove(&ch->receivers, &ch->receivers_tail, op);
      limits(ch);
      op->task = NULL;
    }
    return yc__leaf_fail(c, c->error);
  }
  if (c->state == 1)
    return op->completed ? yc__leaf_return(c) : YC__PENDING;
  if (op->error)
    return yc__leaf_fail(c, op->error);
  return yc__leaf_fail(c, YC_EINVAL); /* not awaited by a task of a loop */
}

/* The first attempt needs: no throw or close, not refused, a task. */
static inline bool first_attempt(chan_op *op) {
  return LIKELY(op->hdr.state == 0 && !(op->hdr.flags & (YC__F_THROW | YC__F_CLOSE)) &&
                !op->error && yc__task_current());
}

/* op cannot complete now: its task waits in the queue head/tail. */
static int wait_in(chan_op *op, chan_op **head, chan_op **tail) {
  op->task = yc__task_current();
  q_push(head, tail, op);
  limits(op->ch);
  op->hdr.state = 1;
  return YC__PENDING;
}

/* What a send can do without waiting: true when it completed, with its
 * result (0 or YC_ECLOSED) in *r.  The first attempt of a send operation,
 * and yc__chan_try_send_slow. */
static inline bool send_now(yc_chan *ch, const void *item, int *r) {
  if (UNLIKELY(ch->closed)) {
    *r = YC_ECLOSED;
    return true;
  }
  chan_op *rcv = pop_receiver(ch);
  if (rcv) {
    /* A waiting receiver owns the next item. */
    copy_out(ch, rcv->dst, item);
    rcv->recv_result = true;
    complete(rcv);
    *r = 0;
    return true;
  }
  if (LIKELY(ch->count < ch->cap)) {
    put(ch, item);
    *r = 0;
    return true;
  }
  return false;
}

static int send_resume(yc_coro *c, void *out, const void *in) {
  chan_op *op = (chan_op *)c;
  yc_chan *ch = op->ch;
  (void)out, (void)in;
  if (!first_attempt(op))
    return op_slow(op, true);
  if (send_now(ch, op->item, &op->send_result))
    return yc__leaf_return(c);
  return wait_in(op, &ch->senders, &ch->senders_tail);
}

/* What a receive can do without waiting: true when it completed, with its
 * result in *r (false: closed and drained). */
static inline bool recv_now(yc_chan *ch, void *dst, bool *r) {
  if (LIKELY(ch->count)) {
    take(ch, dst);
    /* Room now: the first waiting sender's item moves into the buffer. */
    chan_op *s = pop_sender(ch);
    if (s) {
      put(ch, s->item);
      complete(s);
    }
    *r = true;
    return true;
  }
  chan_op *s = pop_sender(ch); /* rendezvous (capacity 0) */
  if (s) {
    copy_out(ch, dst, s->item);
    complete(s);
    *r = true;
    return true;
  }
  if (ch->closed) {
    *r = false;
    return true;
  }
  return false;
}

static int recv_resume(yc_coro *c, void *out, const void *in) {
  chan_op *op = (chan_op *)c;
  yc_chan *ch = op->ch;
  (void)out, (void)in;
  if (!first_attempt(op))
    return op_slow(op, false);
  if (recv_now(ch, op->dst, &op->recv_result))
    return yc__leaf_return(c);
  return wait_in(op, &ch->receivers, &ch->receivers_tail);
}

/* The rest of yc__chan_try_send / _recv (yieldc/chan.h): the same checks as
 * the inline part, then whatever the operation's first attempt would do
 * without waiting (a waiting peer, a closed channel). */
bool yc__chan_try_send_slow(yc_chan *ch, const void *v, size_t v_size, int *r) {
  if (!ch || !v || !v_size || v_size != ch->esz || !yc__live_root)
    return false;
  return send_now(ch, v, r);
}

bool yc__chan_try_recv_slow(yc_chan *ch, void *v, size_t v_size, bool *r) {
  if (!ch || !v || !v_size || v_size != ch->esz || !yc__live_root)
    return false;
  return recv_now(ch, v, r);
}

/* Frame types are static, never part of a channel: an operation may be
 * freed after its channel (if it was never awaited), and freeing reads
 * type->frame_size.  Send frames carry the item: one type per 8-byte step
 * of item size while the frame fits the pool, one for larger items (whose
 * frame_size only says "larger than the pool's", see send_size). */
#define OP_TYPE(name, res, size, r_size, r_field)                                                  \
  { name, res, (unsigned)(size), 0, 0, r_size, offsetof(chan_op, r_field), YC__LEAF, 0 }
#define SEND_TYPE(i)                                                                               \
  OP_TYPE("yc_chan_send", send_resume, sizeof(chan_op) + 8 * (i), sizeof(int), send_result)
#define SEND_STEPS ((YC__POOL_MAX - sizeof(chan_op)) / 8 + 1)
static const yc__coro_type send_types[] = {
    SEND_TYPE(0),  SEND_TYPE(1),  SEND_TYPE(2),  SEND_TYPE(3),  SEND_TYPE(4),  SEND_TYPE(5),
    SEND_TYPE(6),  SEND_TYPE(7),  SEND_TYPE(8),  SEND_TYPE(9),  SEND_TYPE(10), SEND_TYPE(11),
    SEND_TYPE(12), SEND_TYPE(13), SEND_TYPE(14), SEND_TYPE(15), SEND_TYPE(16), SEND_TYPE(17),
    SEND_TYPE(18), SEND_TYPE(19), SEND_TYPE(20)};
_Static_assert(sizeof send_types / sizeof *send_types == SEND_STEPS,
               "one send type per 8-byte step up to YC__POOL_MAX");
static const yc__coro_type big_send_type =
    OP_TYPE("yc_chan_send", send_resume, YC__POOL_MAX + 1, sizeof(int), send_result);
/* For operations on a NULL channel, which only fail. */
#define null_send_type send_types[0]
static const yc__coro_type recv_type =
    OP_TYPE("yc_chan_recv", recv_resume, sizeof(chan_op), sizeof(bool), recv_result);

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

/* A new operation frame, as yc__frame_new would make it (but only the
 * fields are set, no memset). */
static chan_op *op_new(const yc__coro_type *t, size_t size, yc_chan *ch) {
  chan_op *op = yc__frame_alloc_raw(size);
  if (!op)
    return NULL;
  op->hdr = (yc_coro){.type = t};
  op->aux = NULL;
  op->ch = ch;
  op->next = op->prev = NULL;
  op->task = NULL;
  op->dst = NULL;
  op->error = 0;
  op->send_result = 0;
  op->completed = false;
  op->recv_result = false;
  return op;
}

yc_task *yc__chan_send(yc_chan *ch, const void *v, size_t v_size) {
  chan_op *op = ch ? op_new(ch->send_type, ch->send_size, ch)
                   : op_new(&null_send_type, null_send_type.frame_size, ch);
  if (!op)
    return NULL;
  if (UNLIKELY(!ch || (v_size && v_size != ch->esz)))
    op->error = check_size(ch, v_size, "yc_chan_send");
  else if (ch->esz) {
    if (LIKELY(v != NULL))
      copy_item(op->item, v, ch->esz);
    else
      op->error = YC_EINVAL;
  }
  return (yc_task *)op;
}

yc_task *yc__chan_recv(yc_chan *ch, void *v, size_t v_size) {
  chan_op *op = op_new(&recv_type, sizeof(chan_op), ch);
  if (!op)
    return NULL;
  op->dst = v;
  if (UNLIKELY(!ch || (v_size && v_size != ch->esz)))
    op->error = check_size(ch, v_size, "yc_chan_recv");
  return (yc_task *)op;
}

/* ---- The channel ------------------------------------------------------------- */

yc_chan *yc_chan_new(size_t capacity, size_t elem_size) {
  if (elem_size > (size_t)1 << 24 || (capacity && elem_size && capacity > SIZE_MAX / elem_size))
    return NULL;
  yc_chan *ch = yc__rt_realloc(NULL, sizeof *ch);
  if (!ch)
    return NULL;
  *ch = (yc_chan){.cap = capacity, .esz = elem_size};
  limits(ch);
  if (capacity && elem_size) {
    ch->buf = yc__rt_realloc(NULL, capacity * elem_size);
    if (!ch->buf) {
      yc__rt_realloc(ch, 0);
      return NULL;
    }
  }
  if (elem_size <= (YC__POOL_MAX - sizeof(chan_op))) {
    ch->send_type = &send_types[(elem_size + 7) / 8];
    ch->send_size = ch->send_type->frame_size;
  } else {
    ch->send_type = &big_send_type;
    ch->send_size = sizeof(chan_op) + elem_size;
  }
  return ch;
}

void yc_chan_close(yc_chan *ch) {
  if (!ch || ch->closed)
    return;
  ch->closed = true;
  limits(ch);
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
