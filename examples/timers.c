/* timers.c - tasks sleeping on timers finish in the order of their
 * deadlines, not the order they were started, and run concurrently.
 *
 * Shows:
 *  - yc_spawn of several `yc_async(int)` tasks, each `await(yc_sleep(ms))`
 *    for its own time; they print as they finish: shortest sleep first;
 *    two equal sleeps finish in the order they started;
 *  - `int r = await(t, int)` of the tasks in the order they were spawned
 *    (like asyncio.gather): each task's result, whatever order they ended;
 *  - the whole run takes about as long as the longest sleep, not the sum;
 *  - yc_sleep(0) only yields: two tasks taking turns interleave.
 * The program prints orders only, never times.
 *
 * Mirrors TUTORIAL.md, part 2: sections 2 and 3 (an event loop is a
 * scheduler plus timers and I/O polling). */
#include <stdio.h>
#include <time.h>

#include <yieldc.h>

static int finished;

yc_async(int) sleeper(const char *name, int ms) {
  printf("%s: sleeping %d ms\n", name, ms);
  await(yc_sleep(ms));
  finished++;
  printf("%s: awake (#%d to finish)\n", name, finished);
  yc_return(ms * 10);
}

yc_async(void) turns(const char *name, int n) {
  for (int i = 0; i < n; i++) {
    printf("%s: turn %d\n", name, i);
    await(yc_sleep(0));
  }
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

enum { NTASKS = 5 };

yc_async(int) amain(void) {
  static const char *names[NTASKS] = {"slow", "fast", "medium", "tie-a",
                                      "tie-b"};
  static const int sleeps[NTASKS] = {90, 15, 50, 30, 30};
  /* "= {0}": an uninitialised local array is mistranslated at the moment
   * (see test/run/async-uninitialised-local-array-of-tasks.c). */
  yc_task *tasks[NTASKS] = {0};
  double start = now_ms();
  int sum_of_sleeps = 0;
  for (int i = 0; i < NTASKS; i++) {
    tasks[i] = yc_spawn(sleeper(names[i], sleeps[i]));
    sum_of_sleeps += sleeps[i];
  }
  printf("main: %d tasks spawned\n", NTASKS);
  for (int i = 0; i < NTASKS; i++) {
    int r = await(tasks[i], int);
    printf("main: %s returned %d\n", names[i], r);
  }
  double elapsed = now_ms() - start;
  printf("ran concurrently: %s\n", elapsed < sum_of_sleeps ? "yes" : "no");

  yc_task *a = yc_spawn(turns("A", 3));
  yc_task *b = yc_spawn(turns("B", 3));
  await(a);
  await(b);
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
