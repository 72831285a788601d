/* yieldc/multiloop.h - one event loop per core (issue 17): a group of N
 * loops on N threads, tasks started on a chosen loop or round-robin from
 * any thread, cross-loop awaiting and cancelling, shared channels and
 * shared listening sockets.
 *
 * Shared nothing: each loop keeps its own ready queue, timers, frame pool
 * and I/O backend, and a task runs on the loop that started it until it
 * finishes (it never moves: the single-loop paths stay free of locks and
 * atomics, and a task's frames stay in its core's cache).  What crosses
 * loops goes through a per-loop mailbox (a short mutex) and an eventfd the
 * loop's poll watches: starting a task, cancelling one, and "something you
 * wait for changed" for the handles and shared channels below. */
#ifndef YIELDC_MULTILOOP_H
#define YIELDC_MULTILOOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "yieldc/chan.h"
#include "yieldc/coro.h"

#ifdef __cplusplus
extern "C" {
#endif

/* At most this many loops run at once in a process (all groups). */
#define YC_LOOPS_MAX 64

typedef struct yc_loops yc_loops;
/* A task started on a loop of a group: a handle usable from any thread. */
typedef struct yc_xtask yc_xtask;

/* A group of n loops (0: one per online CPU), not started yet; NULL when
 * out of memory or when n exceeds the loops still free (YC_LOOPS_MAX). */
yc_loops *yc_loops_new(size_t n);
/* The number of loops of g. */
size_t yc_loops_count(const yc_loops *g);
/* Start one thread per loop; each runs its loop until yc_loops_stop
 * (a loop of a group never ends on its own: its mailbox keeps it alive,
 * so there is no deadlock detection as in yc_run).  0, YC_EINVAL (started
 * or stopped already) or a negative errno. */
int yc_loops_start(yc_loops *g);
/* Ask every loop to stop: each cancels the tasks it still runs, waits for
 * them to finish and ends its thread.  From any thread; idempotent. */
void yc_loops_stop(yc_loops *g);
/* Wait for the threads of a stopped group (a no-op from one of its loops). */
void yc_loops_join(yc_loops *g);
/* Stop, join and free g; from one of its loops it only stops g.  NULL is a
 * no-op. */
void yc_loops_free(yc_loops *g);
/* The index of the loop of g running on this thread, or -1. */
int yc_loops_self(const yc_loops *g);

/* Start task (a created, unspawned yc_async) on loop `loop` of g, or on
 * the next loop in round-robin order when loop < 0.  From any thread, in a
 * task or not.  The handle (free it with yc_xtask_free) tells when the
 * task finishes and how; NULL (task freed) when out of memory, g is not
 * started or loop is out of range.  A task started on a loop that stops
 * before it runs finishes with YC_ECANCELLED. */
yc_xtask *yc_loops_spawn(yc_loops *g, int loop, yc_task *task);
/* Cancel the task from any thread (level-triggered, as yc_cancel): false
 * when it has finished already. */
bool yc_xtask_cancel(yc_xtask *h);
/* Awaitable for an int, from a task of any loop of any group: waits until
 * the task has finished and gives its error (0 when it returned).  Its
 * return value is then read with yc_xtask_result. */
yc_task *yc_xtask_wait(yc_xtask *h);
/* The blocking form for a thread that runs no loop: waits and returns the
 * task's error.  YC_EINVAL when called from a task of a loop. */
int yc_xtask_join(yc_xtask *h);
/* True once the task has finished. */
bool yc_xtask_done(yc_xtask *h);
/* bool yc_xtask_result(yc_xtask *h, R *r): copy the return value of the
 * finished task into *r; false when it has not finished, failed, or
 * sizeof *r is not its R. */
#define yc_xtask_result(h, r) yc__xtask_result((h), (r), yc__sizeof_ptr(r))
bool yc__xtask_result(yc_xtask *h, void *r, size_t r_size);
/* Release the handle; the task keeps running (it is not cancelled).
 * NULL is a no-op. */
void yc_xtask_free(yc_xtask *h);

/* Start a group of n loops, run task on its loop 0, wait for it, then stop
 * and free the group: the task's error (0), with its return value in
 * *result when result is not NULL (sizeof *result must be its R).  From a
 * thread that runs no loop. */
#define yc_loops_run(n, task, result) yc__loops_run((n), (task), (result), yc__sizeof_ptr(result))
int yc__loops_run(size_t n, yc_task *task, void *result, size_t r_size);

/* A channel that tasks of different loops (of any group) may share: the
 * same API as yc_chan_new's channels (yc_chan_send, yc_chan_recv,
 * yc_select, yc_select_now, yc_chan_close, yc_chan_len, yc_chan_free),
 * bounded with backpressure, FIFO, close and cancellation as on one loop;
 * no item is lost or duplicated.  capacity must be at least 1 (a
 * rendezvous across loops is not provided: NULL).  Operations that cannot
 * complete at once must be awaited by a task of a yc_loops loop
 * (YC_EINVAL elsewhere); yc_select_now works from any thread.  NULL if out
 * of memory. */
yc_chan *yc_chan_new_shared(size_t capacity, size_t elem_size);
/* Whether c was made by yc_chan_new_shared. */
bool yc_chan_is_shared(const yc_chan *c);

/* A listening TCP socket on host:port (host NULL: every address; numeric
 * IPv4) with SO_REUSEPORT, non-blocking: call it once per loop and the
 * kernel spreads the incoming connections over the loops.  The descriptor
 * or a negative errno.  backlog <= 0: SOMAXCONN. */
int yc_listen_reuseport(const char *host, unsigned short port, int backlog);

#ifdef __cplusplus
}
#endif
#endif
