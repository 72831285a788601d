// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: next -> 3
// CHECK-NEXT: next -> 2
// CHECK-NEXT: next -> 1
// CHECK-NEXT: countdown(3) returned 300
// CHECK-NEXT: countdown(0) returned 0
// CHECK-NEXT: next -> 300
// CHECK-NEXT: next -> -1
// CHECK-NEXT: send(4) -> yielded -1
// CHECK-NEXT: send(6) -> yielded -1
// CHECK-NEXT: send(10) -> yielded -1
// CHECK-NEXT: summer returned count=3 sum=20
// CHECK-NEXT: send(0) -> finished 0
// CHECK-NEXT: result: 1 20300
// CHECK-NOT: {{.}}
/* T r = yield_from(g, T); passes every value of g through to the consumer
 * and then evaluates to g's return value (yc_return); a generator that
 * returns a struct; values sent to the delegator reach the delegate; the
 * outer generator's own return value is read with yc_result. */
#include <stdio.h>

#include <yieldc.h>

struct stats {
  int count;
  long sum;
};

yc_generator(int, void, int) countdown(int n) {
  int steps = 0;
  while (n > 0) {
    yield(n--);
    steps++;
  }
  yc_return(steps * 100);
}

yc_generator(int, int, struct stats) summer(void) {
  struct stats s = {0, 0};
  for (;;) {
    int x = yield(-1, int);
    if (x == 0)
      break;
    s.count++;
    s.sum += x;
  }
  yc_return(s);
}

yc_generator(int, int, long) outer(void) {
  int a = yield_from(countdown(3), int);
  printf("countdown(3) returned %d\n", a);
  int b = yield_from(countdown(0), int);
  printf("countdown(0) returned %d\n", b);
  yield(a + b);
  struct stats s = yield_from(summer(), struct stats);
  printf("summer returned count=%d sum=%ld\n", s.count, s.sum);
  yc_return(s.sum * 1000 + a);
}

int main(void) {
  yc_gen *g = outer();
  int v;
  for (int i = 0; i < 5; i++) {
    yc_next(g, &v);
    printf("next -> %d\n", v);
  }
  int xs[] = {4, 6, 10, 0};
  for (int i = 0; i < 4; i++) {
    bool ok = yc_send(g, &xs[i], &v);
    printf("send(%d) -> %s %d\n", xs[i], ok ? "yielded" : "finished",
           ok ? v : 0);
  }
  long r = 0;
  bool has = yc_result(g, &r);
  printf("result: %d %ld\n", has, r);
  yc_free(g);
  return 0;
}
