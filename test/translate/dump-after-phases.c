// Each phase can print its result, so a bug is found where it is made.
// RUN: %yieldc --dump-after=parse %s | FileCheck --check-prefix=PARSE %s
// RUN: %yieldc --dump-after=analyse %s | FileCheck --check-prefix=ANALYSE %s
#include <yieldc.h>

yc_generator(int) g(int n) {
  int k = n;
  yield(k);
  yield(k + 1);
}
// PARSE: function g (generator) Y=int S=void R=void
// PARSE:   var n : int param
// PARSE:   var k : int
// PARSE:     suspend 8:3 susp yield state=0
// ANALYSE:   var n : int param resident as n
// ANALYSE:   var k : int spilled as k
// ANALYSE:     suspend 8:3 susp yield state=1 saves k
// ANALYSE:     suspend 9:3 susp yield state=2{{$}}
