/* yieldc/loop.h - the event loop (asyncio for C): run a task, spawn and
 * cancel tasks, task groups, sleeping and awaitable I/O (SPEC section 6).
 *
 * Every operation below that returns a `yc_task *` is an awaitable: pass it
 * to `await` (which takes ownership and frees it).  Creating one does
 * nothing yet; the work starts when it is awaited, from a task driven by
 * yc_run's loop.  A NULL handle means the allocation failed; awaiting NULL
 * fails like any failed await. */
#ifndef YIELDC_LOOP_H
#define YIELDC_LOOP_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>

#include "yieldc/coro.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Running and spawning tasks ---------------------------------------- */

/* int yc_run(yc_task *task, R *result): asyncio.run.  Runs a new event loop
 * on this thread until task finishes, then cancels the tasks still running
 * and waits for them.  Stores task's return value in *result (result may be
 * NULL; sizeof *result must equal R, else YC_ESIZE and nothing runs), frees
 * task and returns 0 or task's error.  -EDEADLK when every task waited for
 * something that could never happen (they are cancelled first); YC_EINVAL
 * from inside a running loop; YC_ENOMEM for a NULL task. */
#define yc_run(task, result) yc__run((task), (result), yc__sizeof_ptr(result))
int yc__run(yc_task *task, void *result, size_t r_size);

/* Schedule task to run concurrently on the running loop and return it, to
 * be awaited (which frees it), detached or freed later.  NULL (task freed)
 * without a running loop or when out of memory. */
yc_task *yc_spawn(yc_task *task);
/* Request cancellation of a spawned task: YC_ECANCELLED arrives at its
 * suspension point, and at every later one until it finishes.  False when
 * task is not spawned or has finished already. */
bool yc_cancel(yc_task *task);
/* Give up the handle of a spawned task: the loop frees it when it finishes
 * (fire and forget).  A finished or unspawned task is freed at once. */
void yc_detach(yc_task *task);
/* The polling backend of the running loop ("epoll" or "poll"), or of the
 * next loop when none runs.  YIELDC_BACKEND=poll in the environment, or the
 * build flag -DYIELDC_FORCE_POLL, selects poll. */
const char *yc_loop_backend(void);

/* Counts of this thread's event loops since the thread started: loop
 * turns, polls of the backend (at most one a turn, none when only ready
 * tasks remain), and polls that could block while tasks were ready (the
 * loop never does that: always 0). */
typedef struct yc_loop_stats {
  unsigned long turns, polls, blocking_polls_while_ready;
} yc_loop_stats;
void yc_loop_stats_get(yc_loop_stats *s);

/* ---- Task groups (structured concurrency) ------------------------------ */

/* A group owns the tasks spawned into it.  await(yc_group_wait(g), int)
 * waits for all of them; when one fails (other than by cancellation), the
 * others are cancelled and the wait yields that first error, once. */
typedef struct yc_group yc_group;

/* A new, empty group; NULL if out of memory. */
yc_group *yc_group_new(void);
/* Spawn task into g (g owns it from now on, also on failure); started
 * cancelled if g is failing already.  0, YC_ENOMEM or YC_EINVAL. */
int yc_group_spawn(yc_group *g, yc_task *task);
/* Awaitable for an int: waits until every child of g has finished, then
 * yields 0 or the first child error (which is then cleared).  If the
 * awaiting task is cancelled, the children are cancelled and still waited
 * for before the wait fails with YC_ECANCELLED. */
yc_task *yc_group_wait(yc_group *g);
/* Cancel every child of g that is still running. */
void yc_group_cancel(yc_group *g);
/* Free g and its children; children still running are cancelled and freed
 * by the loop when they finish.  NULL is a no-op. */
void yc_group_free(yc_group *g);

/* ---- Sleeping and I/O (awaitables) -------------------------------------- */

/* Awaitable with no value: resumes after at least ms milliseconds
 * (CLOCK_MONOTONIC); ms <= 0 yields to the other ready tasks and I/O. */
yc_task *yc_sleep(long ms);
/* Awaitable for ssize_t: read(2) on a non-blocking fd, waiting until it is
 * readable; bytes read, 0 at end of file, or a negative errno.  One reader
 * per fd at a time (-EBUSY). */
yc_task *yc_read(int fd, void *buf, size_t n);
/* Awaitable for ssize_t: write(2) of at most n bytes on a non-blocking fd
 * (no SIGPIPE on sockets); bytes written or a negative errno.  One writer
 * per fd at a time (-EBUSY). */
yc_task *yc_write(int fd, const void *buf, size_t n);
/* Awaitable for ssize_t: writes all n bytes, waiting as needed; n, or the
 * negative errno that stopped it (some bytes may have been written). */
yc_task *yc_write_all(int fd, const void *buf, size_t n);
/* Awaitable for int: accept(2) on a non-blocking listening socket; the new
 * descriptor (non-blocking, close-on-exec) or a negative errno.  addr and
 * len may be NULL and must stay valid until the await completes. */
yc_task *yc_accept(int fd, struct sockaddr *addr, socklen_t *len);
/* Awaitable for int: connect(2) of a non-blocking socket, waiting for the
 * connection to complete; 0 or a negative errno.  addr is copied. */
yc_task *yc_connect(int fd, const struct sockaddr *addr, socklen_t len);

#ifdef __cplusplus
}
#endif
#endif
