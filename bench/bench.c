/* bench/bench.c - yieldc against hand-written C (authoring view; bench/run.sh
 * translates it with yieldc and compiles it with -O2).  One line per
 * benchmark: "name: yieldc X ns, baseline Y ns, ratio R (target T)".
 * Arguments select benchmarks by substring. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include <yieldc.h>

#include "common.h"
#include "hand.h"

/* ---- Generator resume -------------------------------------------------- */

yc_generator(int) count_up_ext(int limit); /* bench/gen_other.c */

yc_generator(int) count_up(int limit) {
  for (int i = 0; i < limit; i++)
    yield(i);
}

static long hand_iter(long n) {
  long s = 0;
  count_iter it;
  int x;
  count_iter_init(&it, (int)n);
  while (count_iter_next(&it, &x))
    s += x;
  return s;
}

static long gen_ext(long n) {
  long s = 0;
  yc_foreach (int x, count_up_ext((int)n))
    s += x;
  return s;
}

/* The generic path: a plain yc_next loop over a handle of unknown type. */
static long gen_ext_next(long n) {
  long s = 0;
  int x;
  yc_gen *g = count_up_ext((int)n);
  while (yc_next(g, &x))
    s += x;
  yc_free(g);
  return s;
}

static long gen_local(long n) {
  long s = 0;
  yc_foreach (int x, count_up((int)n))
    s += x;
  return s;
}

/* ---- 3-stage pipeline ---------------------------------------------------- */

yc_generator(int) numbers(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

/* Take ownership of in (yc_foreach frees it). */
yc_generator(int) scale(yc_gen *in) {
  yc_foreach (int x, in)
    yield(3 * x + 1);
}

yc_generator(int) keep(yc_gen *in) {
  yc_foreach (int x, in) {
    if (x % 4 != 0)
      yield(x);
  }
}

static long gen_pipeline(long n) {
  long s = 0;
  yc_foreach (int x, keep(scale(numbers((int)n))))
    s += x;
  return s;
}

static long hand_pipeline(long n) {
  long s = 0;
  int x;
  iter *p = hand_keep(hand_scale(hand_numbers((int)n)));
  while (p->next(p, &x))
    s += x;
  hand_iter_free(p);
  return s;
}

static long hand_fused(long n) { return hand_fused_pipeline((int)n); }

/* ---- Scheduler: 10,000 round-robin tasks --------------------------------- */

#define NTASKS 10000

yc_generator(void) worker(int n, long *counter) {
  for (int i = 0; i < n; i++) {
    *counter += 1;
    yield();
  }
}

static long gen_sched(long n) {
  long counter = 0;
  int k = (int)(n / NTASKS);
  yc_sched *s = yc_sched_new();
  for (int t = 0; t < NTASKS; t++)
    yc_sched_add(s, worker(k, &counter));
  yc_sched_run(s);
  yc_sched_free(s);
  return counter;
}

static long hand_sched(long n) {
  long counter = 0;
  int k = (int)(n / NTASKS);
  unsigned cap = 16384, head = 0, count = 0;
  rr_task **q = malloc(cap * sizeof *q);
  for (int t = 0; t < NTASKS; t++)
    q[count++] = rr_task_new(k, &counter);
  while (count) {
    rr_task *t = q[head];
    head = (head + 1) & (cap - 1);
    count--;
    if (t->step(t))
      q[(head + count++) & (cap - 1)] = t;
    else
      free(t);
  }
  free(q);
  return counter;
}

/* ---- Channels: producer and consumer tasks ------------------------------ */

yc_async(int) producer(yc_chan *ch, int n) {
  for (int i = 0; i < n; i++) {
    int r = await(yc_chan_send(ch, &i), int);
    if (r)
      yc_return(r);
  }
  yc_chan_close(ch);
  yc_return(0);
}

yc_async(long) consumer(yc_chan *ch) {
  long sum = 0;
  int v;
  for (;;) {
    bool ok = await(yc_chan_recv(ch, &v), bool);
    if (!ok)
      break;
    sum += v;
  }
  yc_return(sum);
}

yc_async(long) chan_main(int cap, int n) {
  yc_chan *ch = yc_chan_new(cap, sizeof(int));
  yc_task *p = yc_spawn(producer(ch, n));
  long s = await(consumer(ch), long);
  int r = await(p, int);
  (void)r;
  yc_chan_free(ch);
  yc_return(s);
}

static long chan_run(int cap, long n) {
  long s = 0;
  if (yc_run(chan_main(cap, (int)n), &s)) {
    fprintf(stderr, "chan: yc_run failed\n");
    exit(1);
  }
  return s;
}

static long hand_chan(unsigned cap, long n) {
  int buf[64];
  ring r = {buf, cap, 0, 0};
  producer_sm p = {0, (int)n};
  consumer_sm c = {0, 0};
  bool more = true;
  while (more || r.count) {
    more = producer_step(&p, &r);
    consumer_step(&c, &r);
  }
  return c.sum;
}

static long gen_chan64(long n) { return chan_run(64, n); }
static long gen_chan1(long n) { return chan_run(1, n); }
static long hand_chan64(long n) { return hand_chan(64, n); }
static long hand_chan1(long n) { return hand_chan(1, n); }

/* ---- Deadlines: the capacity-1 ping-pong with every receive in a scope --- */

/* The consumer of chan_main with each receive inside a deadline scope that
 * never expires (an hour): what entering and leaving a scope costs a wait
 * (scope and pending lists, the loop's per-turn deadline check), compared
 * with the same consumer without scopes (target: at most 1.2x). */
yc_async(long) consumer_dl(yc_chan *ch) {
  long sum = 0;
  int v;
  for (;;) {
    bool ok = false;
    yc_move_on_after(3600000) {
      ok = await(yc_chan_recv(ch, &v), bool);
    }
    if (!ok)
      break;
    sum += v;
  }
  yc_return(sum);
}

yc_async(long) chan_dl_main(int n) {
  yc_chan *ch = yc_chan_new(1, sizeof(int));
  yc_task *p = yc_spawn(producer(ch, n));
  long s = await(consumer_dl(ch), long);
  int r = await(p, int);
  (void)r;
  yc_chan_free(ch);
  yc_return(s);
}

static long gen_chan1_deadline(long n) {
  long s = 0;
  if (yc_run(chan_dl_main((int)n), &s)) {
    fprintf(stderr, "chan: yc_run failed\n");
    exit(1);
  }
  return s;
}

/* ---- select2: a consumer selecting over two channels ---------------------
 * The producer of chan64 feeds one channel (capacity 64); the other stays
 * empty.  The consumer awaits a select over both instead of a receive: the
 * target compares it with the plain-receive program (gen_chan64) measured
 * in the same run; the hand-written baseline (hand.c) polls two rings. */

yc_async(long) select_consumer(yc_chan *idle, yc_chan *ch) {
  long sum = 0;
  int v;
  /* The empty channel first: every select looks at both. */
  yc_case cs[2] = {yc_case_recv(idle, &v), yc_case_recv(ch, &v)};
  for (;;) {
    int k = await(yc_select(cs, 2), int);
    if (!cs[k].ok)
      break;
    sum += v;
  }
  yc_return(sum);
}

/* The same with the inline try written out, as the translator emits it
 * for await(yc_select(...)) when it can (helper "park"): until it does,
 * this shows what that costs. */
yc_async(long) select_consumer_try(yc_chan *idle, yc_chan *ch) {
  long sum = 0;
  int v;
  yc_case cs[2] = {yc_case_recv(idle, &v), yc_case_recv(ch, &v)};
  for (;;) {
    int k;
    if (!yc__select_try(cs, 2, &k))
      k = await(yc_select(cs, 2), int);
    if (!cs[k].ok)
      break;
    sum += v;
  }
  yc_return(sum);
}

yc_async(long) select_main(int n, bool try_first) {
  yc_chan *ch = yc_chan_new(64, sizeof(int)), *idle = yc_chan_new(64, sizeof(int));
  yc_task *p = yc_spawn(producer(ch, n));
  long s = try_first ? await(select_consumer_try(idle, ch), long)
                     : await(select_consumer(idle, ch), long);
  int r = await(p, int);
  (void)r;
  yc_chan_free(ch);
  yc_chan_free(idle);
  yc_return(s);
}

static long select_run(long n, bool try_first) {
  long s = 0;
  if (yc_run(select_main((int)n, try_first), &s)) {
    fprintf(stderr, "select2: yc_run failed\n");
    exit(1);
  }
  return s;
}
static long gen_select2(long n) { return select_run(n, false); }
static long gen_select2_try(long n) { return select_run(n, true); }

static long hand_select2(long n) {
  int buf[64], ibuf[64];
  ring r = {buf, 64, 0, 0}, idle = {ibuf, 64, 0, 0};
  producer_sm p = {0, (int)n};
  consumer_sm c = {0, 0};
  bool more = true;
  while (more || r.count) {
    more = producer_step(&p, &r);
    consumer_select_step(&c, &idle, &r);
  }
  return c.sum;
}

/* For callgrind: `bench --once NAME N` runs one variant once on N items. */
static const struct {
  const char *name;
  bench_fn fn;
} variants[] = {
    {"gen_ext", gen_ext},         {"gen_ext_next", gen_ext_next},
    {"gen_local", gen_local},
    {"hand_iter", hand_iter},     {"gen_pipeline", gen_pipeline},
    {"hand_pipeline", hand_pipeline}, {"gen_sched", gen_sched},
    {"hand_sched", hand_sched},   {"gen_chan64", gen_chan64},
    {"hand_chan64", hand_chan64}, {"gen_chan1", gen_chan1},
    {"hand_chan1", hand_chan1},   {"gen_chan1_deadline", gen_chan1_deadline},
    {"gen_select2", gen_select2}, {"hand_select2", hand_select2},
    {"gen_select2_try", gen_select2_try},
};

int main(int argc, char **argv) {
  if (argc == 4 && !strcmp(argv[1], "--once")) {
    for (size_t i = 0; i < sizeof variants / sizeof *variants; i++)
      if (!strcmp(argv[2], variants[i].name)) {
        printf("%ld\n", variants[i].fn(atol(argv[3])));
        return 0;
      }
    fprintf(stderr, "bench: no variant %s\n", argv[2]);
    return 2;
  }
  /* Sanity: both sides compute the same thing. */
  if (gen_local(1000) != hand_iter(1000) || gen_ext(1000) != hand_iter(1000) ||
      gen_ext_next(1000) != hand_iter(1000) ||
      gen_pipeline(1000) != hand_pipeline(1000) ||
      gen_pipeline(1000) != hand_fused(1000) ||
      gen_sched(NTASKS * 3) != hand_sched(NTASKS * 3) ||
      gen_chan64(1000) != hand_chan64(1000) ||
      gen_chan1(1000) != hand_chan1(1000) || gen_chan1_deadline(1000) != hand_chan1(1000) || gen_select2(1000) != gen_chan64(1000) ||
      gen_select2_try(1000) != gen_chan64(1000) ||
      hand_select2(1000) != gen_chan64(1000)) {
    fprintf(stderr, "bench: checksum mismatch\n");
    return 1;
  }
  if (bench_selected(argc, argv, "resume-ext"))
    bench_pair("resume-ext (generator in another file)", gen_ext, hand_iter, 1,
               1.3);
  if (bench_selected(argc, argv, "resume-next"))
    bench_pair("resume-next (plain yc_next, generator in another file)",
               gen_ext_next, hand_iter, 1, 1.3);
  if (bench_selected(argc, argv, "resume-local"))
    bench_pair("resume-local (generator in the consumer's file)", gen_local,
               hand_iter, 1, 1.2);
  if (bench_selected(argc, argv, "pipeline"))
    bench_pair("pipeline (3 stages, per source item)", gen_pipeline,
               hand_pipeline, 1, 1.5);
  if (bench_selected(argc, argv, "pipeline-fused"))
    bench_pair("pipeline-fused (vs one hand-fused loop)", gen_pipeline,
               hand_fused, 1, 0);
  if (bench_selected(argc, argv, "sched"))
    bench_pair("sched (10,000 tasks, per step)", gen_sched, hand_sched, NTASKS,
               1.5);
  if (bench_selected(argc, argv, "chan64"))
    bench_pair("chan64 (capacity 64, per message)", gen_chan64, hand_chan64, 1,
               1.5);
  if (bench_selected(argc, argv, "chan1"))
    bench_pair("chan1 (capacity 1, per message)", gen_chan1, hand_chan1, 1, 1.5);
  if (bench_selected(argc, argv, "deadline"))
    bench_pair("chan1-deadline (each recv in a scope that never expires, vs without)",
               gen_chan1_deadline, gen_chan1, 1, 1.2);
  if (bench_selected(argc, argv, "select2")) {
    bench_pair("select2 (select over 2 channels, 1 ready, vs plain receive)", gen_select2,
               gen_chan64, 1, 1.5);
    bench_pair("select2-try (the inline try written out, vs plain receive)", gen_select2_try,
               gen_chan64, 1, 0);
    bench_pair("select2-hand (vs a hand-written consumer polling 2 rings)", gen_select2,
               hand_select2, 1, 0);
  }
  return 0;
}
