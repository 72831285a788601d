// A deadline scope lowers to a scope record in the frame, entered before
// the statement, left on every way out (its end, break, return, and a close
// at a suspension point inside), and a catch where an error unwinding out
// of the statement meets yc__deadline_catch.  The authoring view is valid C
// for clang (-Wall -Wextra, C11 -pedantic too), and so is the translation.
// RUN: %clang-syntax %s
// RUN: %clang-syntax -std=c11 -pedantic %s
// RUN: %yieldc %s -o %t.c
// RUN: grep -v '^//' %t.c | FileCheck %s
// RUN: %cc -c %t.c -o %t.o
#include <yieldc.h>

yc_async(int) scoped(yc_chan *c, int ms) {
  int v = 0;
  bool expired = false;
  for (int i = 0; i < 3; i++) {
    yc_move_on_after(ms, &expired) {
      if (i == 1)
        break;
      if (i == 2)
        yc_return(-1);
      await(yc_chan_recv(c, &v), bool);
    }
  }
  yc_fail_after(ms * 2)
    await(yc_sleep(1));
  yc_return(v + expired);
}
// CHECK: struct scoped__frame {
// CHECK: yc__deadline yc__dl1;
// CHECK: yc__deadline yc__dl2;
// CHECK: yc__deadline_enter(&f->yc__dl1, (ms), 0, (&f->expired));
// CHECK: { yc__deadline_leave(&f->yc__dl1); break; }
// CHECK: yc__deadline_leave(&f->yc__dl1); yc__c->state = -1; return YC__RETURN; }
// CHECK: yc__deadline_leave(&f->yc__dl1); if (0) { yc_restore_1:
// CHECK: yc_catch_1: __attribute__((unused)); yc__c->error = yc__deadline_catch(&f->yc__dl1, yc__c->error); if (yc__c->error) { goto yc_fail; }
// CHECK: yc__deadline_enter(&f->yc__dl2, (ms * 2), 1, ((bool *)0));
// CHECK: yc_catch_2:
// A close at the recv inside the first scope leaves it:
// CHECK: yc_unwind_1: __attribute__((unused));
// CHECK: if (yc__c->flags & YC__F_CLOSE) { yc__deadline_leave(&f->yc__dl1); goto yc_fail; }
