/* test_pool.c - the frame pool (runtime/alloc.c): zeroed frames of every
 * size, alignment, reuse, fault injection of pooled allocations, frames
 * freed by another thread and pools of threads that exit, and channel
 * operations freed after their channel (their frame type is static). */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../runtime/alloc.h"
#include "yieldc/chan.h"
#include "yieldc/coro.h"

#define CHECK(cond)                                                                                \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);                     \
      exit(1);                                                                                     \
    }                                                                                              \
  } while (0)

#define MAXN 300 /* beyond YC__POOL_MAX too */

static void check_frame(unsigned char *p, size_t n) {
  CHECK(p != NULL);
  for (size_t i = 0; i < n; i++)
    CHECK(p[i] == 0);
  if (n % 16 == 0)
    CHECK((uintptr_t)p % 16 == 0);
  else if (n % 8 == 0)
    CHECK((uintptr_t)p % 8 == 0);
}

/* Allocate k frames of each size, dirty them, free them, twice (the second
 * round reuses the free slots, which must come back zeroed). */
static void sizes(int k) {
  static unsigned char *p[MAXN + 1][8];
  for (int round = 0; round < 2; round++) {
    for (size_t n = 1; n <= MAXN; n++)
      for (int j = 0; j < k; j++) {
        p[n][j] = yc__frame_alloc(n);
        check_frame(p[n][j], n);
        memset(p[n][j], 0xa5, n);
      }
    for (size_t n = 1; n <= MAXN; n++)
      for (int j = 0; j < k; j++)
        for (size_t m = 1; m <= MAXN; m++) /* no overlap with a neighbour */
          if (m != n && p[m][0] < p[n][j] && p[n][j] < p[m][0] + m)
            CHECK(0);
    for (size_t n = 1; n <= MAXN; n++)
      for (int j = 0; j < k; j++)
        yc__frame_dealloc(p[n][j], n);
  }
}

/* Raw frames are not zeroed but usable; injected failures fail them. */
static void injection(void) {
  unsigned long before = yc__alloc_count();
  void *a = yc__frame_alloc_raw(40);
  CHECK(a && yc__alloc_count() == before + 1);
  yc__frame_dealloc(a, 40);
  yc__alloc_fail_nth(1);
  errno = 0;
  CHECK(yc__frame_alloc(40) == NULL && errno == ENOMEM);
  yc__alloc_fail_nth(1);
  CHECK(yc__frame_alloc_raw(48) == NULL);
  yc__alloc_fail_nth(2);
  a = yc__frame_alloc(64); /* the first succeeds */
  CHECK(a != NULL);
  CHECK(yc__frame_alloc(64) == NULL);
  yc__frame_dealloc(a, 64);
  yc__alloc_fail_nth(0);
}

/* ---- threads ---------------------------------------------------------------- */

#define NT 500
static void *handoff[NT];

static void *alloc_and_exit(void *arg) {
  (void)arg;
  /* Keep some, free some: the rest of the slab and the free slots go to the
   * depot when this thread exits. */
  for (int i = 0; i < NT; i++)
    handoff[i] = yc__frame_alloc(56);
  for (int i = 0; i < NT; i += 2) {
    yc__frame_dealloc(handoff[i], 56);
    handoff[i] = NULL;
  }
  return NULL;
}

static void *free_foreign(void *arg) {
  (void)arg;
  /* Frames allocated by another (finished) thread, freed here. */
  for (int i = 1; i < NT; i += 2)
    yc__frame_dealloc(handoff[i], 56);
  /* And new ones, partly from the depot. */
  void *q[NT];
  for (int i = 0; i < NT; i++) {
    q[i] = yc__frame_alloc(56);
    check_frame(q[i], 56);
    memset(q[i], 0x5a, 56);
  }
  for (int i = 0; i < NT; i++)
    yc__frame_dealloc(q[i], 56);
  return NULL;
}

static void threads(void) {
  for (int round = 0; round < 20; round++) {
    pthread_t t;
    CHECK(pthread_create(&t, NULL, alloc_and_exit, NULL) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    CHECK(pthread_create(&t, NULL, free_foreign, NULL) == 0);
    CHECK(pthread_join(t, NULL) == 0);
  }
}

/* ---- channel operations outliving their channel -------------------------- */

typedef struct big {
  char b[200]; /* a send frame larger than the pool's classes */
} big;

static void chan_ops(void) {
  int x = 7;
  big b = {{0}};
  yc_chan *ci = yc_chan_new(4, sizeof x), *cb = yc_chan_new(4, sizeof b);
  CHECK(ci && cb);
  yc_task *s1 = yc_chan_send(ci, &x), *r1 = yc_chan_recv(ci, &x);
  yc_task *s2 = yc_chan_send(cb, &b), *r2 = yc_chan_recv(cb, &b);
  CHECK(s1 && r1 && s2 && r2);
  yc_chan_free(ci);
  yc_chan_free(cb);
  /* Never awaited: freeing them must not touch the channels. */
  yc_free(s1);
  yc_free(r1);
  yc_free(s2);
  yc_free(r2);
}

int main(void) {
  sizes(1);
  sizes(8);
  injection();
  threads();
  sizes(3);
  chan_ops();
  printf("test_pool: ok\n");
  return 0;
}
