/* chan_cancel.c - channels lose no item when tasks are cancelled at random
 * points (chan.h: "a cancelled send or receive loses no item").
 *
 * For each seed, one event loop runs three channels of capacity 0, 1 and 8,
 * each with 1..4 producers and 1..4 consumers.  Every item is a unique id.
 * A producer records an id as sent only when its send returned 0; a
 * consumer records an id as received the moment its receive returned true
 * (before its next suspension point, where a pending cancellation arrives).
 * A canceller task, after a random number of loop turns each time, cancels
 * a random producer or consumer with yc_cancel and spawns a replacement.
 * At the end, on even seeds, the producers are awaited, then the channels
 * closed and the consumers drain them; on odd seeds the consumers are
 * cancelled while the producers still run, then the channels are closed
 * (waiting sends fail with YC_ECLOSED) and the main task drains the items
 * still buffered.  Every id whose send returned 0 must have been received
 * exactly once; an id whose send failed or was cancelled never.
 *
 *   chan_cancel [A:B | SEED]     seeds A..B-1 (default 0:50); prints one
 *                                line per seed (items sent / received /
 *                                drained after, cancellations) and a total
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yieldc.h>

enum { NCHAN = 3, MAXTASKS = 64, MAXITEMS = 1 << 16 };
static const size_t caps[NCHAN] = {0, 1, 8};

static uint64_t rng;
static int next_id;
static unsigned char sent_ok[MAXITEMS], tried[MAXITEMS], item_chan[MAXITEMS];
static int recv_count[MAXITEMS];
static long n_sent, n_recv, n_drained, n_cancel_req, n_cancelled, n_send_cancelled, failures;
static yc_chan *chans[NCHAN];

struct role {
  yc_task *t[MAXTASKS];
  int chan[MAXTASKS];
  int n;
};
static struct role prods, cons;

static uint32_t rnd(uint32_t n) { /* xorshift64*, uniform enough for tests */
  rng ^= rng >> 12;
  rng ^= rng << 25;
  rng ^= rng >> 27;
  return (uint32_t)((rng * 2685821657736338717ull) >> 33) % n;
}

/* a random number of loop turns: the "random time" of this test */
yc_async(int) jitter(void) {
  int turns = (int)rnd(4);
  for (int k = 0; k < turns; k++) await(yc_sleep(0));
  yc_return(0);
}

yc_async(int) producer(int ch, int items) {
  yc_chan *c = chans[ch];
  for (int k = 0; k < items; k++) {
    int id = next_id++;
    tried[id] = 1;
    item_chan[id] = (unsigned char)ch;
    int rc = -1;
    yc_try {
      rc = await(yc_chan_send(c, &id), int);
    } yc_catch (err) {
      if (err == YC_ECANCELLED) n_send_cancelled++;
      yc_raise(err);
    }
    if (rc == YC_ECLOSED) break;
    if (rc != 0) {
      fprintf(stderr, "send of %d: %d\n", id, rc);
      failures++;
      break;
    }
    sent_ok[id] = 1;
    n_sent++;
    if (rnd(3) == 0) await(jitter());
  }
  yc_return(0);
}

static void got(int ch, int v, bool after) {
  if (v < 0 || v >= next_id || !tried[v]) {
    fprintf(stderr, "received %d, never sent\n", v);
    failures++;
    return;
  }
  if (item_chan[v] != ch) {
    fprintf(stderr, "item %d of channel %d received from channel %d\n", v, item_chan[v], ch);
    failures++;
  }
  recv_count[v]++;
  if (after) n_drained++;
  else n_recv++;
}

yc_async(int) consumer(int ch) {
  yc_chan *c = chans[ch];
  for (;;) {
    int v = -1;
    bool ok = await(yc_chan_recv(c, &v), bool);
    if (!ok) break;
    got(ch, v, false); /* before the next suspension point */
    if (rnd(3) == 0) await(jitter());
  }
  yc_return(0);
}

static int add(struct role *r, int ch, yc_task *t) {
  if (!t || r->n == MAXTASKS) {
    fprintf(stderr, "spawn failed\n");
    failures++;
    yc_free(t);
    return -1;
  }
  r->t[r->n] = t;
  r->chan[r->n++] = ch;
  return 0;
}

yc_async(int) canceller(int times) {
  for (int k = 0; k < times; k++) {
    int turns = (int)rnd(40);
    for (int j = 0; j < turns; j++) await(yc_sleep(0));
    struct role *r = rnd(2) ? &prods : &cons;
    if (r->n == MAXTASKS) continue;
    int victim = (int)rnd((uint32_t)r->n);
    n_cancel_req++;
    if (!yc_cancel(r->t[victim])) continue; /* finished already */
    n_cancelled++;
    int ch = r->chan[victim];
    /* replace it, so every channel keeps a consumer */
    if (r == &prods) add(r, ch, yc_spawn(producer(ch, 1 + (int)rnd(20))));
    else add(r, ch, yc_spawn(consumer(ch)));
  }
  yc_return(0);
}

/* await t; a cancellation is expected, anything else is a failure */
yc_async(int) reap(yc_task *t) {
  yc_try {
    await(t);
  } yc_catch (err) {
    if (err != YC_ECANCELLED) {
      fprintf(stderr, "task failed: %d\n", err);
      failures++;
    }
  }
  yc_return(0);
}

yc_async(int) amain(int seed) {
  for (int ch = 0; ch < NCHAN; ch++) {
    chans[ch] = yc_chan_new(caps[ch], sizeof(int));
    if (!chans[ch]) yc_raise(YC_ENOMEM);
    int np = 1 + (int)rnd(4), nc = 1 + (int)rnd(4);
    /* odd seeds: long producers, still running when the consumers go */
    int items = seed % 2 ? 60 + (int)rnd(100) : 5 + (int)rnd(60);
    for (int k = 0; k < np; k++) add(&prods, ch, yc_spawn(producer(ch, items)));
    for (int k = 0; k < nc; k++) add(&cons, ch, yc_spawn(consumer(ch)));
  }
  await(reap(yc_spawn(canceller(seed % 2 ? 2 + (int)rnd(4) : 5 + (int)rnd(20)))));
  if (seed % 2) {
    /* the consumers go first, the producers still running: the buffers
     * fill, then closing fails the waiting sends (YC_ECLOSED, not sent) */
    for (int k = 0; k < cons.n; k++) yc_cancel(cons.t[k]);
    for (int k = 0; k < cons.n; k++) await(reap(cons.t[k]));
    await(jitter());
    for (int ch = 0; ch < NCHAN; ch++) yc_chan_close(chans[ch]);
    for (int k = 0; k < prods.n; k++) await(reap(prods.t[k]));
  } else {
    for (int k = 0; k < prods.n; k++) await(reap(prods.t[k]));
    for (int ch = 0; ch < NCHAN; ch++) yc_chan_close(chans[ch]);
    for (int k = 0; k < cons.n; k++) await(reap(cons.t[k]));
  }
  for (int ch = 0; ch < NCHAN; ch++) {
    int v;
    while (await(yc_chan_recv(chans[ch], &v), bool)) got(ch, v, true);
    if (yc_chan_len(chans[ch])) {
      fprintf(stderr, "channel %d: %zu items left after draining\n", ch, yc_chan_len(chans[ch]));
      failures++;
    }
  }
  yc_return(0);
}

static int run_seed(int seed) {
  memset(sent_ok, 0, sizeof sent_ok);
  memset(tried, 0, sizeof tried);
  memset(recv_count, 0, sizeof recv_count);
  next_id = 0;
  n_sent = n_recv = n_drained = n_cancel_req = n_cancelled = n_send_cancelled = 0;
  long fail0 = failures;
  prods.n = cons.n = 0;
  rng = 0x9e3779b97f4a7c15ull * (uint64_t)(seed + 1) ^ 0xd1b54a32d192ed03ull;
  int err = yc_run(amain(seed), NULL);
  for (int ch = 0; ch < NCHAN; ch++) {
    yc_chan_free(chans[ch]);
    chans[ch] = NULL;
  }
  if (err) {
    fprintf(stderr, "seed %d: yc_run: %d\n", seed, err);
    failures++;
  }
  long lost = 0, dup = 0, phantom = 0;
  for (int id = 0; id < next_id; id++) {
    if (sent_ok[id] && recv_count[id] == 0) lost++;
    if (recv_count[id] > 1) dup++;
    if (!sent_ok[id] && recv_count[id]) phantom++;
  }
  if (lost || dup || phantom) {
    fprintf(stderr, "seed %d: %ld lost, %ld duplicated, %ld received but not sent\n", seed, lost,
            dup, phantom);
    failures++;
  }
  printf("seed %d: %d ids, %ld sent, %ld received + %ld drained after, %ld cancellations "
         "(%ld requested, %ld sends cancelled)%s%s\n",
         seed, next_id, n_sent, n_recv, n_drained, n_cancelled, n_cancel_req, n_send_cancelled,
         seed % 2 ? ", consumers cancelled before the producers ended" : "",
         failures != fail0 ? "  FAILED" : "");
  return failures != fail0;
}

int main(int argc, char **argv) {
  int a = 0, b = 50;
  if (argc > 1) {
    if (strchr(argv[1], ':')) sscanf(argv[1], "%d:%d", &a, &b);
    else b = (a = atoi(argv[1])) + 1;
  }
  long t_sent = 0, t_recv = 0, t_cancel = 0, t_drained = 0;
  int bad = 0;
  for (int s = a; s < b; s++) {
    bad += run_seed(s);
    t_sent += n_sent;
    t_recv += n_recv + n_drained;
    t_drained += n_drained;
    t_cancel += n_cancelled;
  }
  printf("%d seeds: %ld items sent, %ld received (%ld drained after the end), %ld "
         "cancellations; %d seeds failed\n",
         b - a, t_sent, t_recv, t_drained, t_cancel, bad);
  return bad ? 1 : 0;
}
