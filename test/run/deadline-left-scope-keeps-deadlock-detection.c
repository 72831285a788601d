// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: scope left
// CHECK-NEXT: receive: cancelled
// CHECK-NEXT: yc_run -> EDEADLK, long before the deadline: 1
// CHECK-NOT: {{.}}
/* A task's deadline timer stays armed after its last scope is left (so
 * that the next scope costs no heap operation), but it must not keep the
 * loop waiting: when everything else waits for what can never happen, the
 * deadlock is found at once (yc_run cancels the tasks and returns
 * -EDEADLK), not when the left scope's deadline (60 s) would have passed. */
#include <errno.h>
#include <stdio.h>
#include <time.h>

#include <yieldc.h>

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

yc_async(int) amain(void) {
  yc_chan *c = yc_chan_new(0, sizeof(int));
  int v = 0;
  yc_move_on_after(60000) {
    await(yc_sleep(1));
  }
  printf("scope left\n");
  yc_try {
    await(yc_chan_recv(c, &v), bool); /* nobody will ever send */
  }
  yc_catch (e) {
    printf("receive: %s\n", e == YC_ECANCELLED ? "cancelled" : "other error");
    yc_chan_free(c);
    yc_raise(e);
  }
  yc_return(0);
}

int main(void) {
  long long t0 = now_ms();
  int err = yc_run(amain(), NULL);
  printf("yc_run -> %s, long before the deadline: %d\n", err == -EDEADLK ? "EDEADLK" : "other",
         now_ms() - t0 < 30000);
  return 0;
}
