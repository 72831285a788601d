// --emit=dot: an async function with a deadline scope and a yc_try, and a
// generator, in one file: one digraph, a cluster each.  An error at an
// await inside yc_move_on_after(ms) may be the scope's own timeout, which
// the scope swallows (execution goes on after it), or another error,
// which fails the function; in the try block an error goes to the catch.
// The way an arriving error takes is listed even where the normal way
// reaches the same state.
// The picture is well formed: one digraph, braces balanced, every edge's
// ends declared as nodes.
// RUN: %yieldc --emit=dot %s > %t.dot
// RUN: FileCheck %s < %t.dot
// RUN: FileCheck --check-prefix=NOT %s < %t.dot
// RUN: grep -c -- ' -> ' %t.dot | FileCheck --check-prefix=COUNT %s
// RUN: grep -c '^digraph ' %t.dot | FileCheck --check-prefix=ONE %s
// RUN: grep -c '{$' %t.dot > %t.open && grep -c '^ *}$' %t.dot > %t.close && cmp %t.open %t.close
// RUN: sed -n 's/^    \([A-Za-z0-9_]*\) \[label=.*/\1/p' %t.dot | sort -u > %t.nodes
// RUN: sed -n 's/^    \([A-Za-z0-9_]*\) -> \([A-Za-z0-9_]*\).*/\1\n\2/p' %t.dot | sort -u > %t.ends
// RUN: comm -13 %t.nodes %t.ends | count 0
// --emit=dot=FUNC of a name that is no coroutine function of the file is
// an error (status 2, nothing written) that names those it has.
// RUN: not %yieldc --emit=dot=nothere %s > %t.none 2> %t.err
// RUN: count 0 < %t.none
// RUN: FileCheck --check-prefix=ERR %s < %t.err
#include <yieldc.h>

yc_async(int) fetch(yc_chan *c) {
  int v = 0;
  yc_move_on_after(100) {
    await(yc_chan_recv(c, &v), bool);
    await(yc_sleep(5));
  }
  yc_try {
    await(yc_sleep(1));
  } yc_catch (err) {
    yc_return(-1);
  }
  yc_return(v);
}

yc_generator(int) twice(int x) {
  while (1)
    yield(x);
}
// CHECK: subgraph cluster_fetch {
// CHECK-NEXT: label="fetch (async)";
// CHECK-DAG: fetch__s1 [label="state 1: await\nline {{[0-9]+}}: await(yc_chan_recv(c, &v), bool)"];
// CHECK-DAG: fetch__start -> fetch__s1;
// CHECK-DAG: fetch__s1 -> fetch__s2;
// CHECK-DAG: fetch__s1 -> fetch__s3 [label="error, timeout", style=dashed, color=red3];
// CHECK-DAG: fetch__s1 -> fetch__failed [label="error", style=dashed, color=red3];
// CHECK-DAG: fetch__s2 -> fetch__s3 [label="next | error, timeout"];
// CHECK-DAG: fetch__s2 -> fetch__failed [label="error", style=dashed, color=red3];
// CHECK-DAG: fetch__s3 -> fetch__done [label="yc_return | error, catch, yc_return"];
// CHECK-DAG: fetch__start -> fetch__failed [label="error", style=dashed, color=red3];
// CHECK: }
// CHECK: subgraph cluster_twice {
// CHECK-NEXT: label="twice (generator)";
// CHECK-DAG: twice__start -> twice__s1;
// CHECK-DAG: twice__s1 -> twice__s1 [label="loop back"];
// CHECK-DAG: twice__s1 -> twice__failed [label="error", style=dashed, color=red3];
// CHECK: }
// fetch: 8 above + 4 close; twice: 3 above + 1 error + 2 close
// COUNT: 18
// ONE: 1
// ERR: error: --emit=dot=nothere: no coroutine function 'nothere' in '{{.*}}dot-async-deadline.c'
// ERR-NEXT: note: its coroutine functions: fetch, twice
// The await in the try block cannot fail the function (its catch
// returns); while (1) never ends normally.
// NOT-NOT: fetch__s3 -> fetch__failed
// NOT-NOT: twice__s1 -> twice__done
// NOT-NOT: twice__start -> twice__done
