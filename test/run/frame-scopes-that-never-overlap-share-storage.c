// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// Two phases of a generator, each with its own lifted array: the arrays'
// scopes never run at the same time, so the frame holds one of them, and
// each phase still sees its own values across its suspension points.
// CHECK: 0 1 4 9 16 25 36 49
// CHECK-NEXT: 70 60 50 40 30 20 10 0
// CHECK-NEXT: frame holds one array's worth: yes
#include <stdio.h>

#include <yieldc.h>

yc_generator(double) phases(void) {
  {
    double sq[8];
    for (int i = 0; i < 8; i++)
      sq[i] = i * i;
    for (int i = 0; i < 8; i++)
      yield(sq[i]);
  }
  {
    double down[8];
    for (int i = 0; i < 8; i++)
      down[i] = 10 * (7 - i);
    for (int i = 0; i < 8; i++)
      yield(down[i]);
  }
}

int main(void) {
  int k = 0;
  yc_foreach (double v, phases())
    printf("%g%s", v, ++k % 8 ? " " : "\n");
#ifdef YIELDC_TRANSLATED
  printf("frame holds one array's worth: %s\n",
         sizeof(struct phases__frame) < sizeof(yc_coro) + 2 * sizeof(double[8]) ? "yes" : "no");
#endif
  return 0;
}
