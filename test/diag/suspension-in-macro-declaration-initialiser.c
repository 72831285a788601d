// A suspension point in a macro argument that the macro's body uses as a
// declaration's initialiser (the assert-style CHECK macro of many code
// bases) is refused like any suspension point inside a macro's expansion,
// not left untranslated in the output (which then failed to compile or
// link).
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
// RUN: not test -e %t.c
#include <yieldc.h>

yc_chan *jobs;
#define CHECKED(x) do { int rc_ = (x); (void)rc_; } while (0)
#define DECLARE_GOT(x) bool got_ = (x)

yc_async(int) producer(yc_chan *ch) {
  int v = 1;
  CHECKED(await(yc_chan_send(ch, &v), int));
// CHECK: suspension-in-macro-declaration-initialiser.c:[[@LINE-1]]:11: error: a suspension point inside a macro's expansion (as an argument of a macro)
// CHECK-NEXT: CHECKED(await(yc_chan_send(ch, &v), int));
// CHECK: note: evaluate it in a statement of its own before the macro and pass the variable
  DECLARE_GOT(await(yc_chan_recv(jobs, &v), bool));
// CHECK: suspension-in-macro-declaration-initialiser.c:[[@LINE-1]]:15: error: a suspension point inside a macro's expansion (as an argument of a macro)
  (void)got_;
  yc_return(v);
}
