// --emit=dot draws each coroutine's states with their source lines.
// RUN: %yieldc --emit=dot %s -o %t.dot
// RUN: grep -v '^//' %t.dot | FileCheck %s
#include <yieldc.h>

yc_generator(int) ticks(int n) {
  yield(-1);
  for (int i = 0; i < n; i++)
    yield(i);
}
// CHECK: digraph "ticks" {
// CHECK: s1 [label="state 1: yield\nline 7: yield(-1)"];
// CHECK: s2 [label="state 2: yield\nline 9: yield(i)"];
// CHECK: start -> s1
// CHECK: s1 -> s2
// CHECK: s2 -> done
// CHECK: s2 -> s2 [label="loop"
