// A value form's T that is not the type it must be, however it is spelled:
// the message shows what a typedef stands for.  The R of a coroutine
// declared in a header is known too.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c -- -I%S/Inputs 2>&1 | FileCheck %s
// RUN: not test -e %t.c
#include <yieldc.h>

#include "header_coroutines.h"

typedef const char *str;
typedef long my_long;
typedef int (*op_fn)(int);

yc_generator(int, str) names(void) {
  char *s = yield(0, char *);
  (void)s;
}
// CHECK: value-type-mismatch-through-typedef.c:[[@LINE-3]]:22: error: yield's value type 'char *' is not the generator's send type 'str' (aka 'const char *')
// CHECK-NEXT: {{^}}  char *s = yield(0, char *);
// CHECK-NEXT: {{^}}                     ^
// CHECK-NEXT: note: write yield(v, str): the send type of names is str

yc_generator(int, void, my_long) total(void) { yc_return(1); }
yc_generator(int, void, op_fn) op(void) { yc_return(0); }
yc_async(void) job(void) { yc_return(); }

yc_generator(int) user(void) {
  int a = yield_from(total(), int);
  // CHECK: value-type-mismatch-through-typedef.c:[[@LINE-1]]:31: error: yield_from's value type 'int' is not the return type 'my_long' (aka 'long') of total
  // CHECK: note: write yield_from(total(...), my_long)
  int (*f)(long) = yield_from(op(), int (*)(long));
  // CHECK: value-type-mismatch-through-typedef.c:[[@LINE-1]]:37: error: yield_from's value type 'int (*)(long)' is not the return type 'op_fn' (aka 'int (*)(int)') of op
  int b = yield_from(header_total(), int);
  // CHECK: value-type-mismatch-through-typedef.c:[[@LINE-1]]:38: error: yield_from's value type 'int' is not the return type 'long' of header_total
  // CHECK: note: write yield_from(header_total(...), long)
  (void)a, (void)f, (void)b;
}

yc_async(int) waiter(void) {
  int r = await(job(), int);
  // CHECK: value-type-mismatch-through-typedef.c:[[@LINE-1]]:24: error: await's value type 'int' is not the return type 'void' of job
  // CHECK: note: job returns no value: use the statement form
  yc_return(r);
}
