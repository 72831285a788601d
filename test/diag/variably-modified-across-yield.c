// A variable of variably modified type (a pointer to a VLA, a VLA through
// a typedef) or a typedef of one, in scope at a later suspension point:
// the resume jump would enter its scope, which C forbids, and a frame has a
// fixed size.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
// RUN: not test -e %t.c
#include <yieldc.h>

yc_generator(int) rows(int n, int (*m)[n]) {
  // CHECK: variably-modified-across-yield.c:[[@LINE-1]]:37: error: parameter 'm' of variably modified type 'int (*)[n]' is live across a suspension point
  for (int i = 0; i < n; i++)
    yield(m[i][0]);
}

yc_generator(int) table(int n) {
  typedef int row[n];
  // CHECK: variably-modified-across-yield.c:[[@LINE-1]]:3: error: typedef 'row' of variably modified type 'int[n]' is in scope across a suspension point
  // CHECK-NEXT: {{^}}  typedef int row[n];
  // CHECK-NEXT: {{^}}  ^
  // CHECK-NEXT: note: a frame cannot hold a type whose size is computed at run time: give the array a constant size, or use a pointer to its elements and compute the index
  row r;
  // CHECK: variably-modified-across-yield.c:[[@LINE-1]]:7: error: variable 'r' of variably modified type 'row' is live across a suspension point
  int (*p)[n] = &r;
  // CHECK: variably-modified-across-yield.c:[[@LINE-1]]:9: error: variable 'p' of variably modified type 'int (*)[n]' is live across a suspension point
  int (*q[2])[n] = {p, p};
  // CHECK: variably-modified-across-yield.c:[[@LINE-1]]:9: error: variable 'q' of variably modified type 'int (*[2])[n]' is live across a suspension point
  (*p)[0] = 1;
  yield((*q[0])[0]);
}
