// --emit=dot: a literal condition is the one condition evaluated.  In
// do { ... } while (0) the body never runs again (a continue leaves it),
// while (1) has no exit, the body of if (0) is entered only by its label.
// RUN: %yieldc --emit=dot %s > %t.dot
// RUN: FileCheck %s < %t.dot
// RUN: FileCheck --check-prefix=NOT %s < %t.dot
// RUN: grep -c -- ' -> ' %t.dot | FileCheck --check-prefix=COUNT %s
#include <yieldc.h>

yc_generator(int) consts(int n) {
  do {
    yield(1);
    if (n)
      continue;
    yield(2);
  } while (0);
  while (1) {
    yield(3);
    if (n-- > 0)
      goto skip;
    if (0) {
    skip:
      yield(4);
      break;
    }
  }
}
// CHECK-DAG: consts__start -> consts__s1;
// CHECK-DAG: consts__s1 -> consts__s2 [label="else (n)"];
// CHECK-DAG: consts__s1 -> consts__s3 [label="if (n), continue"];
// CHECK-DAG: consts__s2 -> consts__s3;
// CHECK-DAG: consts__s3 -> consts__s3 [label="else (n-- > 0), loop back"];
// CHECK-DAG: consts__s3 -> consts__s4 [label="if (n-- > 0), goto skip"];
// CHECK-DAG: consts__s4 -> consts__done [label="break"];
// 7 above + 5 error + 5 close
// COUNT: 17
// NOT-NOT: consts__s2 -> consts__s1
// NOT-NOT: consts__s1 -> consts__s1
// NOT-NOT: consts__s3 -> consts__done
