// await(yc_chan_send(c, &v)) and await(yc_chan_recv(c, &v), bool) first try
// the operation inline (yc__chan_send_or_park / _recv_or_park) and suspend only when it
// cannot complete at once, and then park in the frame's wait record.  Not
// when an argument has a side effect (it would be evaluated twice) or the
// value type is not the result type (the await's size check reports that).
// RUN: %yieldc %s -o %t.c
// RUN: grep -v '^//' %t.c | FileCheck %s
// RUN: %cc -c %t.c -o %t.o
#include <yieldc.h>

yc_async(int) pump(yc_chan *in, yc_chan *out) {
  int v, k = 0, buf[2];
  while (await(yc_chan_recv(in, &v), bool)) {
    int r = await(yc_chan_send(out, &v), int);
    if (r)
      yc_return(r);
    await(yc_chan_send(out, &buf[k++]));
    long wrong = await(yc_chan_send(out, &v), long);
    (void)wrong;
  }
  yc_return(0);
}
// The locals v and buf have their addresses taken: they live in the frame.
// When the try fails the task parks in the frame's wait record (no
// operation frame); only when that is refused does it await the operation.
// Both ways resume at the same state.
// CHECK: struct pump__frame {
// CHECK: yc__wait yc__w;
// CHECK: { bool yc__r; int yc__k = yc__chan_recv_or_park(in, &f->v, &yc__r, &f->yc__w); if (yc__k > 0) { yc__t{{[0-9]+}} = yc__r; } else { if (__builtin_expect(yc__k == 0, 1)) { f->yc__sub = NULL; YC__SAVE(f->k, k); yc__c->state = 1; return YC__PENDING; } f->yc__sub = (yc_coro *)(yc_chan_recv(in, &f->v)); YC__SAVE(f->k, k); yc__c->state = 1; return yc__delegate(yc__c, f->yc__sub); yc_resume_1:
// CHECK-SAME: if (__builtin_expect(!f->yc__sub, 1)) { yc__t{{[0-9]+}} = yc__wait_result(&f->yc__w); } else {
// CHECK: { int yc__r; int yc__k = yc__chan_send_or_park(out, &f->v, &yc__r, &f->yc__w); if (yc__k > 0) { yc__t{{[0-9]+}} = yc__r; } else { if (__builtin_expect(yc__k == 0, 1)) { f->yc__sub = NULL; YC__SAVE(f->k, k); yc__c->state = 2; return YC__PENDING; } f->yc__sub = (yc_coro *)(yc_chan_send(out, &f->v)); YC__SAVE(f->k, k); yc__c->state = 2;
// CHECK-NOT: yc__chan_send_or_park(out, &f->buf
// CHECK: f->yc__sub = (yc_coro *)(yc_chan_send(out, &f->buf[k++])); YC__SAVE(f->k, k); yc__c->state = 3;
// CHECK-NOT: yc__chan_send_or_park
// CHECK: f->yc__sub = (yc_coro *)(yc_chan_send(out, &f->v)); YC__SAVE(f->k, k); yc__c->state = 4;
// A throw or close at a parked wait: yc__wait_steer decides; at a plain
// delegation the sub is freed.
// CHECK: yc_steer_1:
// CHECK: if (!f->yc__sub) { if (yc__wait_steer(yc__c, &f->yc__w)) { yc__c->error = 0; goto yc_resume_1; } } else { yc__free(f->yc__sub); f->yc__sub = NULL; }
// CHECK: yc_unwind_1:
// CHECK: yc_steer_3:
// CHECK-NOT: yc__wait_steer
// CHECK: yc__free(f->yc__sub); f->yc__sub = NULL;
// CHECK-NOT: yc__wait_steer
// CHECK: yc_unwind_3:
