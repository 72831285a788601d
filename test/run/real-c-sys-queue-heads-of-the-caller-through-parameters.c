// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: x1
// CHECK-NEXT: y2
// CHECK-NEXT: x3
// CHECK-NEXT: odd
// CHECK-NEXT: even
// CHECK-NEXT: odd
// CHECK-NEXT: even
// CHECK-NEXT: next
// CHECK-NEXT: next
// CHECK-NEXT: next
// CHECK-NEXT: left: y2
// CHECK-NEXT: left: 2
// CHECK-NEXT: left: 4
// CHECK-NOT: {{.}}
/* <sys/queue.h> lists of the caller reached through pointer parameters
 * (struct name_list *, struct job_queue *), with yields inside
 * LIST_FOREACH bodies and in a TAILQ walk that removes entries as it goes;
 * the caller sees the generator's removals afterwards. */
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

yc_generator(const char *) caller_lists(struct name_list *names, struct job_queue *queue) {
  struct name *nm;
  LIST_FOREACH(nm, names, link) {
    yield(nm->text);
  }
  struct job *j, *next;
  for (j = TAILQ_FIRST(queue); j; j = next) {
    next = TAILQ_NEXT(j, link);
    yield(j->id % 2 ? "odd" : "even");
    if (j->id % 2)
      TAILQ_REMOVE(queue, j, link);
  }
  LIST_FOREACH(nm, names, link) {
    if (nm->text[0] == 'x')
      LIST_REMOVE(nm, link);
    yield("next");
  }
}

int main(void) {
  struct name_list names = LIST_HEAD_INITIALIZER(names);
  struct name n1 = {"x1", {0}}, n2 = {"y2", {0}}, n3 = {"x3", {0}};
  LIST_INSERT_HEAD(&names, &n3, link);
  LIST_INSERT_HEAD(&names, &n2, link);
  LIST_INSERT_HEAD(&names, &n1, link);
  struct job_queue queue = TAILQ_HEAD_INITIALIZER(queue);
  struct job jobs[4] = {{1, {0}}, {2, {0}}, {3, {0}}, {4, {0}}};
  for (int i = 0; i < 4; i++)
    TAILQ_INSERT_TAIL(&queue, &jobs[i], link);
  yc_foreach (const char *s, caller_lists(&names, &queue))
    printf("%s\n", s);
  struct name *nm;
  LIST_FOREACH(nm, &names, link)
    printf("left: %s\n", nm->text);
  struct job *j;
  TAILQ_FOREACH(j, &queue, link)
    printf("left: %d\n", j->id);
  return 0;
}
