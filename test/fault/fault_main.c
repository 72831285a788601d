/* fault_main.c - fault injection over the runtime (docs/reliability.md).
 *
 * Each scenario (generators, delegation, scheduler, event loop with
 * channels, tasks and timers) is first run clean to count its runtime
 * allocations A; then for every N in 1..A it runs again with the Nth
 * allocation failing (runtime/alloc.h).  Every run must either succeed with
 * the right result or fail with YC_ENOMEM -- never crash, hang or report
 * another error -- and, run under LeakSanitizer (the sanitized build),
 * nothing may leak.  Exit 77 (skipped) when the runtime's allocations do not
 * go through runtime/alloc.c yet. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <yieldc.h>

#include "alloc.h"

/* ---- generators and delegation ---------------------------------------- */
yc_generator(int, int, int) count(int n) {
  for (int i = 0; i < n; i++) yield(i);
  yc_return(n);
}

yc_generator(int, int, int) outer(void) {
  int r = yield_from(count(2), int);
  yield(r * 100);
  int s = yield_from(count(1), int) + yield_from(count(3), int);
  yc_return(r * 10 + s);
}

/* Sum of what g yields, plus its result * 1000; or -errors. */
static int drain(yc_gen *g, int *err) {
  int v, sum = 0, r = 0;
  *err = 0;
  if (!g) {
    *err = YC_ENOMEM;
    return 0;
  }
  while (yc_next(g, &v)) sum += v;
  *err = yc_error(g);
  if (yc_result(g, &r)) sum += r * 1000;
  yc_free(g);
  return sum;
}

static int scen_generators(void) {
  int err, s = drain(count(4), &err);
  if (err) return err;
  return s == 0 + 1 + 2 + 3 + 4000 ? 0 : -1;
}

static int scen_delegation(void) {
  int err, s = drain(outer(), &err);
  if (err) return err;
  return s == (0 + 1) + 200 + 0 + (0 + 1 + 2) + 24000 ? 0 : -1;
}

/* ---- scheduler ----------------------------------------------------------- */
static int ticks;
yc_generator(void) ticker(int n) {
  for (int i = 0; i < n; i++) {
    ticks++;
    yield();
  }
}

static int scen_sched(void) {
  ticks = 0;
  yc_sched *s = yc_sched_new();
  if (!s) return YC_ENOMEM;
  int err = 0;
  for (int k = 0; k < 20 && !err; k++) err = yc_sched_add(s, ticker(3)); /* grows the ring */
  if (!err) err = yc_sched_run(s);
  yc_sched_free(s);
  if (err) return err;
  return ticks == 60 ? 0 : -1;
}

/* ---- event loop, tasks, channels, timers --------------------------------- */
yc_async(int) producer(yc_chan *c, int n) {
  for (int i = 1; i <= n; i++) await(yc_chan_send(c, &i));
  yc_chan_close(c);
  yc_return(n);
}

yc_async(int) sleeper(long ms) {
  await(yc_sleep(ms));
  yc_return((int)ms);
}

/* c belongs to scen_loop: freed after yc_run, when no task can still be
 * waiting on it (yc_chan_free's contract).  The children belong to a group
 * that a cleanup frees on every exit, failures included. */
static void group_cleanup(yc_group **g) { yc_group_free(*g); }

yc_async(int) consumer(yc_chan *c) {
  __attribute__((cleanup(group_cleanup))) yc_group *g = yc_group_new();
  if (!g) yc_raise(YC_ENOMEM);
  int e = yc_group_spawn(g, producer(c, 6));
  for (int k = 0; k < 4 && !e; k++) e = yc_group_spawn(g, sleeper(k % 3));
  if (e) {
    yc_chan_close(c); /* no receiver will come: let a waiting producer go */
    yc_raise(e);
  }
  int v, sum = 0;
  while (await(yc_chan_recv(c, &v), bool)) sum += v;
  e = await(yc_group_wait(g), int);
  if (e) yc_raise(e);
  await(yc_sleep(1));
  yc_return(sum * 100 + 7);
}

static int scen_loop(void) {
  int r = 0;
  yc_chan *c = yc_chan_new(2, sizeof(int));
  if (!c) return YC_ENOMEM;
  int err = yc_run(consumer(c), &r);
  yc_chan_free(c);
  if (err) return err;
  if (r != 21 * 100 + 7) printf("loop: result %d\n", r);
  return r == 21 * 100 + 7 ? 0 : -1;
}

/* ---- the driver ------------------------------------------------------------ */
static const struct {
  const char *name;
  int (*run)(void);
} scen[] = {{"generators", scen_generators},
            {"delegation", scen_delegation},
            {"scheduler", scen_sched},
            {"loop+channels+timers+groups", scen_loop}};

int main(void) {
  int bad = 0;
  unsigned long total_faults = 0;
  for (size_t k = 0; k < sizeof scen / sizeof scen[0]; k++) {
    unsigned long before = yc__alloc_count();
    int rc = scen[k].run();
    unsigned long allocs = yc__alloc_count() - before;
    if (rc) {
      printf("FAIL %s: clean run returned %d (%s)\n", scen[k].name, rc, yc_strerror(rc));
      bad++;
      continue;
    }
    if (allocs == 0) {
      printf("SKIP %s: no allocation went through runtime/alloc.c\n", scen[k].name);
      if (k == 0) return 77; /* the frame allocation is not wired */
      continue;
    }
    unsigned long ok = 0, enomem = 0, deadlock = 0;
    for (unsigned long n = 1; n <= allocs; n++) {
      unsigned long inj = yc__alloc_injected();
      yc__alloc_fail_nth((long)n);
      rc = scen[k].run();
      yc__alloc_fail_nth(0);
      bool injected = yc__alloc_injected() != inj;
      if (rc == 0)
        ok++;
      else if (rc == YC_ENOMEM && injected)
        enomem++;
      else if (rc == -EDEADLK && injected && scen[k].run == scen_loop)
        deadlock++; /* a child died of ENOMEM while its peer waited on the
                       channel: yc_run diagnoses the deadlock */
      else {
        printf("FAIL %s: allocation %lu of %lu failing: returned %d (%s)%s\n", scen[k].name, n,
               allocs, rc, yc_strerror(rc), injected ? "" : " without a failure injected");
        bad++;
      }
    }
    total_faults += allocs;
    printf("%s: %lu allocations, each failed once: %lu clean errors (YC_ENOMEM), %lu "
           "deadlocks diagnosed (-EDEADLK), %lu recovered\n",
           scen[k].name, allocs, enomem, deadlock, ok);
  }
  printf("%lu faults injected, %d wrong outcomes\n", total_faults, bad);
  return bad ? 1 : 0;
}
