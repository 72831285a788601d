// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
#include <alloca.h>
#include <yieldc.h>

yc_generator(char) chars(void) {
  char *p = alloca(16);
  p[0] = 'a';
  yield(p[0]);
}
// CHECK: alloca-across-yield.c:[[@LINE-4]]:13: error: alloca in a coroutine function whose memory would be live across a suspension point
