/* test_park.c - frameless waits and select, driven the way generated code
 * drives them: an async frame type with YC__STEER_BY_STATE whose resume
 * function first tries the operation inline (yc__chan_try_* /
 * yc__select_try), then parks in its own yc__wait (yc__chan_park_* /
 * yc__select_park) and returns YC__PENDING, or falls back to the operation
 * frame (yc_chan_send / yc_chan_recv / yc_select) and delegates; the same
 * resume point serves both (docs/design/runtime-abi.md, "Wait records").
 * Every scenario runs three ways: parked (a try, then a park), parked
 * through the one call generated code makes (yc__chan_send_or_park, ...),
 * and through the frames.
 *
 * Checked: a send hands its item straight to a waiting receiver, receivers
 * and senders wake in FIFO order, a select completes exactly one case and
 * leaves no node in the other queues, close wakes parked waiters with the
 * closed results, a cancellation while parked takes nothing and sends
 * nothing, a completion followed by a cancellation in the same turn keeps
 * the result and raises at the next suspension point, fairness of select,
 * and misuse. */
#include "test_loop_util.h"

#include "../../runtime/loop_internal.h"

static bool generic; /* agents await the operation frames instead of parking */
static bool combined; /* agents try-or-park in one call (yc__*_or_park), as
                         generated code does, instead of a try then a park */

/* ---- agent: one channel operation (or select), then one more suspension
 * (sleep 0) that shows a level-triggered cancellation ---- */

enum { SEND, RECV, SELECT };

typedef struct agent_rec {
  int kind, item;
  yc_chan *ch;
  yc_case cases[3];
  size_t n;
  bool parked;    /* it went to the wait (park or frame) */
  bool completed; /* the operation completed */
  int result;     /* the operation's value */
  int err;        /* the error that unwound it, 0 none */
  int after;      /* what the suspension after the operation raised */
  int order;      /* completion order among agents */
} agent_rec;

static agent_rec recs[8];
static int completions;

typedef struct agent_frame {
  yc_coro hdr;
  void *aux;
  agent_rec *r;
  yc__wait yc__w;
  yc_coro *yc__sub;
  int ret;
} agent_frame;

static int agent_resume(yc_coro *, void *, const void *);
static const yc__coro_type agent_type = {"agent",     agent_resume, sizeof(agent_frame),
                                         0,           0,            sizeof(int),
                                         offsetof(agent_frame, ret), YC__ASYNC,
                                         YC__STEER_BY_STATE};

static bool agent_try(agent_rec *r, int *v) {
  bool b = false, done;
  switch (r->kind) {
  case SEND:
    return yc__chan_try_send(r->ch, &r->item, v);
  case RECV:
    done = yc__chan_try_recv(r->ch, &r->item, &b);
    *v = b;
    return done;
  default:
    return yc__select_try(r->cases, r->n, v);
  }
}

static bool agent_park(agent_rec *r, yc__wait *w) {
  switch (r->kind) {
  case SEND:
    return yc__chan_park_send(r->ch, &r->item, w);
  case RECV:
    return yc__chan_park_recv(r->ch, &r->item, w);
  default:
    return yc__select_park(r->cases, r->n, w);
  }
}

/* The combined call: YC__OP_DONE / _PARKED / _REFUSED. */
static int agent_or_park(agent_rec *r, int *v, yc__wait *w) {
  bool b = false;
  int k;
  switch (r->kind) {
  case SEND:
    return yc__chan_send_or_park(r->ch, &r->item, v, w);
  case RECV:
    k = yc__chan_recv_or_park(r->ch, &r->item, &b, w);
    *v = b;
    return k;
  default:
    return yc__select_or_park(r->cases, r->n, v, w);
  }
}

static yc_task *agent_op(agent_rec *r) {
  switch (r->kind) {
  case SEND:
    return yc_chan_send(r->ch, &r->item);
  case RECV:
    return yc_chan_recv(r->ch, &r->item);
  default:
    return yc_select(r->cases, r->n);
  }
}

static int agent_resume(yc_coro *c, void *out, const void *in) {
  agent_frame *f = (agent_frame *)c;
  agent_rec *r = f->r;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  case YC__STEERED(1): goto steer_1;
  case 2: goto resume_2;
  case YC__STEERED(2): goto steer_2;
  default: return YC__RETURN;
  }
  {
    int v, k = YC__OP_REFUSED;
    if (!generic && combined)
      k = agent_or_park(r, &v, &f->yc__w);
    else if (!generic)
      k = agent_try(r, &v) ? YC__OP_DONE : agent_park(r, &f->yc__w) ? YC__OP_PARKED : YC__OP_REFUSED;
    if (k == YC__OP_DONE) {
      r->result = v;
    } else {
      r->parked = true;
      if (k == YC__OP_PARKED) {
        f->yc__sub = NULL;
        c->state = 1;
        return YC__PENDING;
      }
      f->yc__sub = (yc_coro *)agent_op(r);
      c->state = 1;
      return yc__delegate(c, f->yc__sub);
    resume_1:
      if (!f->yc__sub) {
        r->result = yc__wait_result(&f->yc__w);
      } else {
        CHECK(yc__check_result(f->yc__sub, r->kind == RECV ? sizeof(bool) : sizeof(int)) == 0);
        r->result = r->kind == RECV ? *(bool *)yc__result_ptr(f->yc__sub)
                                    : *(int *)yc__result_ptr(f->yc__sub);
        yc_free(f->yc__sub);
        f->yc__sub = NULL;
      }
    }
  }
  r->completed = true;
  r->order = completions++;
  f->yc__sub = (yc_coro *)yc_sleep(0);
  c->state = 2;
  return yc__delegate(c, f->yc__sub);
resume_2:
  yc_free(f->yc__sub);
  f->yc__sub = NULL;
  c->state = -1;
  return YC__RETURN;

steer_1:
  if (!f->yc__sub) {
    if (yc__wait_steer(c, &f->yc__w))
      goto resume_1;
  } else {
    yc_free(f->yc__sub);
    f->yc__sub = NULL;
  }
  r->err = c->error;
  c->state = -1;
  return (c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;
steer_2:
  yc_free(f->yc__sub);
  f->yc__sub = NULL;
  r->after = c->error;
  c->state = -1;
  return (c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;
}

/* Spawn agent i (its record filled in by the caller); the loop frees it. */
static yc_task *spawn_agent(int i) {
  agent_frame *f = yc__frame_new(&agent_type);
  CHECK(f);
  f->r = &recs[i];
  yc_task *t = yc_spawn((yc_task *)f);
  CHECK(t);
  yc_detach(t);
  return t;
}

static void agent_send(int i, yc_chan *ch, int item) { recs[i] = (agent_rec){.kind = SEND, .ch = ch, .item = item}; }
static void agent_recv(int i, yc_chan *ch) { recs[i] = (agent_rec){.kind = RECV, .ch = ch, .item = -1}; }

/* ---- main: runs a script, one step per few loop turns ---- */

typedef void (*script_fn)(int step);

typedef struct main_frame {
  yc_coro hdr;
  void *aux;
  script_fn script;
  int steps, i, j;
  yc_coro *sub;
  int ret;
} main_frame;
ASYNC_TYPE(main_task, main_frame, int, ret);

static int main_task_resume(yc_coro *c, void *out, const void *in) {
  main_frame *f = (main_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  default: return YC__RETURN;
  }
  for (f->i = 0; f->i < f->steps; f->i++) {
    f->script(f->i);
    /* Several turns: every task woken by the step runs before the next. */
    for (f->j = 0; f->j < 3; f->j++) {
      AWAIT(1, yc_sleep(0));
      CHECK(!THROWN());
      FREE_SUB();
    }
  }
  RETURN_VAL(ret, 0);
}

static void run_script(script_fn script, int steps) {
  memset(recs, 0, sizeof recs);
  completions = 0;
  main_frame *f = yc__frame_new(&main_task_type);
  CHECK(f);
  f->script = script;
  f->steps = steps;
  int ret = -1;
  CHECK(yc_run((yc_task *)f, &ret) == 0);
  CHECK(ret == 0);
}

/* A send on ch would not complete now (no receiver waits, no room). */
static bool send_blocks(yc_chan *ch) {
  int x = 0;
  yc_case k = yc_case_send(ch, &x);
  return yc_select_now(&k, 1) == -1;
}

/* ---- scenarios ---- */

static yc_chan *ch_a, *ch_b;
static yc_task *victim;

/* Receivers park on a rendezvous channel; sends hand the items over in
 * FIFO order straight into their variables. */
static void s_handover(int step) {
  switch (step) {
  case 0:
    ch_a = yc_chan_new(0, sizeof(int));
    for (int i = 0; i < 3; i++) {
      agent_recv(i, ch_a);
      spawn_agent(i);
    }
    break;
  case 1:
    for (int i = 0; i < 3; i++)
      CHECK(recs[i].parked && !recs[i].completed);
    for (int i = 0; i < 3; i++) {
      int v = 10 + i;
      yc_case k = yc_case_send(ch_a, &v);
      CHECK(yc_select_now(&k, 1) == 0 && k.ok);
      CHECK(recs[i].item == 10 + i); /* copied at the send, before it runs */
    }
    CHECK(send_blocks(ch_a));
    break;
  case 2:
    for (int i = 0; i < 3; i++) {
      CHECK(recs[i].completed && recs[i].result == 1 && recs[i].item == 10 + i);
      CHECK(recs[i].order == i);
    }
    yc_chan_free(ch_a);
    break;
  }
}

/* Senders park on a full channel (capacity 1); each receive moves the next
 * parked item into the buffer, FIFO. */
static void s_senders(int step) {
  switch (step) {
  case 0:
    ch_a = yc_chan_new(1, sizeof(int));
    for (int i = 0; i < 4; i++) {
      agent_send(i, ch_a, 100 + i);
      spawn_agent(i);
    }
    break;
  case 1:
    CHECK(recs[0].completed && (generic || !recs[0].parked) && recs[0].result == 0);
    for (int i = 1; i < 4; i++)
      CHECK(recs[i].parked && !recs[i].completed);
    CHECK(yc_chan_len(ch_a) == 1);
    for (int i = 0; i < 4; i++) {
      int v = -1;
      yc_case k = yc_case_recv(ch_a, &v);
      CHECK(yc_select_now(&k, 1) == 0 && k.ok && v == 100 + i);
      CHECK(yc_chan_len(ch_a) == (i < 3 ? 1u : 0u));
    }
    break;
  case 2:
    for (int i = 1; i < 4; i++)
      CHECK(recs[i].completed && recs[i].result == 0 && recs[i].order == i);
    yc_chan_free(ch_a);
    break;
  }
}

/* A select parked on a receive from A and a send to B (full) completes the
 * case a peer matches; the other case's node is gone from its queue. */
static int sel_peer_b; /* 1: a receive on B matches; 0: a send on A */
static void s_select(int step) {
  switch (step) {
  case 0:
    ch_a = yc_chan_new(0, sizeof(int));
    ch_b = yc_chan_new(1, sizeof(long));
    {
      long full = 7;
      yc_case k0 = yc_case_send(ch_b, &full);
      CHECK(yc_select_now(&k0, 1) == 0);
    }
    recs[0] = (agent_rec){.kind = SELECT, .item = -1, .n = 3};
    {
      static long out = 42;
      recs[0].cases[0] = yc_case_recv(ch_a, &recs[0].item);
      recs[0].cases[1] = yc_case_recv(NULL, &recs[0].item); /* disabled */
      recs[0].cases[2] = yc_case_send(ch_b, &out);
    }
    spawn_agent(0);
    break;
  case 1:
    CHECK(recs[0].parked && !recs[0].completed);
    if (sel_peer_b) {
      long v = 0;
      yc_case k = yc_case_recv(ch_b, &v);
      CHECK(yc_select_now(&k, 1) == 0 && v == 7);
      CHECK(yc_chan_len(ch_b) == 1); /* 42 moved in */
    } else {
      int v = 5;
      yc_case k = yc_case_send(ch_a, &v);
      CHECK(yc_select_now(&k, 1) == 0 && k.ok);
      CHECK(yc_chan_len(ch_b) == 1); /* only 7 */
    }
    /* The case not chosen left its queue: nothing waits any more. */
    CHECK(send_blocks(ch_a));
    {
      long v = 0;
      yc_case k = yc_case_recv(ch_b, &v);
      CHECK(yc_select_now(&k, 1) == 0 && v == (sel_peer_b ? 42 : 7));
      CHECK(yc_chan_len(ch_b) == 0);
    }
    break;
  case 2:
    CHECK(recs[0].completed && recs[0].result == (sel_peer_b ? 2 : 0));
    CHECK(recs[0].cases[recs[0].result].ok);
    if (!sel_peer_b)
      CHECK(recs[0].item == 5);
    yc_chan_free(ch_a);
    yc_chan_free(ch_b);
    break;
  }
}

/* Close wakes what is parked: a receiver with false, a sender with
 * YC_ECLOSED, a select with the closed case and ok false. */
static void s_close(int step) {
  switch (step) {
  case 0:
    ch_a = yc_chan_new(0, sizeof(int));
    ch_b = yc_chan_new(0, sizeof(int));
    agent_recv(0, ch_a);
    agent_send(1, ch_b, 9);
    recs[2] = (agent_rec){.kind = SELECT, .item = -1, .n = 2};
    break;
  case 1:
    spawn_agent(0);
    spawn_agent(1);
    break;
  case 2:
    CHECK(recs[0].parked && !recs[0].completed);
    CHECK(recs[1].parked && !recs[1].completed);
    yc_chan_close(ch_a);
    yc_chan_close(ch_b);
    break;
  case 3:
    CHECK(recs[0].completed && recs[0].result == 0);
    CHECK(recs[1].completed && recs[1].result == YC_ECLOSED);
    yc_chan_free(ch_a);
    yc_chan_free(ch_b);
    ch_a = yc_chan_new(0, sizeof(int));
    ch_b = yc_chan_new(0, sizeof(int));
    recs[2].cases[0] = yc_case_recv(ch_a, &recs[2].item);
    recs[2].cases[1] = yc_case_send(ch_b, &recs[2].item);
    spawn_agent(2);
    break;
  case 4:
    CHECK(recs[2].parked && !recs[2].completed);
    yc_chan_close(ch_b);
    break;
  case 5:
    CHECK(recs[2].completed && recs[2].result == 1 && !recs[2].cases[1].ok);
    CHECK(send_blocks(ch_a)); /* the receive case left A's queue */
    yc_chan_free(ch_a);
    yc_chan_free(ch_b);
    break;
  }
}

/* A cancellation while parked takes nothing and sends nothing. */
static void s_cancel(int step) {
  switch (step) {
  case 0:
    ch_a = yc_chan_new(0, sizeof(int));
    ch_b = yc_chan_new(1, sizeof(int));
    {
      int full = 1;
      yc_case k0 = yc_case_send(ch_b, &full);
      CHECK(yc_select_now(&k0, 1) == 0);
    }
    recs[0] = (agent_rec){.kind = SELECT, .item = 77, .n = 2};
    recs[0].cases[0] = yc_case_recv(ch_a, &recs[0].item);
    recs[0].cases[1] = yc_case_send(ch_b, &recs[0].item);
    victim = spawn_agent(0);
    agent_send(1, ch_b, 55); /* parks behind the select on B */
    spawn_agent(1);
    break;
  case 1:
    CHECK(recs[0].parked && recs[1].parked);
    CHECK(yc_cancel(victim));
    break;
  case 2:
    CHECK(!recs[0].completed && recs[0].err == YC_ECANCELLED);
    CHECK(send_blocks(ch_a));
    /* B: the buffered 1, then agent 1's 55: the select's 77 was never sent. */
    for (int want = 1; want <= 55; want += 54) {
      int v = 0;
      yc_case k = yc_case_recv(ch_b, &v);
      CHECK(yc_select_now(&k, 1) == 0 && v == want);
    }
    CHECK(yc_chan_len(ch_b) == 0);
    break;
  case 3:
    CHECK(recs[1].completed && recs[1].result == 0);
    yc_chan_free(ch_a);
    yc_chan_free(ch_b);
    break;
  }
}

/* Completed and cancelled in the same turn: the receive keeps its item,
 * the cancellation arrives at the next suspension point. */
static void s_complete_then_cancel(int step) {
  switch (step) {
  case 0:
    ch_a = yc_chan_new(0, sizeof(int));
    agent_recv(0, ch_a);
    victim = spawn_agent(0);
    break;
  case 1: {
    CHECK(recs[0].parked);
    int v = 31;
    yc_case k = yc_case_send(ch_a, &v);
    CHECK(yc_select_now(&k, 1) == 0 && k.ok);
    CHECK(yc_cancel(victim));
    break;
  }
  case 2:
    CHECK(recs[0].completed && recs[0].result == 1 && recs[0].item == 31);
    CHECK(recs[0].err == 0 && recs[0].after == YC_ECANCELLED);
    yc_chan_free(ch_a);
    break;
  }
}

/* Cancelled before it could wait: neither parks nor completes. */
static void s_cancelled_first(int step) {
  switch (step) {
  case 0:
    ch_a = yc_chan_new(4, sizeof(int));
    agent_send(0, ch_a, 3);
    victim = spawn_agent(0);
    CHECK(yc_cancel(victim)); /* before it ever ran */
    break;
  case 1:
    CHECK(!recs[0].completed && yc_chan_len(ch_a) == 0);
    yc_chan_free(ch_a);
    break;
  }
}

/* yc__select_try inside a task: the inline path (one receive ready) and
 * everything it hands to the out-of-line one. */
static void s_try(int step) {
  int x = -1, y = -1, r = -9;
  long wrong = 0;
  switch (step) {
  case 0: {
    ch_a = yc_chan_new(1, sizeof(int));
    ch_b = yc_chan_new(2, sizeof(int));
    yc_case cs[2] = {yc_case_recv(ch_a, &x), yc_case_recv(ch_b, &y)};
    CHECK(!yc__select_try(cs, 2, &r) && r == -9); /* nothing ready */
    int v = 4;
    yc_case put = yc_case_send(ch_b, &v);
    CHECK(yc_select_now(&put, 1) == 0);
    CHECK(yc__select_try(cs, 2, &r) && r == 1 && y == 4 && cs[1].ok && x == -1);
    CHECK(yc_chan_len(ch_b) == 0);
    /* both ready: the out-of-line path chooses */
    put = yc_case_send(ch_a, &v);
    CHECK(yc_select_now(&put, 1) == 0);
    put = yc_case_send(ch_b, &v);
    CHECK(yc_select_now(&put, 1) == 0);
    CHECK(yc__select_try(cs, 2, &r) && (r == 0 || r == 1));
    CHECK(yc_chan_len(ch_a) + yc_chan_len(ch_b) == 1);
    CHECK(yc__select_try(cs, 2, &r) && yc_chan_len(ch_a) + yc_chan_len(ch_b) == 0);
    /* the case taken has the wrong size: left to the await */
    CHECK(yc_select_now(&put, 1) == 0);
    yc_case bad[2] = {yc_case_recv(ch_a, &x), yc_case_recv(ch_b, &wrong)};
    CHECK(!yc__select_try(bad, 2, &r) && yc_chan_len(ch_b) == 1);
    CHECK(yc__select_try(cs, 2, &r) && r == 1);
    /* a send case: out of line */
    yc_case snd[2] = {yc_case_recv(ch_a, &x), yc_case_send(ch_b, &v)};
    CHECK(yc__select_try(snd, 2, &r) && r == 1 && snd[1].ok && yc_chan_len(ch_b) == 1);
    /* a full channel with a sender parked behind: out of line, the parked
     * item moves into the buffer */
    CHECK(yc_select_now(&put, 1) == 0);
    agent_send(0, ch_b, 99);
    spawn_agent(0);
    break;
  }
  case 1: {
    CHECK(recs[0].parked && !recs[0].completed);
    yc_case cs[2] = {yc_case_recv(ch_a, &x), yc_case_recv(ch_b, &y)};
    CHECK(yc__select_try(cs, 2, &r) && r == 1 && y == 4 && yc_chan_len(ch_b) == 2);
    /* closed and drained: ready with ok false */
    yc_chan_close(ch_a);
    yc_case ca[1] = {yc_case_recv(ch_a, &x)};
    ca[0].ok = true;
    CHECK(yc__select_try(ca, 1, &r) && r == 0 && !ca[0].ok && x == -1);
    break;
  }
  case 2:
    CHECK(recs[0].completed && recs[0].result == 0);
    yc_chan_free(ch_a);
    yc_chan_free(ch_b);
    break;
  }
}

/* ---- fairness and misuse (no loop needed) ---- */

static void test_fair(void) {
  yc_chan *a = yc_chan_new(1, sizeof(int)), *b = yc_chan_new(1, sizeof(int));
  int chosen[2] = {0, 0}, x = 0, y = 0;
  for (int i = 0; i < 10000; i++) {
    int one = 1;
    yc_case fill[2] = {yc_case_send(a, &one), yc_case_send(b, &one)};
    if (!yc_chan_len(a))
      CHECK(yc_select_now(&fill[0], 1) == 0);
    if (!yc_chan_len(b))
      CHECK(yc_select_now(&fill[1], 1) == 0);
    yc_case cs[3] = {yc_case_recv(a, &x), yc_case_recv(NULL, &x), yc_case_recv(b, &y)};
    int r = yc_select_now(cs, 3);
    CHECK(r == 0 || r == 2);
    CHECK(cs[r].ok);
    chosen[r / 2]++;
  }
  fprintf(stderr, "fair: %d / %d\n", chosen[0], chosen[1]);
  CHECK(chosen[0] > 4000 && chosen[1] > 4000);
  /* The sequence replays from a seed. */
  int seq[2][64];
  for (int round = 0; round < 2; round++) {
    yc_select_seed(12345);
    for (int i = 0; i < 64; i++) {
      int one = 1;
      yc_case fill[2] = {yc_case_send(a, &one), yc_case_send(b, &one)};
      if (!yc_chan_len(a))
        (void)yc_select_now(&fill[0], 1);
      if (!yc_chan_len(b))
        (void)yc_select_now(&fill[1], 1);
      yc_case cs[2] = {yc_case_recv(a, &x), yc_case_recv(b, &y)};
      seq[round][i] = yc_select_now(cs, 2);
    }
  }
  CHECK(memcmp(seq[0], seq[1], sizeof seq[0]) == 0);
  /* Closed: a drained receive is ready with ok false, a send too. */
  yc_chan_close(a);
  yc_case k0 = yc_case_recv(a, &x);
  (void)yc_select_now(&k0, 1);
  yc_case k = yc_case_recv(a, &x);
  CHECK(yc_select_now(&k, 1) == 0 && !k.ok);
  k = yc_case_send(a, &x);
  k.ok = true;
  CHECK(yc_select_now(&k, 1) == 0 && !k.ok);
  yc_chan_free(a);
  yc_chan_free(b);
}

static void test_misuse(void) {
  yc_chan *a = yc_chan_new(1, sizeof(int));
  long wrong = 0;
  int r = 0;
  yc__wait w;
  memset(&w, 0, sizeof w);
  CHECK(yc_select_now(NULL, 1) == YC_EINVAL);
  yc_case none[1] = {yc_case_recv(NULL, &r)};
  CHECK(yc_select_now(none, 0) == YC_EINVAL);
  CHECK(yc_select_now(none, 1) == -1); /* all disabled: nothing ready */
  yc_case bad[1] = {yc_case_recv(a, &wrong)};
  CHECK(yc_select_now(bad, 1) == YC_ESIZE);
  yc_case nul[1] = {yc_case_send(a, (int *)NULL)};
  CHECK(yc_select_now(nul, 1) == YC_EINVAL);
  /* Outside a task nothing parks or tries. */
  CHECK(!yc__chan_park_send(a, &r, &w));
  CHECK(!yc__chan_park_recv(a, &r, &w));
  CHECK(!yc__select_park(none, 1, &w));
  CHECK(!yc__select_try(none, 1, &r));
  bool b = false;
  CHECK(yc__chan_send_or_park(a, &r, &r, &w) == YC__OP_REFUSED);
  CHECK(yc__chan_recv_or_park(a, &r, &b, &w) == YC__OP_REFUSED);
  CHECK(yc__select_or_park(none, 1, &r, &w) == YC__OP_REFUSED);
  CHECK(yc_chan_len(a) == 0 && w.state == YC__WAIT_IDLE);
  /* An item larger than the record's copy cannot park (the frame can). */
  yc_chan *big = yc_chan_new(0, 32);
  char item[32] = {0};
  CHECK(!yc__chan_park_send(big, &item, &w));
  yc_chan_free(big);
  yc_chan_free(a);
}

static void all(void) {
  for (int g = 0; g < 3; g++) {
    generic = g == 1;
    combined = g == 2;
    fprintf(stderr, "   %s\n",
            generic ? "operation frames" : combined ? "parked (one call)" : "parked");
    run_script(s_handover, 3);
    run_script(s_senders, 3);
    sel_peer_b = 0;
    run_script(s_select, 3);
    sel_peer_b = 1;
    run_script(s_select, 3);
    run_script(s_close, 6);
    run_script(s_cancel, 4);
    run_script(s_complete_then_cancel, 3);
    run_script(s_cancelled_first, 2);
    run_script(s_try, 3);
  }
}

int main(void) {
  test_fair();
  test_misuse();
  both_backends(all);
  fprintf(stderr, "test_park: ok\n");
  return 0;
}
