// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 5
// CHECK-NEXT: 5
// CHECK-NEXT: 7
// CHECK-NEXT: 12
// CHECK-NEXT: 0
// CHECK-NEXT: 1
// CHECK-NEXT: 2
// CHECK-NEXT: 12
// CHECK-NEXT: 13
// CHECK-NEXT: 14
// CHECK-NEXT: -12
// CHECK-NEXT: -13
// CHECK-NEXT: -14
// CHECK-NOT: {{.}}
/* A kernel-style intrusive list loop macro, list_for_each(pos, head),
 * with yields in its body: over the caller's circular list, and over a
 * circular list whose sentinel is a local of the generator (its address is
 * stored in itself and in the nodes, and compared by every loop test after
 * a yield). */
#include <stdio.h>

#include <yieldc.h>

struct list_head {
  struct list_head *next;
  int value;
};

#define list_for_each(pos, head) for (pos = (head)->next; pos != (head); pos = pos->next)

static void list_add_tail(struct list_head *head, struct list_head *node) {
  struct list_head *last = head;
  while (last->next != head)
    last = last->next;
  node->next = head;
  last->next = node;
}

yc_generator(int) walk(struct list_head *head) {
  struct list_head *pos;
  int sum = 0;
  list_for_each(pos, head) {
    sum += pos->value;
    yield(pos->value);
    yield(sum);
  }
  struct list_head mine = {&mine, 0}, nodes[3];
  for (int i = 0; i < 3; i++) {
    nodes[i].value = sum + i;
    list_add_tail(&mine, &nodes[i]);
    yield(i);
  }
  list_for_each(pos, &mine) {
    yield(pos->value);
    pos->value = -pos->value;
  }
  list_for_each(pos, &mine) yield(pos->value);
}

int main(void) {
  struct list_head head = {&head, 0}, a = {NULL, 5}, b = {NULL, 7};
  list_add_tail(&head, &a);
  list_add_tail(&head, &b);
  yc_foreach (int v, walk(&head))
    printf("%d\n", v);
  return 0;
}
