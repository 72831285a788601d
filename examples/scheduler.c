/* scheduler.c - cooperative multitasking with generator tasks.
 *
 * Shows: yc_generator(void) tasks that give up control with a bare
 * `yield();`, run round-robin by yieldc's scheduler (the tutorial's
 * Scheduler class: a queue of generators; take one from the front, advance
 * it, put it at the back unless it finished).  No threads, no preemption.
 *
 * Mirrors TUTORIAL.md, part 2: section 2 (Building a Coroutine Scheduler
 * From Scratch). */
#include <stdio.h>

#include <yieldc.h>

/* def task(name: str) -> Coroutine */
yc_generator(void) task(const char *name) {
  for (int i = 0; i < 3; i++) {
    printf("%s: step %d\n", name, i);
    yield();
  }
}

/* The same with a length of its own. */
yc_generator(void) job(const char *name, int steps) {
  for (int i = 0; i < steps; i++) {
    printf("%s: step %d\n", name, i);
    yield();
  }
}

int main(void) {
  yc_sched *sched = yc_sched_new();
  if (!sched)
    return 1;
  yc_sched_add(sched, task("A"));
  yc_sched_add(sched, task("B"));
  int err = yc_sched_run(sched);
  printf("all tasks finished\n");

  /* Tasks of different lengths: a finished task leaves the rotation. */
  yc_sched_add(sched, job("short", 1));
  yc_sched_add(sched, job("long", 3));
  yc_sched_add(sched, job("mid", 2));
  if (!err)
    err = yc_sched_run(sched);
  printf("all tasks finished\n");

  yc_sched_free(sched);
  return err ? 1 : 0;
}
