// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
// RUN: not test -e %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck --check-prefix=COUNT %s
// COUNT-NOT: 'count'
// A local whose address is taken lives in the frame (a pointer to it may
// be used after the function resumes): its uses are rewritten, and a use
// inside a macro's body cannot be.  A local of a type without a name
// declared in the body cannot have a typed frame field.  A local that
// stays a C local can be used in any macro (count).  One used in a
// macro's argument is rewritten there, which a macro that stringizes the
// argument would print: refused too.
#include <yieldc.h>

void keep(int *p);
#define BUMP() (total++)
#define COUNT() (count++)
#define SHOW(x) printf("%s=%d\n", #x, x)
int printf(const char *, ...);

yc_generator(int) g(void) {
  int total = 0, count = 0;
  keep(&total);
  yield(total);
  BUMP();
  // CHECK-DAG: resident-local-in-macro-body.c:[[@LINE-1]]:3: error: 'total' lives in the coroutine's frame (its address is taken, it is an array or it has a cleanup) and is used inside a macro's body
  // CHECK-DAG: note: pass the variable to the macro as an argument
  COUNT();
  yield(count);
  struct { int x; } anon = {1};
  keep(&anon.x);
  // CHECK-DAG: resident-local-in-macro-body.c:[[@LINE-2]]:21: error: 'anon', of a type without a name declared in the function, lives in the frame
  // CHECK-DAG: note: give the type a tag or a typedef name
  yield(anon.x);
  SHOW(total);
  // CHECK-DAG: resident-local-in-macro-body.c:[[@LINE-1]]:8: error: 'total' lives in the coroutine's frame (its address is taken, it is an array or it has a cleanup) and a macro stringizes the argument that names it
  // CHECK-DAG: note: pass a copy in a C local of its own to the macro
  SHOW(count);
}
