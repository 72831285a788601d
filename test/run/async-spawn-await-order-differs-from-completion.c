// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: main: spawned b, c, a
// CHECK-NEXT: b: started
// CHECK-NEXT: c: started
// CHECK-NEXT: a: started
// CHECK-NEXT: b: finished
// CHECK-NEXT: c: finished
// CHECK-DAG: main: c -> 40
// CHECK-DAG: a: finished
// CHECK: main: a -> 80
// CHECK-NEXT: main: b -> 10 (finished long ago)
// CHECK-NEXT: y: started
// CHECK-NEXT: z: started
// CHECK-NEXT: x: started
// CHECK-NEXT: y: finished
// CHECK-NEXT: z: finished
// CHECK-NEXT: x: finished
// CHECK-NEXT: main: sum 60
// CHECK-NEXT: yc_run -> 0, result 60
// CHECK-NOT: {{.}}
/* yc_spawn starts tasks running concurrently (on the loop's next turn, not
 * at the call); awaiting them in an order different from the one they
 * finish in gives each its own result: awaiting a task still running
 * waits for it, awaiting one that finished already returns at once.
 * Awaits of spawned tasks inside one expression.
 * Whatever the machine's load: tasks start in spawn order, so spawning
 * them by increasing sleep fixes the order they finish in; whether main
 * prints c's result before a finishes depends on timing (CHECK-DAG). */
#include <stdio.h>

#include <yieldc.h>

yc_async(int) job(const char *name, int ms) {
  printf("%s: started\n", name);
  await(yc_sleep(ms));
  printf("%s: finished\n", name);
  yc_return(ms);
}

yc_async(int) amain(void) {
  yc_task *b = yc_spawn(job("b", 10));
  yc_task *c = yc_spawn(job("c", 40));
  yc_task *a = yc_spawn(job("a", 80));
  printf("main: spawned b, c, a\n");
  int rc = await(c, int);
  printf("main: c -> %d\n", rc);
  int ra = await(a, int);
  printf("main: a -> %d\n", ra);
  int rb = await(b, int);
  printf("main: b -> %d (finished long ago)\n", rb);

  b = yc_spawn(job("y", 10));
  c = yc_spawn(job("z", 20));
  a = yc_spawn(job("x", 30));
  int sum = await(a, int) + await(b, int) + await(c, int);
  printf("main: sum %d\n", sum);
  yc_return(sum);
}

int main(void) {
  int r = 0;
  int err = yc_run(amain(), &r);
  printf("yc_run -> %d, result %d\n", err, r);
  return 0;
}
