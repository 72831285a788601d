// --emit=dot: a yc_try in a loop, whose catch block breaks out of the loop
// or raises again (issue 16's example).  An error arriving at the yield in
// the try block goes to the catch: from there a break reaches the yield
// after the loop and a yc_raise fails the generator; the yield after the
// try block is outside it, so an error there fails the generator, and it
// never reaches the loop's end (for (;;) has no exit).
// RUN: %yieldc --emit=dot %s > %t.dot
// RUN: FileCheck %s < %t.dot
// RUN: FileCheck --check-prefix=NOT %s < %t.dot
// RUN: grep -c -- ' -> ' %t.dot | FileCheck --check-prefix=COUNT %s
#include <yieldc.h>

yc_generator(int) counter(void) {
  for (;;) {
    yc_try {
      yield(1);
    } yc_catch (err) {
      if (err == 1)
        break;
      yc_raise(err);
    }
    yield(2);
  }
  yield(3);
}
// CHECK-DAG: counter__s1 [label="state 1: yield\nline 16: yield(1)"];
// CHECK-DAG: counter__s2 [label="state 2: yield\nline 22: yield(2)"];
// CHECK-DAG: counter__s3 [label="state 3: yield\nline 24: yield(3)"];
// CHECK-DAG: counter__start -> counter__s1;
// CHECK-DAG: counter__s1 -> counter__s2;
// CHECK-DAG: counter__s1 -> counter__s3 [label="error, catch, if (err == 1), break", style=dashed, color=red3];
// CHECK-DAG: counter__s1 -> counter__failed [label="error, catch, else (err == 1), yc_raise", style=dashed, color=red3];
// CHECK-DAG: counter__s2 -> counter__s1 [label="loop back"];
// CHECK-DAG: counter__s2 -> counter__failed [label="error", style=dashed, color=red3];
// CHECK-DAG: counter__s3 -> counter__done;
// CHECK-DAG: counter__s3 -> counter__failed [label="error", style=dashed, color=red3];
// CHECK-DAG: counter__start -> counter__failed [label="error", style=dashed, color=red3];
// 9 above + 4 close
// COUNT: 13
// NOT-NOT: counter__s2 -> counter__s3
// NOT-NOT: counter__s2 -> counter__s2
// NOT-NOT: counter__s1 -> counter__s1
// NOT-NOT: counter__s1 -> counter__done
// NOT-NOT: counter__start -> counter__s3
