/* yieldc.h turns -Wreturn-type off only from the first coroutine function
 * on (issue 18): a plain function that falls off its end still gets the
 * warning from clang (and the build's compiler, gcc or clang) in a file that includes yieldc.h, above a
 * coroutine function or in a file without one; the coroutine function's
 * `return;` and fall-off, which are right in the authoring view, get none.
 *
 * RUN: clang -std=gnu11 -Wall -fsyntax-only -I%include %s 2>&1 | FileCheck %s
 * RUN: clang -std=gnu11 -Wall -fsyntax-only -I%include -DNO_COROUTINE %s 2>&1 | FileCheck %s
 * RUN: %compiler -std=gnu11 -Wall -c -o /dev/null -I%include -DNO_COROUTINE %s 2>&1 | FileCheck --check-prefix=CC %s
 * CHECK: header-return-type.c:[[@LINE+6]]:{{[0-9]+}}: warning: non-void function does not return a value in all control paths [-Wreturn-type]
 * CHECK-NOT: warning:
 * CHECK-NOT: error:
 * CC: header-return-type.c:[[@LINE+3]]:{{[0-9]+}}: warning: {{control reaches end of non-void function|non-void function does not return a value}}
 */
#include <yieldc.h>
int plain(int x) { if (x) return 1; }

#ifndef NO_COROUTINE
yc_generator(int) numbers(int n) {
  if (n < 0)
    return;
  for (int i = 0; i < n; i++)
    yield(i);
}
#endif
