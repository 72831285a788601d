// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: suspended at 2
// CHECK-NEXT: cleanup 1
// CHECK-NEXT: cleanup 0
// CHECK-NEXT: after free at 2: 1 1 0 0 0 0 0 0
// CHECK-NEXT: cleanup 4
// CHECK-NEXT: cleanup 5
// CHECK-NEXT: suspended at 4
// CHECK-NEXT: cleanup 5
// CHECK-NEXT: cleanup 3
// CHECK-NEXT: after free at 4: 1 1 0 1 1 2 0 0
// CHECK-NEXT: free unstarted
// CHECK-NEXT: after free unstarted: 1 1 0 1 1 2 0 0
// CHECK-NEXT: cleanup 6
// CHECK-NEXT: cleanup 7
// CHECK-NEXT: cleanup 7
// CHECK-NEXT: cleanup 5
// CHECK-NEXT: finished
// CHECK-NEXT: after free finished: 1 1 0 1 1 3 1 2
// CHECK-NOT: {{.}}
/* yc_free of a suspended generator unwinds it: every cleanup local in
 * scope at the suspension point runs exactly once, innermost first; locals
 * whose scope was already left are not cleaned again; an unstarted
 * generator has no cleanups to run; a finished one ran them already. */
#include <stdio.h>

#include <yieldc.h>

static int runs[8];

static void release(const int *id) {
  runs[*id]++;
  printf("cleanup %d\n", *id);
}

yc_generator(int) holder(int base) {
  int a __attribute__((cleanup(release))) = base;
  yield(1);
  {
    int b __attribute__((cleanup(release))) = base + 1;
    yield(2);
  }
  for (int i = 0; i < 2; i++) {
    int c __attribute__((cleanup(release))) = base + 2;
    yield(3 + i);
  }
}

static void show(const char *what) {
  printf("%s:", what);
  for (int i = 0; i < 8; i++)
    printf(" %d", runs[i]);
  printf("\n");
}

int main(void) {
  yc_gen *g = holder(0);
  int v;
  yc_next(g, &v);
  yc_next(g, &v);
  printf("suspended at %d\n", v);
  yc_free(g);
  show("after free at 2");

  g = holder(3);
  for (int k = 0; k < 4; k++)
    yc_next(g, &v);
  printf("suspended at %d\n", v);
  yc_free(g);
  show("after free at 4");

  g = holder(5);
  printf("free unstarted\n");
  yc_free(g);
  show("after free unstarted");

  g = holder(5);
  while (yc_next(g, &v))
    ;
  printf("finished\n");
  yc_free(g);
  show("after free finished");
  return 0;
}
