// The type named by yield_from(g, T) / await(a, T) must be the return type
// of the coroutine called, when its declaration is in sight.
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
#include <yieldc.h>

yc_generator(int, void, const char *) child(void);
yc_async(long) fetch(void);

yc_generator(int) parent(void) {
  int n = yield_from(child(), int);
  (void)n;
}
yc_async(int) user(void) {
  int v = await(fetch(), int);
  yc_return(v);
}
// CHECK: yield-from-type-mismatch.c:10:31: error: yield_from's value type 'int' is not the return type 'const char *' of child
// CHECK: note: write yield_from(child(...), const char *)
// CHECK: yield-from-type-mismatch.c:14:26: error: await's value type 'int' is not the return type 'long' of fetch
