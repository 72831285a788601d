// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 10
// CHECK-NEXT: 12
// CHECK-NEXT: 14
// CHECK-NEXT: tail end
// CHECK-NEXT: again 10
// CHECK-NEXT: again 12
// CHECK-NEXT: again 14
// CHECK-NEXT: tail end
// CHECK-NEXT: total 36
// CHECK-NEXT: 10422
// CHECK-NEXT: 20523
// CHECK-NEXT: 203
// CHECK-NEXT: acc 3 22 203
// CHECK-NOT: {{.}}
/* Parameters whose declared type is an array type, adjusted to a pointer
 * as C does: a va_list parameter (an array type on x86-64), read with
 * va_arg across yields by a generator that a variadic function drives to
 * the end before its va_end (once on ap, once on a va_copy of it), and
 * parameters of an array typedef (vec3, const vec3) whose writes reach
 * the caller's array. A const-qualified element type, yc_generator(const
 * int), is yielded too. */
#include <stdarg.h>
#include <stdio.h>

#include <yieldc.h>

typedef int vec3[3];

yc_generator(int) each_arg(int n, va_list ap) {
  for (int i = 0; i < n; i++) {
    int v = va_arg(ap, int);
    yield(v * 2);
  }
  char *tail = va_arg(ap, char *);
  printf("tail %s\n", tail);
}

static int twice_each(int n, ...) {
  va_list ap, copy;
  va_start(ap, n);
  va_copy(copy, ap);
  int total = 0;
  yc_foreach (int v, each_arg(n, ap)) {
    printf("%d\n", v);
    total += v;
  }
  yc_foreach (int v, each_arg(n, copy))
    printf("again %d\n", v);
  va_end(copy);
  va_end(ap);
  return total;
}

yc_generator(const int) dots(vec3 acc, const vec3 step, int rounds) {
  for (int r = 0; r < rounds; r++) {
    for (int i = 0; i < 3; i++)
      acc[i] += step[i];
    yield(acc[0] * step[0] + acc[1] * step[1] + acc[2] * step[2]);
  }
  const int last = acc[2];
  yield(last);
}

int main(void) {
  printf("total %d\n", twice_each(3, 5, 6, 7, "end"));
  vec3 acc = {1, 2, 3};
  static const vec3 step = {1, 10, 100};
  yc_foreach (int v, dots(acc, step, 2))
    printf("%d\n", v);
  printf("acc %d %d %d\n", acc[0], acc[1], acc[2]);
  return 0;
}
