// One declaration defines a struct type and declares both a variable that
// lives in the frame (its address is taken) and a C local, in either order,
// as real C code does (`struct pair { int a, b; } p = {1, 2}, *pp = &p;`):
// the type is defined once, and the other declarators name it.
// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: frame_first 3
// CHECK-NEXT: frame_first 104
// CHECK-NEXT: frame_first 30
// CHECK-NEXT: local_first 5
// CHECK-NEXT: local_first 20
// CHECK-NEXT: macro_defined 7
// CHECK-NEXT: macro_defined 8
// CHECK-NOT: {{.}}
#include <stdio.h>
#include <sys/queue.h>
#include <yieldc.h>

yc_generator(int) frame_first(int k) {
  struct pair { int a, b; } p = {k, k + 1}, *pp = &p, q = {k * 10, 0};
  yield(pp->a);
  pp->b += 100;
  yield(p.b);
  yield(q.a);
}

yc_generator(int) local_first(int k) {
  const struct tagged { int a, b; } *pp, p = {k, k * 2};
  pp = &p;
  yield(pp->a);
  yield(p.b + pp->b);
}

struct node {
  int v;
  TAILQ_ENTRY(node) link;
};

yc_generator(int) macro_defined(void) {
  TAILQ_HEAD(nhead, node) head = TAILQ_HEAD_INITIALIZER(head), *hp = &head;
  struct node n1 = {.v = 7}, n2 = {.v = 8};
  TAILQ_INSERT_TAIL(hp, &n1, link);
  TAILQ_INSERT_TAIL(hp, &n2, link);
  struct node *it;
  TAILQ_FOREACH(it, hp, link) yield(it->v);
}

int main(void) {
  yc_foreach (int x, frame_first(3)) printf("frame_first %d\n", x);
  yc_foreach (int x, local_first(5)) printf("local_first %d\n", x);
  yc_foreach (int x, macro_defined()) printf("macro_defined %d\n", x);
  return 0;
}
