// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: operands:
// CHECK-NEXT:   val(1)
// CHECK-NEXT:   val(2)
// CHECK-NEXT: x = 12
// CHECK-NEXT: call arguments:
// CHECK-NEXT:   val(3)
// CHECK-NEXT:   val(4)
// CHECK-NEXT:   show(3, 5)
// CHECK-NEXT: y = 15
// CHECK-NEXT: if condition:
// CHECK-NEXT:   val(5)
// CHECK-NEXT: 5 > 4
// CHECK-NEXT: while condition:
// CHECK-NEXT:   val(0)
// CHECK-NEXT:   val(1)
// CHECK-NEXT:   val(2)
// CHECK-NEXT: i = 2
// CHECK-NEXT: for condition:
// CHECK-NEXT:   val(2)
// CHECK-NEXT:   val(2)
// CHECK-NEXT:   val(2)
// CHECK-NEXT: n = 20
// CHECK-NEXT: && short-circuit:
// CHECK-NEXT:   val(7)
// CHECK-NEXT: both sides ran
// CHECK-NEXT: || short-circuit:
// CHECK-NEXT: left side was enough
// CHECK-NEXT: conditional:
// CHECK-NEXT:   val(9)
// CHECK-NEXT: c = 9
// CHECK-NEXT: nested:
// CHECK-NEXT:   val(11)
// CHECK-NEXT:   val(12)
// CHECK-NEXT: z = 12
// CHECK-NEXT: yc_run -> 0, result 48
// CHECK-NOT: {{.}}
/* await used for its value inside expressions, with C's evaluation order:
 * arithmetic operands left to right, call arguments, if / while / for
 * conditions, && and || short-circuiting (the right side's await never
 * starts), ?: running only the chosen arm, and nested awaits. */
#include <stdio.h>

#include <yieldc.h>

yc_async(int) val(int n) {
  printf("  val(%d)\n", n);
  await(yc_sleep(0));
  yc_return(n);
}

static int show(int a, int b) {
  printf("  show(%d, %d)\n", a, b);
  return a * b;
}

yc_async(int) amain(void) {
  printf("operands:\n");
  int x = await(val(1), int) * 10 + await(val(2), int);
  printf("x = %d\n", x);

  printf("call arguments:\n");
  int y = show(await(val(3), int), await(val(4), int) + 1);
  printf("y = %d\n", y);

  printf("if condition:\n");
  if (await(val(5), int) > 4)
    printf("5 > 4\n");

  printf("while condition:\n");
  int i = 0;
  while (await(val(i), int) < 2)
    i++;
  printf("i = %d\n", i);

  printf("for condition:\n");
  int n = 0;
  for (int k = 0; k < await(val(2), int); k++)
    n += 10;
  printf("n = %d\n", n);

  printf("&& short-circuit:\n");
  if (x < 0 && await(val(6), int))
    printf("not printed\n");
  if (x > 0 && await(val(7), int) == 7)
    printf("both sides ran\n");

  printf("|| short-circuit:\n");
  if (x > 0 || await(val(8), int))
    printf("left side was enough\n");

  printf("conditional:\n");
  int c = x > 0 ? await(val(9), int) : await(val(10), int);
  printf("c = %d\n", c);

  printf("nested:\n");
  int z = await(val(await(val(11), int) + 1), int);
  printf("z = %d\n", z);
  yc_return(x + y + c + z);
}

int main(void) {
  int r = 0;
  int err = yc_run(amain(), &r);
  printf("yc_run -> %d, result %d\n", err, r);
  return 0;
}
