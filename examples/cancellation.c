/* cancellation.c - cancelling tasks and structured concurrency.
 *
 * Shows:
 *  - yc_cancel of a spawned task blocked in yc_sleep: YC_ECANCELLED arrives
 *    at its suspension point, its `cleanup` local (yieldc's `finally`) runs,
 *    and awaiting the task raises YC_ECANCELLED, caught with
 *    yc_try/yc_catch and printed with yc_strerror;
 *  - the same for a task blocked in yc_chan_recv on an empty channel;
 *  - a task group (Trio's nursery, asyncio.TaskGroup): yc_group_new,
 *    yc_group_spawn, `await(yc_group_wait(g), int)`.  One child fails; the
 *    siblings still running are cancelled at once (their cleanups run) and
 *    the wait yields the first error.
 * The Python twin's Group is asyncio.TaskGroup's behaviour with yc_group's
 * interface: children cancelled in the order they were spawned, the first
 * error returned by the wait.
 *
 * Mirrors TUTORIAL.md, part 2: section 3 and the "Trio-style structured
 * concurrency" it points to. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <yieldc.h>

/* A heap buffer holding its owner's name: the cleanup prints and frees it. */
static void free_buffer(char **buf) {
  if (*buf) {
    printf("%s: cleanup: buffer freed\n", *buf);
    free(*buf);
  }
}

static char *buffer_for(const char *name) {
  char *b = malloc(64);
  if (b)
    snprintf(b, 64, "%s", name);
  return b;
}

yc_async(int) sleepy(void) {
  __attribute__((cleanup(free_buffer))) char *buf = buffer_for("sleepy");
  printf("%s: sleeping for 10 s\n", buf);
  await(yc_sleep(10000));
  printf("sleepy: woke up\n");
  yc_return(1);
}

yc_async(int) listener(yc_chan *ch) {
  __attribute__((cleanup(free_buffer))) char *buf = buffer_for("listener");
  int msg;
  printf("%s: waiting for a message\n", buf);
  if (await(yc_chan_recv(ch, &msg), bool))
    printf("listener: got %d\n", msg);
  yc_return(2);
}

static void say_cleanup(const char **name) {
  printf("%s: cleanup ran\n", *name);
}

yc_async(int) worker(const char *name, int ms, int fail) {
  __attribute__((cleanup(say_cleanup))) const char *who = name;
  printf("%s: working for %d ms\n", who, ms);
  await(yc_sleep(ms));
  if (fail) {
    printf("%s: failing with \"%s\"\n", who, yc_strerror(fail));
    yc_raise(fail);
  }
  printf("%s: finished\n", who);
  yc_return(0);
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

yc_async(int) amain(void) {
  /* 1. A task blocked in a sleep. */
  yc_task *t = yc_spawn(sleepy());
  await(yc_sleep(10));
  printf("main: cancelling sleepy\n");
  yc_cancel(t);
  yc_try {
    int r = await(t, int);
    printf("main: sleepy returned %d\n", r);
  } yc_catch (err) {
    printf("main: awaiting sleepy raised \"%s\"\n", yc_strerror(err));
  }

  /* 2. A task blocked in a receive. */
  yc_chan *ch = yc_chan_new(1, sizeof(int));
  t = yc_spawn(listener(ch));
  await(yc_sleep(10));
  printf("main: cancelling listener\n");
  yc_cancel(t);
  yc_try {
    int r = await(t, int);
    printf("main: listener returned %d\n", r);
  } yc_catch (err) {
    printf("main: awaiting listener raised \"%s\"\n", yc_strerror(err));
  }
  yc_chan_free(ch);

  /* 3. A task group where one child fails. */
  yc_group *g = yc_group_new();
  double start = now_ms();
  yc_group_spawn(g, worker("quick", 5, 0));
  yc_group_spawn(g, worker("faulty", 20, -ENOSPC));
  yc_group_spawn(g, worker("slow-1", 1000, 0));
  yc_group_spawn(g, worker("slow-2", 2000, 0));
  int err = await(yc_group_wait(g), int);
  printf("main: group wait: \"%s\"\n", err ? yc_strerror(err) : "no error");
  printf("main: siblings cancelled early: %s\n",
         now_ms() - start < 1000 ? "yes" : "no");
  yc_group_free(g);
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  if (err) {
    printf("error: %s\n", yc_strerror(err));
    return 1;
  }
  return 0;
}
