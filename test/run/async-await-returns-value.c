// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: add(1, 2) starts
// CHECK-NEXT: add(1, 2) resumes
// CHECK-NEXT: x = 3
// CHECK-NEXT: d = 2.5
// CHECK-NEXT: s = hello
// CHECK-NEXT: add(10, -1) starts
// CHECK-NEXT: add(10, -1) resumes
// CHECK-NEXT: add(10, 1) starts
// CHECK-NEXT: add(10, 1) resumes
// CHECK-NEXT: p = {9, 11}
// CHECK-NEXT: nothing done
// CHECK-NEXT: yc_run -> 0, result 300
// CHECK-NOT: {{.}}
/* await(a, T) of an async function's call is that function's return value
 * (R): ints, doubles, pointers and structs; an async function that returns
 * without yc_return(v) after a suspension; await(a) of a void one; an async
 * function awaiting another; the value of yc_run's task in its result. */
#include <stdio.h>

#include <yieldc.h>

struct pair {
  int lo, hi;
};

yc_async(int) add(int a, int b) {
  printf("add(%d, %d) starts\n", a, b);
  await(yc_sleep(0));
  printf("add(%d, %d) resumes\n", a, b);
  yc_return(a + b);
}

yc_async(double) half(int x) { yc_return(x / 2.0); }

yc_async(const char *) greet(void) {
  await(yc_sleep(1));
  yc_return("hello");
}

yc_async(struct pair) around(int x) {
  int lo = await(add(x, -1), int);
  int hi = await(add(x, 1), int);
  yc_return((struct pair){lo, hi});
}

yc_async(void) nothing(void) {
  await(yc_sleep(0));
  printf("nothing done\n");
}

yc_async(int) amain(void) {
  int x = await(add(1, 2), int);
  printf("x = %d\n", x);
  double d = await(half(5), double);
  printf("d = %.1f\n", d);
  const char *s = await(greet(), const char *);
  printf("s = %s\n", s);
  struct pair p = await(around(10), struct pair);
  printf("p = {%d, %d}\n", p.lo, p.hi);
  await(nothing());
  yc_return(x * 100);
}

int main(void) {
  int r = -1;
  int err = yc_run(amain(), &r);
  printf("yc_run -> %d, result %d\n", err, r);
  return 0;
}
