// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: v=0
// CHECK-NEXT: v=1
// CHECK-NEXT: v=2
// CHECK-NEXT: cleanup first
// CHECK-NEXT: after first loop
// CHECK-NEXT: a=0 b=0
// CHECK-NEXT: cleanup inner
// CHECK-NEXT: inner loop left (a=0)
// CHECK-NEXT: a=1 b=0
// CHECK-NEXT: a=1 b=1
// CHECK-NEXT: cleanup inner
// CHECK-NEXT: inner loop left (a=1)
// CHECK-NEXT: outer ran to the end
// CHECK-NEXT: cleanup outer
// CHECK-NEXT: after nested loops
// CHECK-NOT: {{.}}
/* break out of yc_foreach frees the generator: its cleanup local runs at
 * the break, before the statement after the loop; a nested foreach broken
 * out of frees only its own generator, the outer one carries on. */
#include <stdio.h>

#include <yieldc.h>

static void release(const char **name) { printf("cleanup %s\n", *name); }

yc_generator(int) counted(const char *name, int n) {
  const char *held __attribute__((cleanup(release))) = name;
  for (int i = 0; i < n; i++)
    yield(i);
  printf("%s ran to the end\n", held);
}

int main(void) {
  yc_foreach (int v, counted("first", 100)) {
    printf("v=%d\n", v);
    if (v == 2)
      break;
  }
  printf("after first loop\n");
  yc_foreach (int a, counted("outer", 2)) {
    yc_foreach (int b, counted("inner", 100)) {
      printf("a=%d b=%d\n", a, b);
      if (b == a)
        break;
    }
    printf("inner loop left (a=%d)\n", a);
  }
  printf("after nested loops\n");
  return 0;
}
