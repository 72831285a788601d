/* test_chan.c - bounded channels: producer/consumer at capacity 0, 1 and 64
 * (the producer never more than the capacity ahead of what the consumers
 * have, plus one item per waiting receiver, which owns it), FIFO with
 * several producers and consumers, close delivering buffered items and failing
 * waiters, cancelled sends and receives losing no item, size checks and
 * allocation failures; under both backends. */
#include "test_loop_util.h"

#include <errno.h>

#include "../../runtime/loop_internal.h"

static long sent, received, max_ahead;
static size_t cur_cap;
static long cur_consumers; /* each waiting receiver may own one item */

static void note_ahead(yc_chan *ch) {
  long ahead = sent - received;
  if (ahead > max_ahead)
    max_ahead = ahead;
  CHECK(ahead <= (long)cur_cap + cur_consumers);
  CHECK(yc_chan_len(ch) <= cur_cap);
}

/* ---- producer(ch, base, n): sends base .. base+n-1; closes if asked ---- */

typedef struct prod_frame {
  yc_coro hdr;
  void *aux; /* async frames carry yc__aux after the header */
  yc_chan *ch;
  int base, n, close_after, i, item;
  yc_coro *sub;
  int ret;
} prod_frame;
ASYNC_TYPE(producer, prod_frame, int, ret);

static int producer_resume(yc_coro *c, void *out, const void *in) {
  prod_frame *f = (prod_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  default: return YC__RETURN;
  }
  for (f->i = 0; f->i < f->n; f->i++) {
    f->item = f->base + f->i;
    AWAIT(1, yc_chan_send(f->ch, &f->item));
    f->item = -1; /* the channel copied it */
    if (THROWN()) {
      FREE_SUB();
      UNWIND();
    }
    CHECK(RESULT(int) == 0);
    FREE_SUB();
    sent++;
    note_ahead(f->ch);
  }
  if (f->close_after)
    yc_chan_close(f->ch);
  RETURN_VAL(ret, f->n);
}

static yc_task *producer(yc_chan *ch, int base, int n, int close_after) {
  prod_frame *f = yc__frame_new(&producer_type);
  f->ch = ch;
  f->base = base;
  f->n = n;
  f->close_after = close_after;
  return (yc_task *)f;
}

/* ---- consumer(ch, slow): receives until closed; items of each producer
 * (base multiple of 1000) must arrive in order; returns the count ---- */

typedef struct cons_frame {
  yc_coro hdr;
  void *aux; /* async frames carry yc__aux after the header */
  yc_chan *ch;
  int slow, item, count;
  int last[8];
  yc_coro *sub;
  int ret;
} cons_frame;
ASYNC_TYPE(consumer, cons_frame, int, ret);

static int consumer_resume(yc_coro *c, void *out, const void *in) {
  cons_frame *f = (cons_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  case 2: goto resume_2;
  default: return YC__RETURN;
  }
  for (int i = 0; i < 8; i++)
    f->last[i] = -1;
  for (;;) {
    AWAIT(1, yc_chan_recv(f->ch, &f->item));
    if (THROWN()) {
      FREE_SUB();
      UNWIND();
    }
    if (!RESULT(bool)) {
      FREE_SUB();
      break;
    }
    FREE_SUB();
    received++;
    note_ahead(f->ch);
    {
      int who = f->item / 1000, seq = f->item % 1000;
      CHECK(who >= 0 && who < 8 && seq > f->last[who]);
      f->last[who] = seq;
    }
    f->count++;
    if (f->slow) {
      AWAIT(2, yc_sleep(f->count % 16 == 0 ? 1 : 0));
      FREE_SUB();
      if (THROWN())
        UNWIND();
    }
  }
  RETURN_VAL(ret, f->count);
}

static yc_task *consumer(yc_chan *ch, int slow) {
  cons_frame *f = yc__frame_new(&consumer_type);
  f->ch = ch;
  f->slow = slow;
  return (yc_task *)f;
}

/* ---- one-shot sender / receiver tasks for close and cancel ---- */

static int op_result, op_item, op_after;

typedef struct one_frame {
  yc_coro hdr;
  void *aux; /* async frames carry yc__aux after the header */
  yc_chan *ch;
  int is_send, item;
  bool got;
  yc_coro *sub;
  int ret;
} one_frame;
ASYNC_TYPE(one, one_frame, int, ret);

/* Sends item / receives into item; records the result, then awaits once
 * more (sleep 0), recording in op_after what that await raised. */
static int one_resume(yc_coro *c, void *out, const void *in) {
  one_frame *f = (one_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  case 2: goto resume_2;
  default: return YC__RETURN;
  }
  AWAIT(1, f->is_send ? yc_chan_send(f->ch, &f->item)
                      : yc_chan_recv(f->ch, &f->item));
  if (THROWN()) {
    op_result = c->error;
    FREE_SUB();
    UNWIND();
  }
  op_result = f->is_send ? RESULT(int) : RESULT(bool);
  op_item = f->item;
  FREE_SUB();
  AWAIT(2, yc_sleep(0));
  FREE_SUB();
  if (THROWN()) {
    op_after = c->error;
    UNWIND();
  }
  RETURN_VAL(ret, op_result);
}

static yc_task *one(yc_chan *ch, int is_send, int item) {
  one_frame *f = yc__frame_new(&one_type);
  f->ch = ch;
  f->is_send = is_send;
  f->item = item;
  return (yc_task *)f;
}

/* ---- the scenarios ---- */

typedef struct main_frame {
  yc_coro hdr;
  void *aux; /* async frames carry yc__aux after the header */
  int n;
  yc_chan *ch;
  yc_task *t[8];
  int i, v, item;
  yc_coro *sub;
  int ret;
} main_frame;
ASYNC_TYPE(scenario, main_frame, int, ret);

/* Await expr; a thrown error goes to f->v, else its int / bool value. */
#define AWAIT_V(N, expr, T)                                                    \
  AWAIT(N, expr);                                                              \
  if (THROWN()) {                                                              \
    if (c->flags & YC__F_CLOSE) {                                              \
      FREE_SUB();                                                              \
      UNWIND();                                                                \
    }                                                                          \
    f->v = CATCH();                                                            \
  } else {                                                                     \
    f->v = yc__result_ptr(f->sub) ? (int)RESULT(T) : 0;                        \
  }                                                                            \
  FREE_SUB();

static int scenario_resume(yc_coro *c, void *out, const void *in) {
  main_frame *f = (main_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  case 2: goto resume_2;
  case 3: goto resume_3;
  case 4: goto resume_4;
  case 5: goto resume_5;
  case 6: goto resume_6;
  case 7: goto resume_7;
  case 8: goto resume_8;
  case 9: goto resume_9;
  case 10: goto resume_10;
  case 11: goto resume_11;
  case 12: goto resume_12;
  case 13: goto resume_13;
  case 14: goto resume_14;
  case 15: goto resume_15;
  case 16: goto resume_16;
  case 17: goto resume_17;
  case 18: goto resume_18;
  case 19: goto resume_19;
  case 20: goto resume_20;
  default: return YC__RETURN;
  }
  switch (f->n) {
  case 0: /* close delivers the buffered items; sends after close fail */
    f->ch = yc_chan_new(4, sizeof(int));
    for (f->i = 0; f->i < 3; f->i++) {
      f->item = 10 + f->i;
      AWAIT_V(1, yc_chan_send(f->ch, &f->item), int);
      CHECK(f->v == 0);
    }
    CHECK(yc_chan_len(f->ch) == 3);
    yc_chan_close(f->ch);
    yc_chan_close(f->ch);
    AWAIT_V(2, yc_chan_send(f->ch, &f->item), int);
    CHECK(f->v == YC_ECLOSED);
    for (f->i = 0; f->i < 3; f->i++) {
      AWAIT_V(3, yc_chan_recv(f->ch, &f->item), bool);
      CHECK(f->v == 1 && f->item == 10 + f->i);
    }
    AWAIT_V(4, yc_chan_recv(f->ch, &f->item), bool);
    CHECK(f->v == 0);
    AWAIT_V(5, yc_chan_recv(f->ch, &f->item), bool);
    CHECK(f->v == 0);
    break;

  case 1: /* close wakes a waiting sender (YC_ECLOSED) and receiver (false) */
    f->ch = yc_chan_new(0, sizeof(int));
    f->t[0] = yc_spawn(one(f->ch, 1, 5));
    AWAIT_V(6, yc_sleep(1), char);
    yc_chan_close(f->ch);
    AWAIT_V(7, f->t[0], int);
    CHECK(f->v == YC_ECLOSED);
    yc_chan_free(f->ch);
    f->ch = yc_chan_new(2, sizeof(int));
    f->t[0] = yc_spawn(one(f->ch, 0, 0));
    AWAIT_V(8, yc_sleep(1), char);
    yc_chan_close(f->ch);
    AWAIT_V(9, f->t[0], int);
    CHECK(f->v == 0);
    break;

  case 2: /* a receiver cancelled after the item was handed to it keeps it */
    f->ch = yc_chan_new(1, sizeof(int));
    op_after = 0;
    f->t[0] = yc_spawn(one(f->ch, 0, 0));
    AWAIT_V(10, yc_sleep(1), char); /* it waits now */
    f->item = 77;
    AWAIT_V(11, yc_chan_send(f->ch, &f->item), int); /* handed over */
    CHECK(f->v == 0 && yc_chan_len(f->ch) == 0);
    CHECK(yc_cancel(f->t[0]));
    AWAIT_V(12, f->t[0], int);
    CHECK(f->v == YC_ECANCELLED);
    CHECK(op_result == 1 && op_item == 77 && op_after == YC_ECANCELLED);
    /* a receiver cancelled while waiting takes nothing */
    f->t[0] = yc_spawn(one(f->ch, 0, 0));
    AWAIT_V(13, yc_sleep(1), char);
    yc_cancel(f->t[0]);
    AWAIT_V(14, f->t[0], int);
    CHECK(f->v == YC_ECANCELLED && op_result == YC_ECANCELLED);
    f->item = 78;
    AWAIT_V(15, yc_chan_send(f->ch, &f->item), int);
    CHECK(yc_chan_len(f->ch) == 1); /* buffered: nobody took it */
    AWAIT_V(16, yc_chan_recv(f->ch, &f->item), bool);
    CHECK(f->v == 1 && f->item == 78);
    break;

  case 3: /* senders cancelled while waiting send nothing; one whose item
             was taken reports success */
    f->ch = yc_chan_new(0, sizeof(int));
    f->t[0] = yc_spawn(one(f->ch, 1, 91));
    AWAIT_V(17, yc_sleep(1), char);
    yc_cancel(f->t[0]);
    AWAIT_V(18, f->t[0], int);
    CHECK(f->v == YC_ECANCELLED && op_result == YC_ECANCELLED);
    f->t[0] = yc_spawn(one(f->ch, 1, 92));
    AWAIT_V(19, yc_chan_recv(f->ch, &f->item), bool);
    CHECK(f->v == 1 && f->item == 92); /* not 91 */
    yc_cancel(f->t[0]);
    op_after = 0;
    AWAIT_V(20, f->t[0], int);
    CHECK(f->v == YC_ECANCELLED && op_result == 0 &&
          op_after == YC_ECANCELLED);
    break;
  }
  yc_chan_free(f->ch);
  f->ch = NULL;
  RETURN_VAL(ret, f->n);
}

static yc_task *scenario(int n) {
  main_frame *f = yc__frame_new(&scenario_type);
  f->n = n;
  return (yc_task *)f;
}

/* ---- pipelines, run as groups ---- */

typedef struct pipe_frame {
  yc_coro hdr;
  void *aux; /* async frames carry yc__aux after the header */
  yc_group *g;
  yc_coro *sub;
  int ret;
} pipe_frame;
ASYNC_TYPE(pipeline, pipe_frame, int, ret);
static yc_chan *pipe_ch;
static int pipe_producers, pipe_consumers, pipe_items, pipe_slow;

static int pipeline_resume(yc_coro *c, void *out, const void *in) {
  pipe_frame *f = (pipe_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  default: return YC__RETURN;
  }
  f->g = yc_group_new();
  for (int i = 0; i < pipe_consumers; i++)
    CHECK(yc_group_spawn(f->g, consumer(pipe_ch, pipe_slow)) == 0);
  for (int i = 0; i < pipe_producers; i++)
    CHECK(yc_group_spawn(f->g, producer(pipe_ch, 1000 * i, pipe_items,
                                        pipe_producers == 1)) == 0);
  AWAIT(1, yc_group_wait(f->g));
  yc_group_free(f->g);
  if (THROWN()) {
    FREE_SUB();
    UNWIND();
  }
  f->ret = RESULT(int);
  FREE_SUB();
  RETURN_VAL(ret, f->ret);
}

static void run_pipeline(size_t cap, int producers, int consumers, int slow) {
  pipe_ch = yc_chan_new(cap, sizeof(int));
  CHECK(pipe_ch);
  cur_cap = cap;
  cur_consumers = consumers;
  sent = received = max_ahead = 0;
  pipe_producers = producers;
  pipe_consumers = consumers;
  pipe_items = 300;
  pipe_slow = slow;
  int r = -1;
  if (producers == 1) {
    CHECK(yc_run((yc_task *)yc__frame_new(&pipeline_type), &r) == 0);
    CHECK(r == 0);
    CHECK(sent == 300 && received == 300);
  } else {
    /* the producers do not close: the consumers wait forever once all is
     * received, and yc_run reports the deadlock after cancelling them */
    CHECK(yc_run((yc_task *)yc__frame_new(&pipeline_type), &r) == -EDEADLK);
    CHECK(sent == 300L * producers && received == sent);
  }
  if (slow && consumers == 1)
    CHECK(max_ahead >= (long)cap); /* the buffer did fill up */
  yc_chan_free(pipe_ch);
}

static void all(void) {
  run_pipeline(0, 1, 1, 1);
  run_pipeline(1, 1, 1, 1);
  run_pipeline(64, 1, 1, 1);
  run_pipeline(1, 1, 1, 0);
  run_pipeline(2, 3, 2, 1);
  for (int n = 0; n <= 3; n++) {
    int r = -1;
    CHECK(yc_run(scenario(n), &r) == 0 && r == n);
  }
}

static void test_misuse(void) {
  /* allocation failures */
  yc__rt_fail_countdown = 1;
  CHECK(yc_chan_new(4, sizeof(int)) == NULL);
  yc__rt_fail_countdown = 2;
  CHECK(yc_chan_new(4, sizeof(int)) == NULL);
  yc__rt_fail_countdown = 0;
  CHECK(yc_chan_new(SIZE_MAX / 2, 16) == NULL);
  /* a wrong item size is refused when awaited */
  yc_chan *ch = yc_chan_new(1, sizeof(int));
  long wrong = 1;
  yc_task *t = yc_chan_send(ch, &wrong);
  yc_free(t); /* never awaited: nothing happens */
  yc_chan_free(ch);
  yc_chan_free(NULL);
  CHECK(yc_chan_len(NULL) == 0);
}

int main(void) {
  test_misuse();
  both_backends(all);
  fprintf(stderr, "test_chan: ok\n");
  return 0;
}
