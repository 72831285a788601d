// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: inner: expired 1, early 0
// CHECK-NEXT: sleep: early 0
// CHECK-NEXT: outer: expired 0
// CHECK-NEXT: spinner: stopped, spun 1
// CHECK-NEXT: yc_run -> 0
// CHECK-NOT: {{.}}
/* A busy loop (one task always ready) whose tasks sit in long deadline
 * scopes (20 s and more: the runtime may then skip the precise clock read
 * in a turn, and resolves such scopes lazily) while another task's short
 * scope and sleep must still end on time: never early, and the nested
 * scopes' expiry is kept.  Only "never early" is asserted of the clock. */
#include <stdio.h>
#include <time.h>

#include <yieldc.h>

static long long now_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static bool stop;

yc_async(void) spinner(void) {
  long spins = 0;
  while (!stop) {
    yc_move_on_after(20000) {
      await(yc_sleep(0));
    }
    spins++;
  }
  printf("spinner: stopped, spun %d\n", (int)(spins > 0));
}

yc_async(void) sleeper(void) {
  bool outer = false, inner = false;
  yc_move_on_after(30000, &outer) {
    long long start = now_us();
    yc_move_on_after(40, &inner) {
      await(yc_sleep(10000));
      printf("not reached\n");
    }
    long long took = now_us() - start;
    printf("inner: expired %d, early %d\n", (int)inner, (int)(took < 40000));
    start = now_us();
    await(yc_sleep(30));
    took = now_us() - start;
    printf("sleep: early %d\n", (int)(took < 30000));
  }
  printf("outer: expired %d\n", (int)outer);
  stop = true;
}

yc_async(int) amain(void) {
  yc_task *s = yc_spawn(spinner());
  await(sleeper());
  await(s);
  yc_return(0);
}

int main(void) {
  int r = 0;
  int err = yc_run(amain(), &r);
  printf("yc_run -> %d\n", err ? err : r);
  return 0;
}
