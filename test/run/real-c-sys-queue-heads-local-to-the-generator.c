// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 0
// CHECK-NEXT: 1
// CHECK-NEXT: 2
// CHECK-NEXT: 10
// CHECK-NEXT: 20
// CHECK-NEXT: 30
// CHECK-NEXT: 21
// CHECK-NEXT: 21
// CHECK-NEXT: 31
// CHECK-NEXT: 11
// CHECK-NEXT: 97
// CHECK-NEXT: 98
// CHECK-NEXT: 99
// CHECK-NEXT: 98
// CHECK-NEXT: 97
// CHECK-NOT: {{.}}
/* <sys/queue.h> lists whose heads are locals of the generator, with yields
 * between insertions and inside TAILQ_FOREACH and LIST_FOREACH bodies:
 * TAILQ_INIT stores the head's own address in it and LIST_INSERT_HEAD
 * stores &list.lh_first in an element, so those addresses must stay valid
 * across yields for the later insertions, removals and walks to work. */
#include <stdio.h>
#include <sys/queue.h>

#include <yieldc.h>

struct job {
  int id;
  TAILQ_ENTRY(job) link;
};
TAILQ_HEAD(job_queue, job);

struct name {
  const char *text;
  LIST_ENTRY(name) link;
};
LIST_HEAD(name_list, name);

yc_generator(int) local_lists(int n) {
  struct job jobs[4];
  struct job_queue queue;
  TAILQ_INIT(&queue);
  for (int i = 0; i < n; i++) {
    jobs[i].id = (i + 1) * 10;
    TAILQ_INSERT_TAIL(&queue, &jobs[i], link);
    yield(i);
  }
  struct job *j;
  TAILQ_FOREACH(j, &queue, link) {
    yield(j->id);
    j->id++;
  }
  TAILQ_REMOVE(&queue, &jobs[0], link);
  yield(TAILQ_FIRST(&queue)->id);
  TAILQ_INSERT_TAIL(&queue, &jobs[0], link);
  TAILQ_FOREACH(j, &queue, link)
    yield(j->id);

  struct name names[3] = {{"a", {0}}, {"b", {0}}, {"c", {0}}};
  struct name_list list;
  LIST_INIT(&list);
  for (int i = 0; i < 3; i++) {
    LIST_INSERT_HEAD(&list, &names[i], link);
    yield(LIST_FIRST(&list)->text[0]);
  }
  LIST_REMOVE(&names[2], link); /* the first: writes through le_prev */
  struct name *nm;
  LIST_FOREACH(nm, &list, link)
    yield(nm->text[0]);
}

int main(void) {
  yc_foreach (int v, local_lists(3))
    printf("%d\n", v);
  return 0;
}
