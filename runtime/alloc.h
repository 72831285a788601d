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

/* Fault injection (tests only): make the nth allocation from now fail
 * (n >= 1); 0 turns injection off.  Not thread-safe; single-threaded tests. */
void yc__alloc_fail_nth(long n);
/* Allocations attempted since the process started (failed ones included). */
unsigned long yc__alloc_count(void);
/* Allocations that failed by injection since the process started. */
unsigned long yc__alloc_injected(void);

#endif
