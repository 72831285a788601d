/* alloc.c - the runtime's allocation hooks (see alloc.h): plain
 * malloc/calloc/realloc/free plus a countdown that makes the Nth allocation
 * fail, for the fault-injection tests in test/fault; and the frame pool.
 *
 * The frame pool: per thread, one free list per 8-byte size class up to
 * YC__POOL_MAX, refilled by cutting slots from 64 KiB slabs (malloc'ed,
 * never given back).  A frame costs its size rounded up to 8 bytes instead
 * of malloc's size + 8 rounded up to 16, and allocating or freeing one is a
 * pop or a push.  When a thread exits (pthread key destructor) its free
 * slots and the uncut rest of its slab go to a depot under a mutex, which
 * threads look at (one relaxed load) before cutting a new slab.
 *
 * Leak checkers: a pooled frame is never freed to malloc, so a tool that
 * watches malloc and free sees neither a leaked generator (its slab is
 * still reachable) nor a use after free (the slot is still allocated).  The
 * pool is therefore decided once per process, on the first frame's slow
 * path: off when the runtime itself is built with AddressSanitizer (or
 * -DYC_NO_POOL), and at run time when the program carries ASan or
 * LeakSanitizer, runs under valgrind's memcheck, or says YIELDC_FRAME_POOL=0
 * (see pool_wanted).  Off, frames are plain malloc/free.  The fast paths
 * test nothing more: a thread's pool is "adopted" only when the pool is on,
 * so with it off every allocation finds an empty free list and every free
 * an unadopted pool, and both take the slow path, which asks malloc. */
#include "alloc.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if !defined(YC_NO_POOL)
#if defined(__SANITIZE_ADDRESS__)
#define YC_NO_POOL 1 /* ASan must see every frame's malloc and free */
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define YC_NO_POOL 1
#endif
#endif
#endif

/* Per thread: the loops of a yc_loops group allocate at once, and a plain
 * shared counter would be a data race (tests count on one thread). */
static __thread long fail_countdown; /* > 0: the allocation bringing it to 0 fails */
static __thread unsigned long n_allocs, n_injected;

static inline int inject(void) {
  n_allocs++;
  if (__builtin_expect(fail_countdown > 0, 0) && --fail_countdown == 0) {
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

/* ---- Frames ---------------------------------------------------------------- */

#ifdef YC_NO_POOL

void *yc__frame_alloc(size_t n) { return yc__calloc(1, n); }
void *yc__frame_alloc_raw(size_t n) { return yc__alloc(n); }
void yc__frame_dealloc(void *p, size_t n) {
  (void)n;
  free(p);
}

#else

#include <pthread.h>

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>) && __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#include <valgrind/valgrind.h>
#define YC_HAVE_VALGRIND 1
#endif
#endif

/* Defined only when the program is linked with ASan / LSan (the runtime of
 * either, static or shared, is in the process from its start). */
extern void __asan_init(void) __attribute__((weak));
extern void __lsan_do_leak_check(void) __attribute__((weak));

/* valgrind's memcheck runs the program (the tool that checks malloc'ed
 * blocks; callgrind and cachegrind must see the pool as a normal run does,
 * and massif or DHAT profile the memory really used). */
static bool under_memcheck(void) {
  const char *pre = getenv("LD_PRELOAD"); /* valgrind preloads its tool's library */
#ifdef YC_HAVE_VALGRIND
  if (!RUNNING_ON_VALGRIND)
    return false;
  /* DHAT would warn about the memcheck request below. */
  if (pre && strstr(pre, "vgpreload_dhat"))
    return false;
  /* Only memcheck answers this one (1: it knows the byte's validity). */
  char byte = 0, vbits = 0;
  return VALGRIND_GET_VBITS(&byte, &vbits, 1) == 1;
#else
  return pre && strstr(pre, "vgpreload_memcheck");
#endif
}

/* Whether frames should be pooled in this process. */
static bool pool_wanted(void) {
  const char *env = getenv("YIELDC_FRAME_POOL");
  if (env && (env[0] == '0' || env[0] == '1') && env[1] == '\0')
    return env[0] == '1';
  if (__asan_init || __lsan_do_leak_check)
    return false;
  return !under_memcheck();
}

/* 1 pooled, -1 plain malloc/free, 0 not decided yet.  Decided before the
 * first frame is allocated (refill) and never changed: a frame goes back
 * where it came from.  Two threads deciding at once decide the same. */
static int pool_state;

static bool pool_on(void) {
  int st = __atomic_load_n(&pool_state, __ATOMIC_RELAXED);
  if (__builtin_expect(st == 0, 0)) {
    st = pool_wanted() ? 1 : -1;
    __atomic_store_n(&pool_state, st, __ATOMIC_RELAXED);
  }
  return st > 0;
}

#define GRAIN 8
#define NCLASS (YC__POOL_MAX / GRAIN)
#define SLAB_BYTES (64 * 1024)
#define SLAB_HDR 16 /* the link of the list of all slabs; keeps 16-alignment */

typedef struct node {
  struct node *next;
} node;

/* A stretch of a slab not cut yet: [start, end), kept in its first bytes. */
typedef struct region {
  struct region *next;
  char *end;
} region;

typedef struct pool {
  node *free[NCLASS]; /* free slots of class k hold (k + 1) * GRAIN bytes */
  char *bump, *end;   /* the rest of the current slab */
  bool adopted;       /* the exit destructor is registered */
} pool;

static __thread pool tp;

static pthread_mutex_t depot_mu = PTHREAD_MUTEX_INITIALIZER;
static node *depot[NCLASS];   /* free slots of threads that exited */
static region *depot_regions; /* uncut rests of their slabs */
static int depot_nonempty;    /* hint, read without the lock */
static node *slabs;           /* every slab (so leak checkers see them) */
static pthread_key_t exit_key;
static pthread_once_t exit_once = PTHREAD_ONCE_INIT;
static bool exit_key_ok;

static void on_thread_exit(void *arg) {
  pool *p = arg;
  pthread_mutex_lock(&depot_mu);
  for (int k = 0; k < NCLASS; k++) {
    node *h = p->free[k];
    if (!h)
      continue;
    node *t = h;
    while (t->next)
      t = t->next;
    t->next = depot[k];
    depot[k] = h;
    p->free[k] = NULL;
  }
  char *b = p->bump;
  if (b) {
    b += (uintptr_t)b & 8; /* 16-aligned */
    if (p->end - b >= (ptrdiff_t)sizeof(region)) {
      region *r = (region *)b;
      r->end = p->end;
      r->next = depot_regions;
      depot_regions = r;
    }
  }
  p->bump = p->end = NULL;
  p->adopted = false; /* a later use registers again */
  __atomic_store_n(&depot_nonempty, 1, __ATOMIC_RELAXED);
  pthread_mutex_unlock(&depot_mu);
}

static void make_exit_key(void) {
  exit_key_ok = pthread_key_create(&exit_key, on_thread_exit) == 0;
}

static void adopt(void) {
  pthread_once(&exit_once, make_exit_key);
  if (exit_key_ok)
    pthread_setspecific(exit_key, &tp);
  tp.adopted = true;
}

/* The slow path of an allocation of n bytes, class k: the depot, else a
 * cut from the current slab, else a new slab; malloc when the pool is off.
 * NULL if malloc fails. */
static __attribute__((noinline)) void *refill(size_t k, size_t n) {
  size_t sz = (k + 1) * GRAIN;
  if (!tp.adopted) {
    if (!pool_on())
      return malloc(n); /* exactly n: ASan then sees an overflow */
    adopt();
  }
  if (__atomic_load_n(&depot_nonempty, __ATOMIC_RELAXED)) {
    pthread_mutex_lock(&depot_mu);
    node *got = depot[k];
    depot[k] = NULL;
    if (!got && depot_regions && !tp.bump) {
      region *r = depot_regions;
      depot_regions = r->next;
      tp.bump = (char *)r;
      tp.end = r->end;
    }
    bool any = depot_regions != NULL;
    for (int i = 0; i < NCLASS && !any; i++)
      any = depot[i] != NULL;
    __atomic_store_n(&depot_nonempty, any, __ATOMIC_RELAXED);
    pthread_mutex_unlock(&depot_mu);
    if (got) {
      tp.free[k] = got->next;
      return got;
    }
  }
  char *b = tp.bump;
  if (b && sz % 16 == 0)
    b += (uintptr_t)b & 8; /* a size that is a multiple of 16 may need 16 */
  if (!b || tp.end - b < (ptrdiff_t)sz) {
    char *s = malloc(SLAB_BYTES);
    if (!s)
      return NULL;
    pthread_mutex_lock(&depot_mu);
    ((node *)s)->next = slabs;
    slabs = (node *)s;
    pthread_mutex_unlock(&depot_mu);
    b = s + SLAB_HDR;
    tp.end = s + SLAB_BYTES;
  }
  tp.bump = b + sz;
  return b;
}

static inline void *pool_get(size_t n) {
  size_t k = (n - 1) / GRAIN;
  pool *t = &tp; /* one thread-pointer computation (PIC: a TLS descriptor) */
  node *p = t->free[k];
  if (__builtin_expect(p != NULL, 1)) {
    t->free[k] = p->next;
    return p;
  }
  void *r = refill(k, n);
  if (!r)
    errno = ENOMEM;
  return r;
}

void *yc__frame_alloc(size_t n) {
  if (inject())
    return NULL;
  if (n - 1 >= YC__POOL_MAX) /* n == 0 wraps */
    return calloc(1, n ? n : 1);
  void *p = pool_get(n);
  if (p)
    memset(p, 0, n);
  return p;
}

void *yc__frame_alloc_raw(size_t n) {
  if (inject())
    return NULL;
  if (n - 1 >= YC__POOL_MAX)
    return malloc(n ? n : 1);
  return pool_get(n);
}

static __attribute__((noinline)) void dealloc_slow(void *p, size_t n) {
  if (n - 1 >= YC__POOL_MAX || !pool_on()) {
    free(p);
    return;
  }
  adopt(); /* freed by a thread that never allocated a frame */
  yc__frame_dealloc(p, n);
}

void yc__frame_dealloc(void *p, size_t n) {
  if (!p)
    return;
  pool *t = &tp;
  if (__builtin_expect(n - 1 >= YC__POOL_MAX || !t->adopted, 0)) {
    dealloc_slow(p, n);
    return;
  }
  size_t k = (n - 1) / GRAIN;
  node *f = p;
  f->next = t->free[k];
  t->free[k] = f;
}

#endif
