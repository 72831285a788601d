// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 50
// CHECK-NEXT: cleanup case 0
// CHECK-NEXT: 61
// CHECK-NEXT: cleanup case 1
// CHECK-NEXT: after switch 1
// CHECK-NEXT: 72
// CHECK-NEXT: after switch 2
// CHECK-NEXT: 83
// CHECK-NEXT: returning
// CHECK-NEXT: cleanup default
// CHECK-NEXT: end
// CHECK-NOT: {{.}}
/* A case block with a cleanup local and a yield, left by continue or break
 * (so it does not fall through to the next label), and a default block
 * left by return: the cleanup runs on each exit, the next case is not run. */
#include <stdio.h>

#include <yieldc.h>

static void rel(const char **s) { printf("cleanup %s\n", *s); }

yc_generator(int) cases(void) {
  for (int i = 0; i < 5; i++) {
    switch (i % 4) {
    case 0: {
      const char *c __attribute__((cleanup(rel))) = "case 0";
      yield(50 + i);
      continue;
    }
    case 1: {
      const char *c __attribute__((cleanup(rel))) = "case 1";
      yield(60 + i);
      break;
    }
    case 2:
      yield(70 + i);
      break;
    default: {
      const char *c __attribute__((cleanup(rel))) = "default";
      yield(80 + i);
      printf("returning\n");
      return;
    }
    }
    printf("after switch %d\n", i);
  }
}

int main(void) {
  yc_foreach (int v, cases())
    printf("%d\n", v);
  printf("end\n");
  return 0;
}
