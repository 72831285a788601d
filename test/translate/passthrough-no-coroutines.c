// A file with no coroutine functions is copied through byte for byte.
// RUN: %yieldc %s -o %t.c
// RUN: cmp %s %t.c
#include <stdio.h>
#include <yieldc.h>

/* yield and await in a comment or "a string: yield(1)" change nothing */
static int twice(int x) { return 2 * x; }

int main(void) {
  printf("%d\n", twice(21));
  return 0;
}
