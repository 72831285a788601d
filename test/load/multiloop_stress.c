/* multiloop_stress.c - shared channels between the loops of a yc_loops
 * group under random traffic, closes and cross-loop cancellations.
 *
 * For each seed of a range: 2 to 4 loops, 1 to 3 shared channels of
 * capacity 1 to 8, producers sending uniquely numbered items to random
 * channels, consumers receiving with single receives, yc_select and
 * yc_select_now, a task that closes a random channel early, and a task
 * that cancels random producers and consumers of other loops
 * (yc_xtask_cancel) after random numbers of yields.  A collector task
 * awaits every producer from its own loop (yc_xtask_wait), then closes
 * every channel; one consumer is never cancelled, so every channel is
 * drained.  Checks: every item whose send returned 0 was received exactly
 * once, and nothing else was received (no item lost or duplicated);
 * every task finished (an alarm kills a deadlocked run); in the ASan build
 * LeakSanitizer checks that everything was freed.
 *
 * Usage: multiloop_stress [FIRST:END] (seeds FIRST..END-1; default 0:200). */
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yieldc.h>

#define MAXCH 3
#define MAXP 4
#define MAXC 4
#define PER_PRODUCER 150
#define NITEMS (MAXP * PER_PRODUCER)

static yc_chan *chans[MAXCH];
static int nch;
static unsigned char sent_ok[NITEMS]; /* written by the item's producer only */
static atomic_int recvd[NITEMS];
static atomic_int stray; /* received items that no send reported */
static long total_items, total_cancelled; /* reported: the test did something */

static unsigned rnd(unsigned *s) {
  *s = *s * 1103515245u + 12345u;
  return (*s >> 16) & 0x7fff;
}

yc_async(int) producer(int id, unsigned seed) {
  for (int k = 0; k < PER_PRODUCER; k++) {
    int item = id * PER_PRODUCER + k;
    yc_chan *c = chans[rnd(&seed) % (unsigned)nch];
    if (rnd(&seed) % 4 == 0) {
      yc_case cs[1] = {yc_case_send(c, &item)};
      int i = await(yc_select(cs, 1), int);
      if (i == 0 && cs[0].ok)
        sent_ok[item] = 1;
    } else {
      int r = await(yc_chan_send(c, &item), int);
      if (r == 0)
        sent_ok[item] = 1;
    }
    if (rnd(&seed) % 8 == 0)
      await(yc_sleep(0));
  }
  yc_return(0);
}

static void got(int item) {
  if (item < 0 || item >= NITEMS)
    atomic_fetch_add(&stray, 1);
  else
    atomic_fetch_add(&recvd[item], 1);
}

/* Receives until every channel is closed and drained.  The drainer (never
 * cancelled) always selects over every open channel: a single receive on
 * one empty channel while the producers wait on another full one would
 * deadlock any program, on one loop or many. */
yc_async(int) consumer(unsigned seed, bool drainer) {
  yc_chan *open[MAXCH];
  int nopen = nch;
  for (int i = 0; i < nch; i++)
    open[i] = chans[i];
  while (nopen > 0) {
    int item = -1;
    unsigned how = drainer ? 3 : rnd(&seed) % 4;
    if (how == 0) {
      int j = (int)(rnd(&seed) % (unsigned)nopen);
      bool ok = await(yc_chan_recv(open[j], &item), bool);
      if (ok)
        got(item);
      else
        open[j] = open[--nopen];
    } else if (how == 1) {
      yc_case cs[MAXCH];
      for (int j = 0; j < nopen; j++)
        cs[j] = yc_case_recv(open[j], &item);
      int i = yc_select_now(cs, (size_t)nopen);
      if (i >= 0) {
        if (cs[i].ok)
          got(item);
        else
          open[i] = open[--nopen];
      }
      await(yc_sleep(0));
    } else {
      yc_case cs[MAXCH];
      for (int j = 0; j < nopen; j++)
        cs[j] = yc_case_recv(open[j], &item);
      int i = await(yc_select(cs, (size_t)nopen), int);
      if (cs[i].ok)
        got(item);
      else
        open[i] = open[--nopen];
    }
  }
  yc_return(0);
}


yc_async(int) producer_local(yc_chan *c, int n) {
  for (int i = 1; i <= n; i++)
    if (await(yc_chan_send(c, &i), int))
      yc_return(-1);
  yc_chan_close(c);
  yc_return(0);
}

/* ---- Unit checks, run once before the seeds ------------------------------ */

static int unit_fails;
#define EXPECT(cond)                                                                               \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      fprintf(stderr, "unit check failed: %s (line %d)\n", #cond, __LINE__);                       \
      unit_fails++;                                                                                \
    }                                                                                              \
  } while (0)

/* A select mixing a channel of this loop and a shared one: items from both
 * arrive, each once. */
yc_async(int) mixed_select(yc_chan *shared, int n) {
  yc_chan *local = yc_chan_new(2, sizeof(int));
  yc_task *p = yc_spawn(producer_local(local, n));
  int sum = 0, x = 0, open_n = 2;
  yc_chan *a = local, *b = shared;
  while (open_n > 0) {
    yc_case cs[2] = {yc_case_recv(a, &x), yc_case_recv(b, &x)};
    int i = await(yc_select(cs, 2), int);
    if (!cs[i].ok) {
      if (i == 0)
        a = NULL;
      else
        b = NULL;
      open_n--;
      continue;
    }
    sum += x;
  }
  await(p, int);
  yc_chan_free(local);
  yc_return(sum);
}

yc_async(int) send_n(yc_chan *c, int n) {
  for (int i = 1; i <= n; i++)
    if (await(yc_chan_send(c, &i), int))
      yc_return(-1);
  yc_chan_close(c);
  yc_return(0);
}

yc_async(int) recv_one(yc_chan *c) {
  int x;
  bool ok = await(yc_chan_recv(c, &x), bool);
  yc_return(ok ? x : -1);
}

yc_async(int) forever(void) {
  await(yc_sleep(1000000));
  yc_return(1);
}

yc_async(int) await_remote(yc_xtask *h) {
  int e = await(yc_xtask_wait(h), int);
  yc_return(e);
}

yc_async(int) fails(void) {
  yc_raise(YC_ENORESULT);
  yc_return(0);
}

static void unit_checks(void) {
  /* Mixed select: 300 local + 300 shared items, summed on loop 1. */
  yc_loops *g = yc_loops_new(2);
  EXPECT(g && yc_loops_start(g) == 0);
  yc_chan *sh = yc_chan_new_shared(3, sizeof(int));
  EXPECT(yc_chan_is_shared(sh) && !yc_chan_new_shared(0, sizeof(int)));
  yc_xtask *m = yc_loops_spawn(g, 1, mixed_select(sh, 300));
  yc_xtask *s = yc_loops_spawn(g, 0, send_n(sh, 300));
  int sum = 0;
  EXPECT(yc_xtask_join(m) == 0 && yc_xtask_result(m, &sum) && sum == 2 * 300 * 301 / 2);
  EXPECT(yc_xtask_join(s) == 0);
  /* Cancel from another loop's task, await from a third place. */
  yc_xtask *f = yc_loops_spawn(g, 0, forever());
  yc_xtask *a = yc_loops_spawn(g, 1, await_remote(f));
  EXPECT(!yc_xtask_done(f));
  EXPECT(yc_xtask_cancel(f));
  int e = 0;
  EXPECT(yc_xtask_join(a) == 0 && yc_xtask_result(a, &e) && e == YC_ECANCELLED);
  EXPECT(yc_xtask_join(f) == YC_ECANCELLED && !yc_xtask_cancel(f));
  /* An error reaches the awaiter on the other loop. */
  yc_xtask *bad = yc_loops_spawn(g, 0, fails());
  yc_xtask *a2 = yc_loops_spawn(g, 1, await_remote(bad));
  EXPECT(yc_xtask_join(a2) == 0 && yc_xtask_result(a2, &e) && e == YC_ENORESULT);
  /* A task still waiting when the group stops is cancelled. */
  yc_chan *never = yc_chan_new_shared(1, sizeof(int));
  yc_xtask *w = yc_loops_spawn(g, 1, recv_one(never));
  yc_loops_free(g);
  EXPECT(yc_xtask_join(w) == YC_ECANCELLED);
  yc_xtask *late = yc_loops_spawn(g = yc_loops_new(1), 0, forever());
  EXPECT(late == NULL); /* not started */
  yc_loops_free(g);
  /* Waiting on a shared channel outside a group loop is refused. */
  int r = 0;
  EXPECT(yc_run(recv_one(never), &r) == YC_EINVAL);
  /* yc_loops_run: result and error. */
  EXPECT(yc_loops_run(2, await_remote(f), &r) == 0 && r == YC_ECANCELLED);
  EXPECT(yc_loops_run(2, fails(), &r) == YC_ENORESULT);
  yc_chan_free(never);
  yc_chan_free(sh);
  yc_xtask *hs[] = {m, s, f, a, bad, a2, w};
  for (size_t i = 0; i < sizeof hs / sizeof *hs; i++)
    yc_xtask_free(hs[i]);
}

static yc_xtask *victims[MAXP + MAXC];
static int nvictims;

/* Cancels random producers and consumers (never consumer 0, the drainer),
 * whichever loop they run on. */
yc_async(int) canceller(unsigned seed, int n) {
  for (int k = 0; k < n; k++) {
    int waits = (int)(rnd(&seed) % 40);
    for (int i = 0; i < waits; i++)
      await(yc_sleep(0));
    (void)yc_xtask_cancel(victims[rnd(&seed) % (unsigned)nvictims]);
  }
  yc_return(0);
}

yc_async(int) closer(unsigned seed) {
  int waits = (int)(rnd(&seed) % 200);
  for (int i = 0; i < waits; i++)
    await(yc_sleep(0));
  yc_chan_close(chans[rnd(&seed) % (unsigned)nch]);
  yc_return(0);
}

static yc_xtask *producers[MAXP];
static int nprod;

yc_async(int) collector(void) {
  for (int i = 0; i < nprod; i++) {
    int e = await(yc_xtask_wait(producers[i]), int);
    if (e != 0 && e != YC_ECANCELLED)
      yc_return(e);
  }
  for (int i = 0; i < nch; i++)
    yc_chan_close(chans[i]);
  yc_return(0);
}

static int run_seed(unsigned seed) {
  unsigned s = seed * 2654435761u + 1;
  size_t nloops = 2 + rnd(&s) % 3;
  nch = 1 + (int)(rnd(&s) % MAXCH);
  nprod = 1 + (int)(rnd(&s) % MAXP);
  int ncons = 1 + (int)(rnd(&s) % MAXC);
  memset(sent_ok, 0, sizeof sent_ok);
  for (int i = 0; i < NITEMS; i++)
    atomic_store(&recvd[i], 0);
  atomic_store(&stray, 0);
  for (int i = 0; i < nch; i++)
    chans[i] = yc_chan_new_shared(1 + rnd(&s) % 8, sizeof(int));
  yc_loops *g = yc_loops_new(nloops);
  if (!g || yc_loops_start(g)) {
    fprintf(stderr, "seed %u: cannot start %zu loops\n", seed, nloops);
    return 1;
  }
  yc_xtask *cons[MAXC];
  nvictims = 0;
  for (int i = 0; i < ncons; i++) {
    cons[i] = yc_loops_spawn(g, -1, consumer(rnd(&s), i == 0));
    if (i > 0)
      victims[nvictims++] = cons[i];
  }
  for (int i = 0; i < nprod; i++) {
    producers[i] = yc_loops_spawn(g, -1, producer(i, rnd(&s)));
    victims[nvictims++] = producers[i];
  }
  yc_xtask *extra[3];
  int ncancel = (int)(rnd(&s) % 4);
  extra[0] = yc_loops_spawn(g, -1, canceller(rnd(&s), ncancel));
  extra[1] = rnd(&s) % 3 == 0 ? yc_loops_spawn(g, -1, closer(rnd(&s))) : NULL;
  extra[2] = yc_loops_spawn(g, -1, collector());
  int bad = 0;
  for (int i = 0; i < 3; i++)
    if (extra[i]) {
      int e = yc_xtask_join(extra[i]);
      if (e) {
        fprintf(stderr, "seed %u: helper %d failed: %s\n", seed, i, yc_strerror(e));
        bad = 1;
      }
    }
  for (int i = 0; i < ncons; i++) {
    int e = yc_xtask_join(cons[i]);
    if (e && !(i > 0 && e == YC_ECANCELLED)) {
      fprintf(stderr, "seed %u: consumer %d failed: %s\n", seed, i, yc_strerror(e));
      bad = 1;
    }
  }
  for (int i = 0; i < nprod; i++)
    total_cancelled += yc_xtask_join(producers[i]) == YC_ECANCELLED;
  for (int i = 1; i < ncons; i++)
    total_cancelled += yc_xtask_join(cons[i]) == YC_ECANCELLED;
  yc_loops_free(g);
  for (int i = 0; i < 3; i++)
    yc_xtask_free(extra[i]);
  for (int i = 0; i < ncons; i++)
    yc_xtask_free(cons[i]);
  for (int i = 0; i < nprod; i++)
    yc_xtask_free(producers[i]);
  int nsent = 0;
  for (int i = 0; i < NITEMS; i++) {
    int r = atomic_load(&recvd[i]);
    nsent += sent_ok[i];
    if (r != sent_ok[i]) {
      fprintf(stderr, "seed %u: item %d sent %d received %d times\n", seed, i, sent_ok[i], r);
      bad = 1;
    }
  }
  if (atomic_load(&stray)) {
    fprintf(stderr, "seed %u: %d stray items\n", seed, atomic_load(&stray));
    bad = 1;
  }
  for (int i = 0; i < nch; i++) {
    if (yc_chan_len(chans[i]) != 0) {
      fprintf(stderr, "seed %u: channel %d not drained\n", seed, i);
      bad = 1;
    }
    yc_chan_free(chans[i]);
  }
  total_items += nsent;
  return bad;
}

int main(int argc, char **argv) {
  unsigned first = 0, end = 200;
  if (argc > 1 && sscanf(argv[1], "%u:%u", &first, &end) != 2) {
    fprintf(stderr, "usage: %s [FIRST:END]\n", argv[0]);
    return 2;
  }
  alarm(30);
  unit_checks();
  int fails = unit_fails;
  for (unsigned seed = first; seed < end; seed++) {
    alarm(30); /* watchdog: a deadlocked seed kills the run */
    fails += run_seed(seed);
  }
  alarm(0);
  printf("multiloop_stress: seeds %u..%u: %ld items delivered, %ld tasks cancelled, %d failed\n",
         first, end - 1, total_items, total_cancelled, fails);
  if (total_items == 0)
    fails++; /* nothing was tested */
  return fails ? 1 : 0;
}
