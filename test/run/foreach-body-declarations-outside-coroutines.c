// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 0,1,2,3,
// CHECK-NEXT: sum 6 in struct 6
// CHECK-NOT: {{.}}
/* A yc_foreach in a plain function whose body declares locals, a type and
 * a typedef: the body stays as written (the translator crashed on it). */
#include <stdio.h>
#include <yieldc.h>

yc_generator(int) upto(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

int main(void) {
  char line[64];
  size_t k = 0;
  yc_foreach (int v, upto(4)) {
    int w = snprintf(line + k, sizeof line - k, "%d,", v);
    if (w < 0)
      break;
    k += (size_t)w;
  }
  puts(line);
  int sum = 0, in_struct = 0;
  yc_foreach (int v, upto(4)) {
    struct acc { int total; } a = {v};
    typedef int num;
    num twice = a.total;
    sum += twice;
    in_struct += a.total;
  }
  printf("sum %d in struct %d\n", sum, in_struct);
  return 0;
}
