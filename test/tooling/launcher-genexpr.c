/* `yieldc cc` translates a file whose only yieldc form is a generator
 * expression in a plain function (its quick scan knows yc_genexpr), and
 * the program links and runs.
 *
 * RUN: rm -rf %t && mkdir -p %t
 * RUN: %yieldc cc %compiler -std=gnu11 -Wall -Wextra -Werror -c %s -o %t/g.o
 * RUN: test -e %t/g.o.yc.c
 * RUN: grep -q 'main__genexpr1__new' %t/g.o.yc.c
 * RUN: %yieldc cc %compiler -std=gnu11 -c %S/../run/Inputs/cross_file_gens.c -o %t/gens.o
 * RUN: %compiler %t/g.o %t/gens.o -o %t/g %link
 * RUN: %t/g | FileCheck %s
 * CHECK: 10 8 6 4 2 countdown closed at 0
 */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) countdown(int from);

int main(void) {
  yc_foreach (int v, yc_genexpr(int, 2 * x, yc_in(int, x, countdown(5))))
    printf("%d ", v);
  printf("\n");
  return 0;
}
