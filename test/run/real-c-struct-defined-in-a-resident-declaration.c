// A declaration that defines its own struct type and whose variable lives
// in the frame (its address is taken): the type stays defined in the body
// when a macro makes it, as <sys/queue.h>'s
// TAILQ_HEAD(tag, type) head = TAILQ_HEAD_INITIALIZER(head).
// Python twin: [i * 10 + i + 1 for i in range(4)].
// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 1
// CHECK-NEXT: 12
// CHECK-NEXT: 23
// CHECK-NEXT: 34
#include <assert.h>
#include <stdio.h>
#include <sys/queue.h>
#include <yieldc.h>

#define BUMP(x) do { (x) += 1; } while (0)

struct item {
  int v;
  TAILQ_ENTRY(item) link;
};

yc_generator(int) walk(int n) {
  TAILQ_HEAD(ihead, item) head = TAILQ_HEAD_INITIALIZER(head);
  struct item items[4];
  int count = 0;
  for (int i = 0; i < n; i++) {
    items[i].v = i * 10;
    TAILQ_INSERT_TAIL(&head, &items[i], link);
  }
  struct item *it;
  TAILQ_FOREACH(it, &head, link) {
    assert(it->v % 10 == 0);
    BUMP(count);
    yield(it->v + count);
  }
}

int main(void) {
  yc_foreach (int v, walk(4))
    printf("%d\n", v);
  return 0;
}
