// --emit=dot: an if/else between suspension points.  Each branch's state
// is reached only from the state before the if, labelled with the branch,
// and reaches only the state after the if: no edge between the branches.
// RUN: %yieldc --emit=dot %s > %t.dot
// RUN: FileCheck %s < %t.dot
// RUN: FileCheck --check-prefix=NOT %s < %t.dot
// RUN: grep -c -- ' -> ' %t.dot | FileCheck --check-prefix=COUNT %s
#include <yieldc.h>

yc_generator(int) pick(int x) {
  yield(0);
  if (x > 0)
    yield(1);
  else
    yield(2);
  yield(3);
}
// CHECK: digraph "dot-if-else.c" {
// CHECK: subgraph cluster_pick {
// CHECK-DAG: pick__s1 [label="state 1: yield\nline 11: yield(0)"];
// CHECK-DAG: pick__s2 [label="state 2: yield\nline 13: yield(1)"];
// CHECK-DAG: pick__s3 [label="state 3: yield\nline 15: yield(2)"];
// CHECK-DAG: pick__s4 [label="state 4: yield\nline 16: yield(3)"];
// CHECK-DAG: pick__start -> pick__s1;
// CHECK-DAG: pick__s1 -> pick__s2 [label="if (x > 0)"];
// CHECK-DAG: pick__s1 -> pick__s3 [label="else (x > 0)"];
// CHECK-DAG: pick__s2 -> pick__s4;
// CHECK-DAG: pick__s3 -> pick__s4;
// CHECK-DAG: pick__s4 -> pick__done;
// An error can arrive at every state (a throw), and a close ends any.
// CHECK-DAG: pick__start -> pick__failed [label="error", style=dashed, color=red3];
// CHECK-DAG: pick__start -> pick__closed [label="close", style=dotted, color=gray50];
// CHECK-DAG: pick__s1 -> pick__failed [label="error"
// CHECK-DAG: pick__s1 -> pick__closed [label="close"
// CHECK-DAG: pick__s2 -> pick__failed [label="error"
// CHECK-DAG: pick__s2 -> pick__closed [label="close"
// CHECK-DAG: pick__s3 -> pick__failed [label="error"
// CHECK-DAG: pick__s3 -> pick__closed [label="close"
// CHECK-DAG: pick__s4 -> pick__failed [label="error"
// CHECK-DAG: pick__s4 -> pick__closed [label="close"
// CHECK: }
// 6 normal edges + 5 error + 5 close
// COUNT: 16
// NOT-NOT: pick__s2 -> pick__s3
// NOT-NOT: pick__s1 -> pick__s4
// NOT-NOT: pick__start -> pick__done
