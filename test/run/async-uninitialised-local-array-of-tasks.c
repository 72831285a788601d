// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: task 0 -> 0
// CHECK-NEXT: task 1 -> 10
// CHECK-NEXT: task 2 -> 20
// CHECK-NEXT: yc_run -> 0, result 30
// CHECK-NOT: {{.}}
/* A local array declared without an initialiser and live across awaits,
 * here the handles of spawned tasks (the gather pattern), keeps whatever
 * the body stores in it; declaring it must not give it a value. */
#include <stdio.h>

#include <yieldc.h>

enum { N = 3 };

yc_async(int) job(int i) {
  await(yc_sleep(N - i));
  yc_return(i * 10);
}

yc_async(int) amain(void) {
  yc_task *tasks[N];
  int results[4];
  for (int i = 0; i < N; i++)
    tasks[i] = yc_spawn(job(i));
  for (int i = 0; i < N; i++) {
    results[i] = await(tasks[i], int);
    printf("task %d -> %d\n", i, results[i]);
  }
  results[3] = results[0] + results[1] + results[2];
  yc_return(results[3]);
}

int main(void) {
  int r = 0;
  int err = yc_run(amain(), &r);
  printf("yc_run -> %d, result %d\n", err, r);
  return 0;
}
