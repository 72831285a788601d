// --emit=dot: for and while loops with break and continue.  The loop back
// from the end of a body, a continue that skips the rest of it, a break out
// of it and the condition's exit each give their own edge and label; an
// edge may be taken in two ways (a | b: the simplest ways, shorter first).
// RUN: %yieldc --emit=dot %s > %t.dot
// RUN: FileCheck %s < %t.dot
// RUN: FileCheck --check-prefix=NOT %s < %t.dot
// RUN: grep -c -- ' -> ' %t.dot | FileCheck --check-prefix=COUNT %s
#include <yieldc.h>

yc_generator(int) scan(int n) {
  for (int i = 0; i < n; i++) {
    if (i % 3 == 0)
      continue;
    yield(i);
    if (i > 10)
      break;
  }
  while (n > 0) {
    yield(n);
    n--;
    if (n == 5)
      continue;
    if (n == 2)
      break;
    yield(-n);
  }
  yield(0);
}
// CHECK-DAG: scan__s1 [label="state 1: yield\nline 15: yield(i)"];
// CHECK-DAG: scan__s2 [label="state 2: yield\nline 20: yield(n)"];
// CHECK-DAG: scan__s3 [label="state 3: yield\nline 26: yield(-n)"];
// CHECK-DAG: scan__s4 [label="state 4: yield\nline 28: yield(0)"];
// CHECK-DAG: scan__start -> scan__s1 [label="else (i % 3 == 0)"];
// CHECK-DAG: scan__start -> scan__s2 [label="loop exit"];
// CHECK-DAG: scan__start -> scan__s4 [label="loop exit"];
// CHECK-DAG: scan__s1 -> scan__s1 [label="else (i > 10), loop back, else (i % 3 == 0)"];
// CHECK-DAG: scan__s1 -> scan__s2 [label="if (i > 10), break | else (i > 10), loop exit"];
// CHECK-DAG: scan__s1 -> scan__s4 [label="else (i > 10), loop exit | if (i > 10), break, loop exit"];
// CHECK-DAG: scan__s2 -> scan__s2 [label="if (n == 5), continue"];
// CHECK-DAG: scan__s2 -> scan__s3 [label="else (n == 5), else (n == 2)"];
// CHECK-DAG: scan__s2 -> scan__s4 [label="if (n == 5), continue, loop exit | else (n == 5), if (n == 2), break"];
// CHECK-DAG: scan__s3 -> scan__s2 [label="loop back"];
// CHECK-DAG: scan__s3 -> scan__s4 [label="loop exit"];
// CHECK-DAG: scan__s4 -> scan__done;
// 12 above + 5 error + 5 close
// COUNT: 22
// The second loop's states are not reached again from it, nor is the
// first loop's from the second, nor the end but through yield(0).
// NOT-NOT: scan__s2 -> scan__s1
// NOT-NOT: scan__s3 -> scan__s1
// NOT-NOT: scan__s3 -> scan__s3
// NOT-NOT: scan__s1 -> scan__s3
// NOT-NOT: scan__s1 -> scan__done
// NOT-NOT: scan__s2 -> scan__done
