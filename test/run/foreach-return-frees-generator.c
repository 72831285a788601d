// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: returning 36
// CHECK-NEXT: cleanup plain
// CHECK-NEXT: first_above -> 36
// CHECK-NEXT: even 4
// CHECK-NEXT: even 16
// CHECK-NEXT: even 36
// CHECK-NEXT: cleanup in-gen
// CHECK-NEXT: evens_until exhausted
// CHECK-NEXT: first 4, freeing while suspended
// CHECK-NEXT: cleanup in-gen
// CHECK-NEXT: end
// CHECK-NOT: {{.}}
/* return from inside a yc_foreach body (in a plain function, and inside a
 * generator that loops over another generator) frees the generator being
 * iterated: its cleanup runs before the caller sees the result. */
#include <stdio.h>

#include <yieldc.h>

static void release(const char **name) { printf("cleanup %s\n", *name); }

yc_generator(int) squares(const char *name) {
  const char *held __attribute__((cleanup(release))) = name;
  for (int i = 1;; i++)
    yield(i * i);
}

static int first_above(int limit) {
  yc_foreach (int v, squares("plain")) {
    if (v > limit) {
      printf("returning %d\n", v);
      return v;
    }
  }
  return -1;
}

yc_generator(int) evens_until(int limit) {
  yc_foreach (int v, squares("in-gen")) {
    if (v > limit)
      return;
    if (v % 2 == 0)
      yield(v);
  }
}

int main(void) {
  int r = first_above(30);
  printf("first_above -> %d\n", r);
  yc_gen *g = evens_until(50);
  int v;
  while (yc_next(g, &v))
    printf("even %d\n", v);
  printf("evens_until exhausted\n");
  yc_free(g);
  g = evens_until(1000);
  yc_next(g, &v);
  printf("first %d, freeing while suspended\n", v);
  yc_free(g);
  printf("end\n");
  return 0;
}
