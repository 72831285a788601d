// RUN: %clang-syntax %s
// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: xy 0
// CHECK-NEXT: xy 1
// CHECK-NEXT: xy 10
// CHECK-NEXT: xy 11
// CHECK-NEXT: xy 20
// CHECK-NEXT: xy 21
// CHECK-NEXT: xc 1 a
// CHECK-NEXT: letters(1) freed
// CHECK-NEXT: xc 2 a
// CHECK-NEXT: xc 2 b
// CHECK-NEXT: letters(2) freed
// CHECK-NEXT: xc 3 a
// CHECK-NEXT: xc 3 b
// CHECK-NEXT: xc 3 c
// CHECK-NEXT: letters(3) freed
// CHECK-NEXT: abc 010
// CHECK-NEXT: abc 020
// CHECK-NEXT: abc 021
// CHECK-NEXT: abc 110
// CHECK-NEXT: abc 120
// CHECK-NEXT: abc 121
// CHECK-NEXT: inner expression 0
// CHECK-NEXT: inner expression 0
// CHECK-NEXT: inner expression 2
// CHECK-NEXT: inner expression 3
// CHECK-NEXT: inner expression 4
// CHECK-NEXT: inner expression 6
// CHECK-NOT: {{.}}
/* Several sources are nested loops, the first outermost, as in Python: an
 * inner source is evaluated again for each item of the ones before it and
 * may use their variables; each inner generator is freed when its loop
 * ends (its cleanup runs).  Three sources; a range inside a generator; a
 * source that is itself a generator expression. */
#include <stdio.h>

#include <yieldc.h>

static void done_msg(int *n) { printf("letters(%d) freed\n", *n); }

static yc_generator(char) letters(int n) {
  int id __attribute__((cleanup(done_msg), unused)) = n;
  for (int i = 0; i < n; i++)
    yield((char)('a' + i));
}

static yc_generator(int) numbers(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

int main(void) {
  yc_foreach (int v, yc_genexpr(int, x * 10 + y, yc_in(int, x, numbers(3)), yc_in(int, y, numbers(2))))
    printf("xy %d\n", v);
  yc_foreach (int v, yc_genexpr(int, x * 100 + c, yc_in_range(int, x, 1, 4), yc_in(char, c, letters(x))))
    printf("xc %d %c\n", v / 100, v % 100);
  yc_foreach (int v, yc_genexpr(int, a * 100 + b * 10 + c, yc_in(int, a, numbers(2)),
                                yc_in_range(int, b, a, 3), yc_in(int, c, numbers(b))))
    printf("abc %03d\n", v);
  yc_foreach (int v, yc_genexpr(int, x + y, yc_in(int, x, numbers(3)),
                                yc_in(int, y, yc_genexpr(int, x * z, yc_in_range(int, z, 1, 3)))))
    printf("inner expression %d\n", v);
  return 0;
}
