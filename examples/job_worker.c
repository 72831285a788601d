/* job_worker.c - a worker that takes jobs from two queues with select, runs
 * each under its own deadline, and hands the results to a slow consumer
 * through a small channel that pushes back.
 *
 * Shows:
 *  - `await(yc_select(cases, 2), int)`: one wait for whichever of two
 *    channels (urgent, normal) has a job; the index says which, and
 *    cases[i].ok is false once that channel is closed: the worker then
 *    disables the case (chan = NULL) and goes on with the other;
 *  - `yc_fail_after(ms)` around an urgent job: a job still running at its
 *    deadline is cancelled where it waits, and YC_ETIMEDOUT is raised after
 *    the statement, caught here by yc_try / yc_catch;
 *  - `yc_move_on_after(ms, &expired)` around a normal job: the same
 *    cancellation, but the worker simply carries on after the statement;
 *  - a results channel of capacity 1 and a consumer that sleeps after each
 *    result: the worker waits for room (backpressure) and says so.
 * The slow jobs wait for a reply that never comes (a channel nobody sends
 * to), so they always run into their deadline; the others finish at once.
 * Only one job is offered at a time (the queues have capacity 0: the
 * dispatcher's send completes when the worker takes the job), so the
 * select never has to choose between two ready queues and the output is
 * the same on every run.  The Python twin (asyncio, asyncio.timeout) has a
 * small channel class with yieldc's rules and a select over two of them. */
#include <stdbool.h>
#include <stdio.h>

#include <yieldc.h>

/* The consumer sleeps 100 ms per result, far longer than the few loop turns
 * the worker needs to fill the results channel even on a busy machine, and
 * the slow jobs' 700 ms deadline is far from any multiple of it: only a stall
 * of the whole process for about 100 ms between two loop turns could change
 * the order of the lines. */
enum { RESULTS_CAP = 1, SLOW_DEADLINE_MS = 700, CONSUMER_MS = 100 };

typedef struct job {
  int id;
  bool urgent;
  bool hangs; /* waits for a reply that never comes */
  int deadline_ms;
} job;

typedef struct result {
  int id;
  int value;
  bool timed_out;
} result;

static const job jobs[] = {
    {1, false, false, 50},  {2, true, false, 50},
    {3, false, false, 50},  {4, false, false, 50},
    {5, true, true, SLOW_DEADLINE_MS}, {6, false, false, 50},
    {7, false, true, SLOW_DEADLINE_MS}, {8, true, false, 50},
    {9, false, false, 50},  {10, false, false, 50},
};

static yc_chan *never; /* nobody ever sends here */

/* A job: instant work, or a wait that only its deadline ends. */
yc_async(int) run_job(job j) {
  if (j.hangs) {
    int reply = 0;
    await(yc_chan_recv(never, &reply), bool);
    yc_return(reply); /* not reached */
  }
  yc_return(j.id * j.id);
}

yc_async(void) dispatcher(yc_chan *urgent, yc_chan *normal) {
  for (size_t k = 0; k < sizeof jobs / sizeof *jobs; k++) {
    job j = jobs[k];
    printf("dispatcher: job %d -> %s\n", j.id, j.urgent ? "urgent" : "normal");
    await(yc_chan_send(j.urgent ? urgent : normal, &j), int);
  }
  yc_chan_close(urgent);
  yc_chan_close(normal);
  printf("dispatcher: queues closed\n");
}

yc_async(void) worker(yc_chan *urgent, yc_chan *normal, yc_chan *results) {
  job j;
  yc_case cases[2] = {yc_case_recv(urgent, &j), yc_case_recv(normal, &j)};
  int open = 2;
  while (open > 0) {
    int i = await(yc_select(cases, 2), int);
    if (!cases[i].ok) { /* closed and drained: wait on the other one */
      cases[i].chan = NULL;
      open--;
      continue;
    }
    printf("worker: job %d from the %s queue\n", j.id, i == 0 ? "urgent" : "normal");
    result r = {j.id, 0, false};
    if (i == 0) {
      int err = 0;
      yc_try {
        yc_fail_after(j.deadline_ms) {
          r.value = await(run_job(j), int);
        }
      }
      yc_catch (e) {
        err = e;
      }
      if (err && err != YC_ETIMEDOUT)
        yc_raise(err);
      r.timed_out = err == YC_ETIMEDOUT;
    } else {
      bool expired = false;
      yc_move_on_after(j.deadline_ms, &expired) {
        r.value = await(run_job(j), int);
      }
      r.timed_out = expired;
    }
    if (r.timed_out)
      printf("worker: job %d timed out (deadline %d ms)\n", j.id, j.deadline_ms);
    else
      printf("worker: job %d done: %d\n", j.id, r.value);
    if (yc_chan_len(results) == RESULTS_CAP)
      printf("worker: results full, job %d waits for room\n", j.id);
    await(yc_chan_send(results, &r), int);
  }
  yc_chan_close(results);
  printf("worker: no more jobs\n");
}

yc_async(int) consumer(yc_chan *results) {
  result r;
  int n = 0;
  while (await(yc_chan_recv(results, &r), bool)) {
    if (r.timed_out)
      printf("consumer: job %d gave no result\n", r.id);
    else
      printf("consumer: job %d = %d\n", r.id, r.value);
    n++;
    await(yc_sleep(CONSUMER_MS)); /* slow */
  }
  printf("consumer: results closed\n");
  yc_return(n);
}

yc_async(int) amain(void) {
  yc_chan *urgent = yc_chan_new(0, sizeof(job));
  yc_chan *normal = yc_chan_new(0, sizeof(job));
  yc_chan *results = yc_chan_new(RESULTS_CAP, sizeof(result));
  never = yc_chan_new(0, sizeof(int));
  if (!urgent || !normal || !results || !never)
    yc_raise(YC_ENOMEM);
  yc_task *c = yc_spawn(consumer(results));
  yc_task *w = yc_spawn(worker(urgent, normal, results));
  await(dispatcher(urgent, normal));
  await(w);
  int n = await(c, int);
  printf("main: %d results\n", n);
  yc_chan_free(urgent);
  yc_chan_free(normal);
  yc_chan_free(results);
  yc_chan_free(never);
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
