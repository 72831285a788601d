/* yieldc/sched.h - a round-robin cooperative scheduler of generator tasks
 * (the tutorial's Scheduler): each `yc_generator(void)` task runs until its
 * next yield, then goes to the back of the queue. */
#ifndef YIELDC_SCHED_H
#define YIELDC_SCHED_H

#include "yieldc/coro.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct yc_sched yc_sched;

/* A new, empty scheduler; NULL if out of memory. */
yc_sched *yc_sched_new(void);
/* Queue task at the back; the scheduler owns it from now on (also on
 * failure).  Returns 0; YC_ENOMEM when task is NULL (its generator function
 * could not allocate) or the queue cannot grow; YC_EINVAL for a NULL s. */
int yc_sched_add(yc_sched *s, yc_gen *task);
/* Run until every task is exhausted; each finished task is freed.  Returns
 * 0, or the error of the first task that failed (the others still run).
 * A task may yc_sched_add to the scheduler running it (the new task queues
 * behind the tasks already waiting and before the adding task's next
 * turn); a task calling yc_sched_run on it gets YC_ERUNNING. */
int yc_sched_run(yc_sched *s);
/* Free the scheduler and every task still queued. */
void yc_sched_free(yc_sched *s);

#ifdef __cplusplus
}
#endif
#endif
