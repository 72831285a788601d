// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
#include <setjmp.h>
#include <yieldc.h>

yc_generator(int) jumpy(void) {
  jmp_buf env;
  if (setjmp(env) == 0) yield(1);
  longjmp(env, 1);
}
// CHECK: setjmp-in-coroutine.c:[[@LINE-3]]:7: error: {{_?}}setjmp cannot be used in a coroutine function
// CHECK: note: {{.*}}yc_raise(code)
// CHECK: setjmp-in-coroutine.c:[[@LINE-4]]:3: error: longjmp cannot be used in a coroutine function
