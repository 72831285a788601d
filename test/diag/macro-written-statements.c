// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
// RUN: not test -e %t.c
// What a macro writes is copied as its invocation.  The translator refuses
// what it would have to change inside one, and says what to write:
// a return from a macro's body (the resume function returns a state), a
// suspension point in a macro's argument (the expansion cannot be split
// around it), one inside a statement expression.  A statement expression
// or a macro without those is fine (the first generator).
#include <assert.h>
#include <yieldc.h>

#define CHECK(c) do { if (!(c)) return; } while (0)
#define ADD1(v) ((v) + 1)
#define TWICE(v) ((v) + (v))
#define LOCKED(stmt) do { stmt; } while (0)

yc_generator(int, int) fine(int n) {
  assert(n > 0);
  int k = ({ int t = n * 2; t + 1; });
  yield(ADD1(k));
  yield(k);
}

yc_generator(int, int) refused(int n) {
  CHECK(n > 0);
  // CHECK-DAG: macro-written-statements.c:[[@LINE-1]]:3: error: a return statement that a macro's body writes in a coroutine function
  // CHECK-DAG: note: write the statement in the function's own text
  int a = ADD1(yield(n, int));
  // CHECK-DAG: macro-written-statements.c:[[@LINE-1]]:16: error: a suspension point inside a macro's expansion (as an argument of a macro)
  // CHECK-DAG: note: evaluate it in a statement of its own before the macro and pass the variable
  int b = TWICE(yield(a, int));
  // CHECK-DAG: macro-written-statements.c:[[@LINE-1]]:17: error: a suspension point inside a macro's expansion
  LOCKED(yield(b));
  // CHECK-DAG: macro-written-statements.c:[[@LINE-1]]:10: error: a suspension point inside a macro's expansion
  int c = ({ int t = yield(b, int); t; });
  // CHECK-DAG: macro-written-statements.c:[[@LINE-1]]:11: error: a suspension point inside a GNU statement expression cannot be resumed
  yield(c);
}
