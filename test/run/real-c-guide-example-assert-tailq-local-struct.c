// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: batch 1: parse
// CHECK-NEXT: batch 1: check
// CHECK-NEXT:   cost 4
// CHECK-NEXT: batch 2: lower
// CHECK-NEXT: batch 2: emit
// CHECK-NEXT:   cost 5
// CHECK-NEXT: batch 3: link
// CHECK-NEXT:   cost 5
// CHECK-NOT: {{.}}
/* The example of docs/guide.md, "What C works in a coroutine body": a
 * generator that walks the caller's <sys/queue.h> tail queue with
 * TAILQ_FOREACH, checks each entry with assert() and gathers the entries
 * into batches in a struct type declared in its body, yielding at the end
 * of each batch, so the loop cursor and the struct live across yields. */
#include <assert.h>
#include <stdio.h>
#include <sys/queue.h>

#include <yieldc.h>

struct task {
  const char *name;
  int cost;
  TAILQ_ENTRY(task) link;
};
TAILQ_HEAD(task_list, task);

/* Yields the total cost of each batch of tasks that fits the budget. */
yc_generator(int) batches(struct task_list *todo, int budget) {
  struct batch {
    int number, used;
  } b = {1, 0};
  struct task *t;
  TAILQ_FOREACH(t, todo, link) {
    assert(t->cost <= budget);
    if (b.used + t->cost > budget) {
      yield(b.used);
      b.number++;
      b.used = 0;
    }
    printf("batch %d: %s\n", b.number, t->name);
    b.used += t->cost;
  }
  if (b.used > 0)
    yield(b.used);
}

int main(void) {
  struct task tasks[] = {
      {.name = "parse", .cost = 3}, {.name = "check", .cost = 1}, {.name = "lower", .cost = 4},
      {.name = "emit", .cost = 1},  {.name = "link", .cost = 5},
  };
  struct task_list todo = TAILQ_HEAD_INITIALIZER(todo);
  for (size_t i = 0; i < sizeof tasks / sizeof tasks[0]; i++)
    TAILQ_INSERT_TAIL(&todo, &tasks[i], link);
  yc_foreach (int cost, batches(&todo, 5))
    printf("  cost %d\n", cost);
  return 0;
}
