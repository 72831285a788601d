/* alloc.c - the runtime's allocation hooks (see alloc.h): plain
 * malloc/calloc/realloc/free plus a countdown that makes the Nth allocation
 * fail, for the fault-injection tests in test/fault. */
#include "alloc.h"

#include <errno.h>
#include <stdlib.h>

static long fail_countdown;        /* > 0: the allocation bringing it to 0 fails */
static unsigned long n_allocs, n_injected;

static int inject(void) {
  n_allocs++;
  if (fail_countdown > 0 && --fail_countdown == 0) {
    n_injected++;
    errno = ENOMEM;
    return 1;
  }
  return 0;
}

void *yc__alloc(size_t n) { return inject() ? NULL : malloc(n ? n : 1); }

void *yc__calloc(size_t n, size_t size) {
  return inject() ? NULL : calloc(n ? n : 1, size ? size : 1);
}

void *yc__realloc(void *p, size_t n) {
  if (n == 0) {
    free(p);
    return NULL;
  }
  return inject() ? NULL : realloc(p, n);
}

void yc__dealloc(void *p) { free(p); }

void yc__alloc_fail_nth(long n) { fail_countdown = n > 0 ? n : 0; }
unsigned long yc__alloc_count(void) { return n_allocs; }
unsigned long yc__alloc_injected(void) { return n_injected; }
