// dot -Tsvg draws every coroutine of a file (one digraph, a cluster each),
// and --emit=dot=FUNC one of them.
// REQUIRES: dot
// RUN: %yieldc --emit=dot %S/dot-async-deadline.c | dot -Tsvg > %t.svg
// RUN: FileCheck %s < %t.svg
// RUN: %yieldc --emit=dot=twice %S/dot-async-deadline.c | dot -Tsvg | FileCheck --check-prefix=ONE %s
// CHECK-DAG: <title>cluster_fetch</title>
// CHECK-DAG: <title>cluster_twice</title>
// CHECK-DAG: <title>fetch__s1&#45;&gt;fetch__s3</title>
// ONE: <title>cluster_twice</title>
// ONE-NOT: cluster_fetch
