/* workflow.c - a state machine assembled from step generators.
 *
 * Shows: `yield_from(g);` as structured control flow.  Each step is its own
 * generator; workflow() runs them in order by delegating to each, and the
 * consumer sees one flat stream of steps.  A step can itself delegate
 * (retrying() delegates to fetch() twice), and a value sent by the consumer
 * goes straight to the innermost step (PEP 380): here the consumer answers
 * "ok" or "fail" to each step, and a step that fails is retried.
 *
 * Mirrors TUTORIAL.md, part 2: section 1 (Real-world pattern: Generator-
 * based state machines). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <yieldc.h>

/* def step_one() -> Generator[str, None, None] */
yc_generator(const char *) step_one(void) {
  yield("connect");
  yield("authenticate");
}

yc_generator(const char *) step_two(void) {
  yield("fetch");
  yield("process");
}

/* def workflow() -> Generator[str, None, None] */
yc_generator(const char *) workflow(void) {
  yield_from(step_one());
  yield_from(step_two());
}

/* The same flow, talking back: each step yields its name and receives the
 * consumer's verdict; the step's return value says whether it succeeded. */
yc_generator(const char *, const char *, int) attempt(const char *name) {
  const char *verdict = yield(name, const char *);
  yc_return(strcmp(verdict, "ok") == 0);
}

yc_generator(const char *, const char *, int) retrying(const char *name) {
  for (int tries = 1; tries <= 3; tries++) {
    int ok = yield_from(attempt(name), int);
    if (ok)
      yc_return(tries);
  }
  yc_return(0);
}

yc_generator(const char *, const char *) checked_workflow(void) {
  static const char *const steps[] = {"connect", "authenticate", "fetch",
                                      "process"};
  for (int i = 0; i < 4; i++) {
    int tries = yield_from(retrying(steps[i]), int);
    if (!tries) {
      printf("  %s: gave up\n", steps[i]);
      return;
    }
    printf("  %s: done after %d %s\n", steps[i], tries,
           tries == 1 ? "try" : "tries");
  }
}

int main(void) {
  yc_foreach (const char *step, workflow())
    printf("%s\n", step);

  /* The consumer fails "fetch" once and "process" three times. */
  static const char *const answers[] = {"ok", "ok", "fail", "ok",
                                        "fail", "fail", "fail"};
  yc_gen *flow = checked_workflow();
  const char *step;
  size_t i = 0;
  bool more = yc_next(flow, &step);
  while (more) {
    const char *answer = answers[i++];
    printf("%s? %s\n", step, answer);
    more = yc_send(flow, &answer, &step);
  }
  printf("workflow finished\n");
  yc_free(flow);
  return 0;
}
