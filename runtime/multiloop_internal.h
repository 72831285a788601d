/* multiloop_internal.h - what multiloop.c (loops, mailboxes, task handles)
 * and xchan.c (shared channels) share (internal).
 *
 * Loops are numbered by a process-wide slot (0..YC_LOOPS_MAX-1) whose
 * mailbox is static, so a message posted to a loop that has stopped meets
 * a closed mailbox, never freed memory.  An object other loops wait on (a
 * task handle, a shared channel) is a yc__xobj: a mutex, a reference
 * count, the set of loops that have a waiter on it, and one preallocated
 * message per loop ("it changed": at most one pending per loop, so posting
 * never allocates and never fails).  A loop that receives that message
 * retries, on its own thread, every wait of its own on the object: a wait
 * is only ever completed by the thread of the task that waits. */
#ifndef YIELDC_MULTILOOP_INTERNAL_H
#define YIELDC_MULTILOOP_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "yieldc/multiloop.h"

typedef struct yc__msg {
  struct yc__msg *next;
  unsigned char kind; /* YC__MSG_* */
  unsigned char slot; /* NOTIFY: the loop it goes to */
  void *obj;
} yc__msg;

enum { YC__MSG_SPAWN = 1, YC__MSG_CANCEL, YC__MSG_NOTIFY, YC__MSG_STOP };

/* The lock of an object other loops wait on: a spinlock, held for a few
 * loads and stores (an item copy at most).  A pthread mutex sleeps in the
 * kernel as soon as two loops meet on it, which cost more than the whole
 * operation; spinning yields the CPU after a while, for a holder that
 * was preempted on a busy machine. */
typedef struct yc__spin {
  atomic_bool held;
} yc__spin;

void yc__spin_wait(yc__spin *l);
static inline void yc__spin_lock(yc__spin *l) {
  if (__builtin_expect(atomic_exchange_explicit(&l->held, true, memory_order_acquire), 0))
    yc__spin_wait(l);
}
static inline void yc__spin_unlock(yc__spin *l) {
  atomic_store_explicit(&l->held, false, memory_order_release);
}

typedef struct yc__xobj {
  yc__spin mu;
  atomic_long refs;
  uint64_t waitmask; /* loops with a waiter on it (conservative: may be stale) */
  uint64_t notified; /* loops with its NOTIFY message pending */
  unsigned char kind; /* YC__XOBJ_TASK / _CHAN */
  yc__msg notes[YC_LOOPS_MAX];
} yc__xobj;

enum { YC__XOBJ_TASK = 1, YC__XOBJ_CHAN = 2 };

/* The slot of the loop running on this thread, or -1. */
extern __thread int yc__xslot;

void yc__xobj_init(yc__xobj *x, unsigned char kind);
/* Under x->mu: tell every loop waiting on x (except those told already). */
void yc__xobj_notify_locked(yc__xobj *x);
/* Under x->mu: this thread's loop waits on x. */
static inline void yc__xobj_register_locked(yc__xobj *x) {
  x->waitmask |= (uint64_t)1 << yc__xslot;
}
void yc__xobj_ref(yc__xobj *x);
/* Drop a reference; the last one frees x (its kind's destructor). */
void yc__xobj_unref(yc__xobj *x);

/* xchan.c: the NOTIFY of a shared channel reached this thread's loop. */
void yc__xchan_notified(yc__xobj *x);
void yc__xchan_destroy(yc__xobj *x);

#endif
