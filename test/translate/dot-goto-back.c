// --emit=dot: a goto back to a label before a suspension point is an edge
// from the state after it back to that state, labelled with the goto.
// RUN: %yieldc --emit=dot %s > %t.dot
// RUN: FileCheck %s < %t.dot
// RUN: FileCheck --check-prefix=NOT %s < %t.dot
// RUN: grep -c -- ' -> ' %t.dot | FileCheck --check-prefix=COUNT %s
#include <yieldc.h>

yc_generator(int) retry(int n) {
again:
  yield(n);
  if (--n > 0)
    goto again;
  yield(-1);
}
// CHECK-DAG: retry__s1 [label="state 1: yield\nline 11: yield(n)"];
// CHECK-DAG: retry__s2 [label="state 2: yield\nline 14: yield(-1)"];
// CHECK-DAG: retry__start -> retry__s1;
// CHECK-DAG: retry__s1 -> retry__s1 [label="if (--n > 0), goto again"];
// CHECK-DAG: retry__s1 -> retry__s2 [label="else (--n > 0)"];
// CHECK-DAG: retry__s2 -> retry__done;
// 4 above + 3 error + 3 close
// COUNT: 10
// NOT-NOT: retry__s2 -> retry__s1
// NOT-NOT: retry__start -> retry__s2
