/* select_cancel.c - select loses and duplicates no item when tasks are
 * cancelled at random points (chan.h: a select completes exactly one case;
 * the others take and send nothing; a cancelled select leaves every
 * channel as it was).
 *
 * For each seed, one event loop runs three channels of capacity 0, 1 and 8,
 * 2..6 selector tasks and one plain consumer per channel.  A selector does
 * random selects of 1..4 cases (sends and receives mixed, on random
 * channels, some cases disabled), awaited or, one time in four, with the
 * default branch (yc_select_now).  Every send case carries a fresh unique
 * id; an id counts as sent only when its case was the one chosen and ok.
 * A receive counts the moment its select returned with that case chosen
 * and ok; every other receive case's variable must be untouched (nothing
 * taken), also when the select raised.  A canceller task cancels random
 * selectors and consumers after random numbers of loop turns and spawns
 * replacements.  At the end the selectors are cancelled (odd seeds: after
 * the channels were closed under them), the channels closed, the consumers
 * drain them, and the main task drains what is left.  Every id sent must
 * be received exactly once, no id that was not sent ever.
 *
 *   select_cancel [A:B | SEED]   seeds A..B-1 (default 0:50); prints one
 *                                line per seed and a total
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yieldc.h>

enum { NCHAN = 3, MAXTASKS = 96, MAXITEMS = 1 << 17, MAXCASES = 4 };
static const size_t caps[NCHAN] = {0, 1, 8};

static uint64_t rng;
static int next_id;
static unsigned char sent_ok[MAXITEMS], tried[MAXITEMS], item_chan[MAXITEMS];
static int recv_count[MAXITEMS];
static long n_selects, n_now, n_sent, n_recv, n_drained, n_cancelled, n_sel_cancelled, failures;
static yc_chan *chans[NCHAN];

struct role {
  yc_task *t[MAXTASKS];
  int chan[MAXTASKS];
  int n;
};
static struct role sels, cons;

static uint32_t rnd(uint32_t n) { /* xorshift64*, uniform enough for tests */
  rng ^= rng >> 12;
  rng ^= rng << 25;
  rng ^= rng >> 27;
  return (uint32_t)((rng * 2685821657736338717ull) >> 33) % n;
}

yc_async(int) jitter(void) {
  int turns = (int)rnd(4);
  for (int k = 0; k < turns; k++) await(yc_sleep(0));
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

/* Receive cases other than `chosen` (-1: none) must have taken nothing. */
static void untouched(const yc_case *cs, const int *vals, int n, int chosen) {
  for (int i = 0; i < n; i++)
    if (i != chosen && cs[i].chan && !cs[i].send && vals[i] != -1) {
      fprintf(stderr, "case %d not chosen (chose %d) but received %d\n", i, chosen, vals[i]);
      failures++;
    }
}

yc_async(int) selector(int nsel) {
  for (int k = 0; k < nsel; k++) {
    int n = 1 + (int)rnd(MAXCASES), chi[MAXCASES], ids[MAXCASES], vals[MAXCASES];
    yc_case cs[MAXCASES];
    for (int i = 0; i < n; i++) {
      int ch = (int)rnd(NCHAN);
      chi[i] = ch;
      vals[i] = -1;
      if (rnd(3)) { /* sends are two thirds: the consumers keep up */
        ids[i] = next_id++;
        tried[ids[i]] = 1;
        item_chan[ids[i]] = (unsigned char)ch;
        cs[i] = yc_case_send(chans[ch], &ids[i]);
      } else {
        cs[i] = yc_case_recv(chans[ch], &vals[i]);
      }
      if (i > 0 && rnd(8) == 0)
        cs[i].chan = NULL; /* disabled (never case 0: some case can complete) */
    }
    int r;
    if (rnd(4) == 0) {
      r = yc_select_now(cs, (size_t)n);
      n_now++;
      if (r < 0) {
        untouched(cs, vals, n, -1);
        await(jitter());
        continue;
      }
    } else {
      yc_try {
        r = await(yc_select(cs, (size_t)n), int);
      } yc_catch (err) {
        if (err == YC_ECANCELLED) n_sel_cancelled++;
        untouched(cs, vals, n, -1);
        yc_raise(err);
      }
    }
    n_selects++;
    if (r < 0 || r >= n || !cs[r].chan) {
      fprintf(stderr, "select returned %d of %d\n", r, n);
      failures++;
      break;
    }
    if (cs[r].send) {
      if (cs[r].ok) {
        sent_ok[ids[r]] = 1;
        n_sent++;
      }
    } else if (cs[r].ok) {
      got(chi[r], vals[r], false); /* before the next suspension point */
    } else if (vals[r] != -1) {
      fprintf(stderr, "closed receive stored %d\n", vals[r]);
      failures++;
    }
    untouched(cs, vals, n, r);
    if (rnd(3) == 0) await(jitter());
  }
  yc_return(0);
}

yc_async(int) consumer(int ch) {
  yc_chan *c = chans[ch];
  for (;;) {
    int v = -1;
    bool ok = await(yc_chan_recv(c, &v), bool);
    if (!ok) break;
    got(ch, v, false);
    if (rnd(2) == 0) await(jitter());
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
    struct role *r = rnd(3) ? &sels : &cons;
    if (r->n == MAXTASKS) continue;
    int victim = (int)rnd((uint32_t)r->n);
    if (!yc_cancel(r->t[victim])) continue; /* finished already */
    n_cancelled++;
    if (r == &sels) add(r, -1, yc_spawn(selector(5 + (int)rnd(40))));
    else add(r, r->chan[victim], yc_spawn(consumer(r->chan[victim])));
  }
  yc_return(0);
}

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
    add(&cons, ch, yc_spawn(consumer(ch)));
  }
  int ns = 2 + (int)rnd(5);
  for (int k = 0; k < ns; k++) add(&sels, -1, yc_spawn(selector(20 + (int)rnd(80))));
  await(reap(yc_spawn(canceller(5 + (int)rnd(30)))));
  if (seed % 2) {
    /* closed under running selectors: their sends fail (ok false, not
     * sent), their receives drain what is buffered, then see the close */
    for (int ch = 0; ch < NCHAN; ch++) yc_chan_close(chans[ch]);
    await(jitter());
  }
  for (int k = 0; k < sels.n; k++) yc_cancel(sels.t[k]);
  for (int k = 0; k < sels.n; k++) await(reap(sels.t[k]));
  for (int ch = 0; ch < NCHAN; ch++) yc_chan_close(chans[ch]);
  for (int k = 0; k < cons.n; k++) await(reap(cons.t[k]));
  for (int ch = 0; ch < NCHAN; ch++) {
    int v;
    while (await(yc_chan_recv(chans[ch], &v), bool)) got(ch, v, true);
  }
  yc_return(0);
}

static int run_seed(int seed) {
  memset(sent_ok, 0, sizeof sent_ok);
  memset(tried, 0, sizeof tried);
  memset(recv_count, 0, sizeof recv_count);
  next_id = 0;
  n_selects = n_now = n_sent = n_recv = n_drained = n_cancelled = n_sel_cancelled = 0;
  long fail0 = failures;
  sels.n = cons.n = 0;
  rng = 0x9e3779b97f4a7c15ull * (uint64_t)(seed + 1) ^ 0xd1b54a32d192ed03ull;
  yc_select_seed((unsigned long long)seed + 1); /* the choices replay per seed too */
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
  printf("seed %d: %ld selects (%ld default-branch tries), %ld sent, %ld received + %ld drained "
         "after, %ld cancellations (%ld in a select)%s%s\n",
         seed, n_selects, n_now, n_sent, n_recv, n_drained, n_cancelled, n_sel_cancelled,
         seed % 2 ? ", closed under the selectors" : "", failures != fail0 ? "  FAILED" : "");
  return failures != fail0;
}

int main(int argc, char **argv) {
  int a = 0, b = 50;
  if (argc > 1) {
    if (strchr(argv[1], ':')) sscanf(argv[1], "%d:%d", &a, &b);
    else b = (a = atoi(argv[1])) + 1;
  }
  long t_sel = 0, t_sent = 0, t_recv = 0, t_cancel = 0, t_selc = 0;
  int bad = 0;
  for (int s = a; s < b; s++) {
    bad += run_seed(s);
    t_sel += n_selects;
    t_sent += n_sent;
    t_recv += n_recv + n_drained;
    t_cancel += n_cancelled;
    t_selc += n_sel_cancelled;
  }
  printf("%d seeds: %ld selects, %ld items sent, %ld received, %ld cancellations (%ld in a "
         "select); %d seeds failed\n",
         b - a, t_sel, t_sent, t_recv, t_cancel, t_selc, bad);
  return bad ? 1 : 0;
}
