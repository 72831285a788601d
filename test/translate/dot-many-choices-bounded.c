// --emit=dot on a body whose choices multiply (forty ifs in a row, each
// branch with a return): the search keeps a bounded number of ways per
// point, so the picture comes at once, with every edge and real labels.
// RUN: { echo '#include <yieldc.h>'; echo 'yc_generator(int) p(int *a, int b, int c) {'; echo '  yield(0);'; i=0; while [ $i -lt 40 ]; do echo "  if (a[$i]) { if (b) return; } else { if (c) return; }"; i=$((i+1)); done; echo '  yield(1);'; echo '}'; } > %t.c
// RUN: %yieldc --emit=dot %t.c > %t.dot
// RUN: FileCheck %s < %t.dot
// RUN: grep -c -- ' -> ' %t.dot | FileCheck --check-prefix=COUNT %s
// CHECK-DAG: p__start -> p__s1;
// CHECK-DAG: p__s1 -> p__s2 [label="{{(if|else) \(a\[0\]\)}}, {{.*}}, {{(if|else) \(a\[39\]\)}}{{.*}}"];
// CHECK-DAG: p__s1 -> p__done [label="if (a[0]), if (b), return | else (a[0]), if (c), return | {{.*}}"];
// CHECK-DAG: p__s2 -> p__done;
// 4 above + 3 error + 3 close
// COUNT: 10
