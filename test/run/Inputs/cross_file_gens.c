/* Generators defined apart from their consumer
 * (foreach-over-generator-of-another-file.c). */
#include <stdio.h>
#include <yieldc.h>

#include "cross_file_gens.h"

static void say_closed(int *n) { printf("countdown closed at %d\n", *n); }

yc_generator(int) countdown(int from) {
  int __attribute__((cleanup(say_closed))) n = from;
  for (; n > 0; n--)
    yield(n);
}

yc_generator(int) squares_impl(int n) {
  for (int i = 1; i <= n; i++)
    yield(i * i);
}
