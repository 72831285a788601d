// yc_foreach over a generator defined in another file: the consumer resumes
// it through the exported resume function when the program has it (a
// direct call), and through yc_next when it does not (the weak import is
// NULL); breaking out closes the generator either way, its cleanup runs.
// RUN: %yieldc %s -o %t.c -- -I%S/Inputs
// RUN: %yieldc %S/Inputs/cross_file_gens.c -o %t.gens.c -- -I%S/Inputs
// RUN: %cc -I%S/Inputs %t.c %t.gens.c %S/Inputs/cross_file_wrapper.c -o %t %link
// RUN: %t | FileCheck %s
// The direct path is what the consumer calls, and the definition is found:
// RUN: grep -v '^//' %t.c | grep -c 'yc__next_known(.*countdown__xresume)' | FileCheck --check-prefix=CALLS %s
// RUN: grep -v '^//' %t.c | grep -c 'yc__next_known(.*squares__xresume)' | FileCheck --check-prefix=CALLS %s
// RUN: nm %t | grep -E 'countdown|squares' | FileCheck --check-prefix=SYMS %s
// CALLS: 2
// SYMS-DAG: {{[tT]}} countdown__xresume
// SYMS-DAG: {{[dDrR]}} countdown__type
// SYMS-NOT: squares__xresume
#include <stdio.h>
#include <yieldc.h>

#include "cross_file_gens.h"

yc_generator(int) squares(int n); /* hand-written, in cross_file_wrapper.c */

int main(void) {
  yc_foreach (int v, countdown(3))
    printf("countdown %d\n", v);
  // CHECK: countdown 3
  // CHECK-NEXT: countdown 2
  // CHECK-NEXT: countdown 1
  // CHECK-NEXT: countdown closed at 0
  yc_foreach (int v, countdown(5)) {
    if (v == 3)
      break;
    printf("countdown %d\n", v);
  }
  // CHECK-NEXT: countdown 5
  // CHECK-NEXT: countdown 4
  // CHECK-NEXT: countdown closed at 3
  int sum = 0;
  yc_foreach (int v, squares(4))
    sum += v;
  printf("sum of squares %d\n", sum);
  // CHECK-NEXT: sum of squares 30
  yc_foreach (int v, squares(9)) {
    if (v > 10)
      break;
    printf("square %d\n", v);
  }
  // CHECK-NEXT: square 1
  // CHECK-NEXT: square 4
  // CHECK-NEXT: square 9
  return 0;
}
