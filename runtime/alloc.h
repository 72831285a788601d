/* alloc.h - the runtime's allocation hooks (internal; fault injection).
 *
 * Every allocation of the runtime should go through these so a test can
 * make the Nth one fail (test/fault).  yc__alloc/yc__calloc/yc__realloc
 * behave like malloc/calloc/realloc (realloc(p, 0) frees p and returns
 * NULL); yc__dealloc is free.  A failed allocation returns NULL with errno
 * ENOMEM. */
#ifndef YIELDC_ALLOC_H
#define YIELDC_ALLOC_H

#include <stddef.h>

void *yc__alloc(size_t n);
void *yc__calloc(size_t n, size_t size);
void *yc__realloc(void *p, size_t n);
void yc__dealloc(void *p);

/* Frames (coroutine frames and the runtime's leaves).  Sizes up to
 * YC__POOL_MAX come from a per-thread size-class pool (8-byte classes cut
 * from 64 KiB slabs, so a 48-byte frame costs 48 bytes, not malloc's 64);
 * larger ones from calloc/malloc.  The pool is off when libyieldc is built
 * with AddressSanitizer (or -DYC_NO_POOL), and in a process that carries
 * ASan or LSan, runs under valgrind's memcheck or has YIELDC_FRAME_POOL=0
 * (decided once, see alloc.c), so that leaks and use after free of frames
 * are still caught.  Each call counts as one allocation for fault injection,
 * pooled or not.  yc__frame_dealloc needs the size the frame was allocated
 * with (frames know it: type->frame_size).
 *
 * A frame is aligned for any object whose size is at most the frame's size
 * (an object's alignment divides its size), up to 16 bytes.  Frames freed
 * on one thread go to that thread's pool; the pool of a thread that exits
 * passes to the next thread that needs one.  Pooled memory is kept for
 * reuse, not returned to malloc. */
#define YC__POOL_MAX 256
void *yc__frame_alloc(size_t n);     /* zeroed */
void *yc__frame_alloc_raw(size_t n); /* not zeroed: the caller sets it all */
void yc__frame_dealloc(void *p, size_t n);

/* Fault injection (tests only): make the nth allocation of this thread
 * from now fail (n >= 1); 0 turns injection off.  The counts are per
 * thread (the loops of a yc_loops group allocate concurrently). */
void yc__alloc_fail_nth(long n);
/* Allocations attempted by this thread (failed ones included). */
unsigned long yc__alloc_count(void);
/* Allocations of this thread that failed by injection. */
unsigned long yc__alloc_injected(void);

#endif
