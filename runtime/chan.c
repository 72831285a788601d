/* chan.c - bounded channels: a ring buffer of items plus FIFO queues of
 * waiting senders and receivers (wait nodes, chan_internal.h), the
 * operation frames of `await(yc_chan_send(...))` / `yc_chan_recv`, and the
 * frameless waits the translator emits instead when it can (yc__chan_park_*,
 * yc__wait_steer).
 *
 * A transfer to a waiting operation completes it on the spot (the item is
 * in the receiver's variable, or in the buffer for a sender) and makes its
 * task ready: no frame, no engine.  A cancellation that arrives afterwards
 * does not undo it, the task sees it at its next suspension point instead.
 * So an item is never lost or duplicated by cancellation. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "chan_internal.h"

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

/* The fast paths of yieldc/chan.h read the first fields as yc__chan_hot. */
#define SAME_FIELD(f, g)                                                                           \
  _Static_assert(offsetof(struct yc_chan, f) == offsetof(yc__chan_hot, g) &&                       \
                     sizeof(((struct yc_chan *)0)->f) == sizeof(((yc__chan_hot *)0)->g),            \
                 "yc__chan_hot mirrors struct yc_chan: " #f)
SAME_FIELD(wp, wp);
SAME_FIELD(wend, wend);
SAME_FIELD(rp, rp);
SAME_FIELD(rend, rend);
SAME_FIELD(esz, esz);
SAME_FIELD(fill, fill);
SAME_FIELD(recv_slow, recv_slow);

/* ---- Wait records ------------------------------------------------------------ */

void yc__wait_unqueue(yc__wait *w) {
  if (UNLIKELY(w->node.w == (yc__wait *)(void *)&yc__xlisted)) {
    yc__xwait_forget(w); /* a wait on shared channels (xchan.c) */
    if (w->op != YC__WAIT_SELECT)
      return;
  }
  if (w->op == YC__WAIT_SELECT) {
    for (size_t i = 0; i < w->n; i++)
      yc__node_unqueue(&w->cases[i].yc__node);
  } else {
    yc__node_unqueue(&w->node);
  }
}

void yc__select_fire(yc__wnode *n, bool ok) {
  yc__wait *w = n->w;
  yc_case *k = yc__node_case(n);
  k->ok = ok;
  w->result = (int)(k - w->cases);
  yc__wait_unqueue(w); /* the cases not chosen take and send nothing */
  w->state = YC__WAIT_DONE;
  yc__task *t = w->task;
  w->task = NULL;
  yc__task_wake(t);
}

bool yc__wait_steer(yc_coro *c, yc__wait *w) {
  if (w->state == YC__WAIT_WAITING) {
    yc__wait_unqueue(w); /* took nothing, sent nothing */
    w->state = YC__WAIT_IDLE;
    w->task = NULL;
    return false;
  }
  return w->state == YC__WAIT_DONE && (c->flags & YC__F_THROW) && !(c->flags & YC__F_CLOSE) &&
         yc__error_passes_done_wait(c->error);
}

/* w waits for a single operation on ch (that cannot complete now): its
 * node goes in the queue. */
static inline void wait_single(yc__wait *w, yc__task *t, yc_chan *ch, unsigned char op, void *item) {
  w->task = t;
  w->cases = NULL;
  w->op = op;
  w->state = YC__WAIT_WAITING;
  w->node.w = w;
  w->node.item = item;
  yc__node_queue(ch, &w->node, op == YC__WAIT_SEND);
}

/* A park whose operation can complete after all (a caller that did not
 * try first): complete it now and make the task ready; the caller's
 * YC__PENDING then costs one turn. */
static __attribute__((noinline)) void park_done_now(yc__wait *w, yc__task *t, yc_chan *ch,
                                                    unsigned char op, void *item) {
  w->cases = NULL;
  w->op = op;
  w->node.w = w;
  w->node.ch = NULL;
  w->node.item = item;
  if (op == YC__WAIT_SEND) {
    int r = 0;
    (void)yc__send_now(ch, item, &r);
    w->result = r;
  } else {
    bool r = false;
    (void)yc__recv_now(ch, item, &r);
    w->result = r;
  }
  w->state = YC__WAIT_DONE;
  w->task = NULL;
  yc__task_wake(t);
}

/* A park on a shared channel (xchan.c): the task waits there, or the
 * operation completed at once (as park_done_now: the caller's YC__PENDING
 * then costs a turn).  False: refused. */
static bool park_shared(yc__wait *w, yc__task *t, yc_chan *ch, bool send, void *item) {
  int ri = 0;
  bool rb = false;
  int rc = yc__xchan_op(ch, send, item, send ? (void *)&ri : (void *)&rb, w, t);
  if (rc == YC__OP_DONE) {
    w->result = send ? ri : rb;
    w->state = YC__WAIT_DONE;
    w->task = NULL;
    yc__task_wake(t);
  }
  return rc != YC__OP_REFUSED;
}

/* ---- Frameless waits ----------------------------------------------------------- */

bool yc__chan_park_send_(yc_chan *ch, const void *v, size_t v_size, yc__wait *w) {
  yc__task *t = yc__task_current();
  if (!ch || !v || !v_size || v_size != ch->esz || v_size > sizeof w->item || !w || !t ||
      !yc__live_root || w->state == YC__WAIT_WAITING)
    return false;
  if (UNLIKELY(yc__chan_shared(ch))) {
    yc__copy_item(w->item, v, v_size);
    return park_shared(w, t, ch, true, w->item);
  }
  yc__copy_item(w->item, v, v_size);
  if (UNLIKELY(yc__send_ready(ch)))
    park_done_now(w, t, ch, YC__WAIT_SEND, w->item);
  else
    wait_single(w, t, ch, YC__WAIT_SEND, w->item);
  return true;
}

bool yc__chan_park_recv_(yc_chan *ch, void *v, size_t v_size, yc__wait *w) {
  yc__task *t = yc__task_current();
  if (!ch || !v || !v_size || v_size != ch->esz || !w || !t || !yc__live_root ||
      w->state == YC__WAIT_WAITING)
    return false;
  if (UNLIKELY(yc__chan_shared(ch)))
    return park_shared(w, t, ch, false, v);
  if (UNLIKELY(yc__recv_ready(ch)))
    park_done_now(w, t, ch, YC__WAIT_RECV, v);
  else
    wait_single(w, t, ch, YC__WAIT_RECV, v);
  return true;
}

/* ---- Operation frames (the generic await) ----------------------------------- */

typedef struct chan_op {
  yc_coro hdr;
  void *aux; /* yc__aux: async frames carry it after the header */
  yc__wait w;  /* the result of a send is w.result */
  yc_chan *ch;
  int error;            /* refused when created (YC_ESIZE, YC_EINVAL) */
  bool recv_result;     /* R of recv */
  unsigned char item[]; /* send: the copied item */
} chan_op;

static int op_done(chan_op *op) {
  op->recv_result = op->w.result != 0;
  return yc__leaf_return(&op->hdr);
}

/* Everything but the first attempt of an operation: a throw or close
 * (cancellation), the resumption of a waiting op, an op refused when it was
 * created, or one awaited outside a task.  The resume function's return. */
static __attribute__((noinline)) int op_slow(chan_op *op) {
  yc_coro *c = &op->hdr;
  if (c->flags & (YC__F_THROW | YC__F_CLOSE)) {
    if (yc__wait_steer(c, &op->w))
      return op_done(op); /* done already; the cancel comes later */
    return yc__leaf_fail(c, c->error);
  }
  if (c->state == 1)
    return op->w.state == YC__WAIT_DONE ? op_done(op) : YC__PENDING;
  if (op->error)
    return yc__leaf_fail(c, op->error);
  return yc__leaf_fail(c, YC_EINVAL); /* not awaited by a task of a loop */
}

/* The first attempt of an operation on a shared channel (xchan.c). */
static __attribute__((noinline)) int shared_op(chan_op *op, yc__task *t, bool send) {
  void *item = send ? (void *)op->item : op->w.node.item;
  void *r = send ? (void *)&op->w.result : (void *)&op->recv_result;
  int rc = yc__xchan_op(op->ch, send, item, r, &op->w, t);
  if (rc == YC__OP_DONE)
    return yc__leaf_return(&op->hdr);
  if (rc == YC__OP_REFUSED)
    return yc__leaf_fail(&op->hdr, YC_EINVAL); /* must wait, and no loop of a group */
  op->hdr.state = 1;
  return YC__PENDING;
}

static int send_resume(yc_coro *c, void *out, const void *in) {
  chan_op *op = (chan_op *)c;
  yc__task *t = yc__task_current();
  (void)out, (void)in;
  if (UNLIKELY(c->state != 0 || (c->flags & (YC__F_THROW | YC__F_CLOSE)) || op->error || !t))
    return op_slow(op);
  if (UNLIKELY(yc__chan_shared(op->ch)))
    return shared_op(op, t, true);
  if (yc__send_now(op->ch, op->item, &op->w.result))
    return yc__leaf_return(c);
  wait_single(&op->w, t, op->ch, YC__WAIT_SEND, op->item);
  c->state = 1;
  return YC__PENDING;
}

static int recv_resume(yc_coro *c, void *out, const void *in) {
  chan_op *op = (chan_op *)c;
  yc__task *t = yc__task_current();
  (void)out, (void)in;
  if (UNLIKELY(c->state != 0 || (c->flags & (YC__F_THROW | YC__F_CLOSE)) || op->error || !t))
    return op_slow(op);
  if (UNLIKELY(yc__chan_shared(op->ch)))
    return shared_op(op, t, false);
  if (yc__recv_now(op->ch, op->w.node.item, &op->recv_result))
    return yc__leaf_return(c);
  wait_single(&op->w, t, op->ch, YC__WAIT_RECV, op->w.node.item);
  c->state = 1;
  return YC__PENDING;
}

/* The rest of yc__chan_try_send / _recv (yieldc/chan.h): the same checks as
 * the inline part, then whatever the operation's first attempt would do
 * without waiting (a waiting peer, a closed channel). */
bool yc__chan_try_send_slow(yc_chan *ch, const void *v, size_t v_size, int *r) {
  if (!ch || !v || !v_size || v_size != ch->esz || !yc__live_root)
    return false;
  if (UNLIKELY(yc__chan_shared(ch)))
    return yc__xchan_op(ch, true, (void *)(uintptr_t)v, r, NULL, NULL) == YC__OP_DONE;
  return yc__send_now(ch, v, r);
}

bool yc__chan_try_recv_slow(yc_chan *ch, void *v, size_t v_size, bool *r) {
  if (!ch || !v || !v_size || v_size != ch->esz || !yc__live_root)
    return false;
  if (UNLIKELY(yc__chan_shared(ch)))
    return yc__xchan_op(ch, false, v, r, NULL, NULL) == YC__OP_DONE;
  return yc__recv_now(ch, v, r);
}

/* The rest of yc__chan_send_or_park / _recv_or_park (yieldc/chan.h): the
 * slow try, then the park, with the checks of both made once.  The _wait
 * entries are called when the inline part has checked the arguments and
 * the live root already (only the fast condition failed). */
static inline __attribute__((always_inline)) int send_or_park(yc_chan *ch, const void *v,
                                                               size_t v_size, int *r,
                                                               yc__wait *w) {
  if (UNLIKELY(yc__chan_shared(ch)))
    return yc__xchan_send_or_park(ch, v, v_size, r, w);
  if (yc__send_now(ch, v, r))
    return YC__OP_DONE;
  yc__task *t = yc__task_current();
  if (UNLIKELY(!t || !w || v_size > sizeof w->item || w->state == YC__WAIT_WAITING))
    return YC__OP_REFUSED;
  yc__copy_item(w->item, v, v_size);
  wait_single(w, t, ch, YC__WAIT_SEND, w->item);
  return YC__OP_PARKED;
}

static inline __attribute__((always_inline)) int recv_or_park(yc_chan *ch, void *v, bool *r,
                                                               yc__wait *w) {
  if (UNLIKELY(yc__chan_shared(ch))) {
    yc__task *t = yc__task_current();
    if (!t || !w || w->state == YC__WAIT_WAITING)
      t = NULL, w = NULL;
    return yc__xchan_op(ch, false, v, r, w, t);
  }
  if (yc__recv_now(ch, v, r))
    return YC__OP_DONE;
  yc__task *t = yc__task_current();
  if (UNLIKELY(!t || !w || w->state == YC__WAIT_WAITING))
    return YC__OP_REFUSED;
  wait_single(w, t, ch, YC__WAIT_RECV, v);
  return YC__OP_PARKED;
}

int yc__chan_send_slow_or_park(yc_chan *ch, const void *v, size_t v_size, int *r, yc__wait *w) {
  if (UNLIKELY(!ch || !v || !v_size || v_size != ch->esz || !yc__live_root))
    return YC__OP_REFUSED;
  return send_or_park(ch, v, v_size, r, w);
}

int yc__chan_recv_slow_or_park(yc_chan *ch, void *v, size_t v_size, bool *r, yc__wait *w) {
  if (UNLIKELY(!ch || !v || !v_size || v_size != ch->esz || !yc__live_root))
    return YC__OP_REFUSED;
  return recv_or_park(ch, v, r, w);
}

int yc__chan_send_wait(yc_chan *ch, const void *v, size_t v_size, int *r, yc__wait *w) {
  return send_or_park(ch, v, v_size, r, w);
}

int yc__chan_recv_wait(yc_chan *ch, void *v, bool *r, yc__wait *w) {
  return recv_or_park(ch, v, r, w);
}

/* Frame types are static, never part of a channel: an operation may be
 * freed after its channel (if it was never awaited), and freeing reads
 * type->frame_size.  Send frames carry the item: one type per 8-byte step
 * of item size while the frame fits the pool, one for larger items (whose
 * frame_size only says "larger than the pool's", see send_size). */
#define OP_TYPE(name, res, size, r_size, r_field)                                                  \
  { name, res, (unsigned)(size), 0, 0, r_size, offsetof(chan_op, r_field), YC__LEAF, 0 }
#define SEND_TYPE(i)                                                                               \
  OP_TYPE("yc_chan_send", send_resume, sizeof(chan_op) + 8 * (i), sizeof(int), w.result)
#define SEND_STEPS ((YC__POOL_MAX - sizeof(chan_op)) / 8 + 1)
/* (Entries past SEND_STEPS are never used: the table only has to be long
 * enough whatever the size of chan_op.) */
static const yc__coro_type send_types[] = {
    SEND_TYPE(0),  SEND_TYPE(1),  SEND_TYPE(2),  SEND_TYPE(3),  SEND_TYPE(4),  SEND_TYPE(5),
    SEND_TYPE(6),  SEND_TYPE(7),  SEND_TYPE(8),  SEND_TYPE(9),  SEND_TYPE(10), SEND_TYPE(11),
    SEND_TYPE(12), SEND_TYPE(13), SEND_TYPE(14), SEND_TYPE(15), SEND_TYPE(16), SEND_TYPE(17),
    SEND_TYPE(18), SEND_TYPE(19), SEND_TYPE(20)};
_Static_assert(sizeof send_types / sizeof *send_types >= SEND_STEPS,
               "one send type per 8-byte step up to YC__POOL_MAX");
static const yc__coro_type big_send_type =
    OP_TYPE("yc_chan_send", send_resume, YC__POOL_MAX + 1, sizeof(int), w.result);
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
static inline __attribute__((always_inline)) chan_op *op_new(const yc__coro_type *t, size_t size, yc_chan *ch) {
  chan_op *op = yc__frame_alloc_raw(size);
  if (!op)
    return NULL;
  op->hdr = (yc_coro){.type = t};
  op->aux = NULL;
  op->w.task = NULL;
  op->w.cases = NULL;
  op->w.n = 0;
  op->w.result = 0;
  op->w.state = YC__WAIT_IDLE;
  op->w.op = t == &recv_type ? YC__WAIT_RECV : YC__WAIT_SEND;
  op->w.node = (yc__wnode){.w = &op->w};
  op->ch = ch;
  op->error = 0;
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
      yc__copy_item(op->item, v, ch->esz);
    else
      op->error = YC_EINVAL;
  }
  return (yc_task *)op;
}

yc_task *yc__chan_recv(yc_chan *ch, void *v, size_t v_size) {
  chan_op *op = op_new(&recv_type, sizeof(chan_op), ch);
  if (!op)
    return NULL;
  op->w.node.item = v;
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
  *ch = (yc_chan){.esz = elem_size, .unit = elem_size ? elem_size : 1};
  ch->full = capacity * ch->unit;
  yc__chan_limits(ch);
  if (capacity && elem_size) {
    ch->buf = yc__rt_realloc(NULL, capacity * elem_size);
    if (!ch->buf) {
      yc__rt_realloc(ch, 0);
      return NULL;
    }
    ch->bend = ch->buf + capacity * elem_size;
    yc__chan_limits(ch);
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
  if (!ch)
    return;
  if (UNLIKELY(yc__chan_shared(ch))) {
    yc__xchan_close(ch);
    return;
  }
  if (ch->closed)
    return;
  ch->closed = true;
  yc__chan_limits(ch);
  yc__wnode *n;
  while ((n = yc__pop(ch, false)))
    yc__wnode_fire(n, false);
  while ((n = yc__pop(ch, true)))
    yc__wnode_fire(n, false);
  yc__chan_open(ch); /* (the buffered items stay for receivers) */
}

size_t yc_chan_len(const yc_chan *ch) {
  if (!ch)
    return 0;
  if (yc__chan_shared(ch))
    return yc__xchan_len(ch);
  return ch->fill / ch->unit;
}

void yc_chan_free(yc_chan *ch) {
  if (!ch)
    return;
  if (yc__chan_shared(ch))
    yc__xchan_free(ch);
  yc__rt_realloc(ch->buf, 0);
  yc__rt_realloc(ch, 0);
}
