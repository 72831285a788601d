// --emit=dot: yield_from is a suspension point like yield (an error there
// is the sub's failure or a throw), yc_return and an early return go to
// the end, labelled; two coroutines of a file are two clusters of one
// digraph.
// RUN: %yieldc --emit=dot %s > %t.dot
// RUN: FileCheck %s < %t.dot
// RUN: FileCheck --check-prefix=NOT %s < %t.dot
// RUN: grep -c -- ' -> ' %t.dot | FileCheck --check-prefix=COUNT %s
#include <yieldc.h>

yc_generator(int, void, int) inner(int n) {
  yield(n);
  yc_return(n * 2);
}

yc_generator(int) outer(int n) {
  yield(0);
  int r = yield_from(inner(n), int);
  if (r > 4)
    return;
  yield(r);
}
// CHECK: digraph "dot-yield-from-early-return.c" {
// CHECK: subgraph cluster_inner {
// CHECK-DAG: inner__s1 [label="state 1: yield\nline 12: yield(n)"];
// CHECK-DAG: inner__start -> inner__s1;
// CHECK-DAG: inner__s1 -> inner__done [label="yc_return"];
// CHECK: }
// CHECK: subgraph cluster_outer {
// CHECK-DAG: outer__s1 [label="state 1: yield\nline 17: yield(0)"];
// CHECK-DAG: outer__s2 [label="state 2: yield_from\nline 18: yield_from(inner(n), int)"];
// CHECK-DAG: outer__s3 [label="state 3: yield\nline 21: yield(r)"];
// CHECK-DAG: outer__start -> outer__s1;
// CHECK-DAG: outer__s1 -> outer__s2;
// CHECK-DAG: outer__s2 -> outer__s3 [label="else (r > 4)"];
// CHECK-DAG: outer__s2 -> outer__done [label="if (r > 4), return"];
// CHECK-DAG: outer__s2 -> outer__failed [label="error", style=dashed, color=red3];
// CHECK-DAG: outer__s3 -> outer__done;
// CHECK: }
// CHECK-NOT: digraph
// inner: 2 + 2 error + 2 close; outer: 5 + 4 error + 4 close
// COUNT: 19
// NOT-NOT: outer__s1 -> outer__done
// NOT-NOT: outer__s2 -> outer__s2
// NOT-NOT: inner__s1 -> outer
// NOT-NOT: outer__{{.*}} -> inner__
