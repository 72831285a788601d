// --emit=dot: a switch.  Each case label is an entry from before the
// switch ("case V", "default"; two labels of one statement: both), a case
// that does not break falls through into the next one, a break leaves the
// switch, and without a default the switch may run no case at all.
// --emit=dot=FUNC draws that function only.
// RUN: %yieldc --emit=dot=sw %s > %t.dot
// RUN: FileCheck %s < %t.dot
// RUN: FileCheck --check-prefix=NOT %s < %t.dot
// RUN: grep -c -- ' -> ' %t.dot | FileCheck --check-prefix=COUNT %s
// RUN: %yieldc --emit=dot=nodefault %s > %t2.dot
// RUN: FileCheck --check-prefix=NODEF %s < %t2.dot
// RUN: grep -c -- ' -> ' %t2.dot | FileCheck --check-prefix=COUNT2 %s
#include <yieldc.h>

yc_generator(int) sw(int k) {
  switch (k) {
  case 0:
    yield(10);
  case 1:
    yield(11);
    break;
  case 2:
  case 3:
    yield(12);
  default:
    yield(13);
  }
  yield(14);
}

yc_generator(int) nodefault(int k) {
  switch (k) {
  case 'a':
    yield(1);
    break;
  }
  yield(2);
}
// CHECK: subgraph cluster_sw {
// CHECK-DAG: sw__start -> sw__s1 [label="case 0"];
// CHECK-DAG: sw__start -> sw__s2 [label="case 1"];
// CHECK-DAG: sw__start -> sw__s3 [label="case 2 | case 3"];
// CHECK-DAG: sw__start -> sw__s4 [label="default"];
// CHECK-DAG: sw__s1 -> sw__s2 [label="fallthrough"];
// CHECK-DAG: sw__s2 -> sw__s5 [label="break"];
// CHECK-DAG: sw__s3 -> sw__s4 [label="fallthrough"];
// CHECK-DAG: sw__s4 -> sw__s5;
// CHECK-DAG: sw__s5 -> sw__done;
// 9 above + 6 error + 6 close
// COUNT: 21
// With a default, some case runs: yield(14) is not reached directly.
// NOT-NOT: sw__start -> sw__s5
// NOT-NOT: sw__s1 -> sw__s3
// NOT-NOT: sw__s2 -> sw__s3
// NOT-NOT: sw__s2 -> sw__s4
// NOT-NOT: sw__s3 -> sw__s5
// NOT-NOT: nodefault
// NODEF-NOT: cluster_sw
// NODEF: subgraph cluster_nodefault {
// NODEF-DAG: nodefault__start -> nodefault__s1 [label="case 'a'"];
// NODEF-DAG: nodefault__start -> nodefault__s2 [label="no case"];
// NODEF-DAG: nodefault__s1 -> nodefault__s2 [label="break"];
// NODEF-DAG: nodefault__s2 -> nodefault__done;
// 4 above + 3 error + 3 close
// COUNT2: 10
