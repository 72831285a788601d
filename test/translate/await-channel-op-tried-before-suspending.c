// await(yc_chan_send(c, &v)) and await(yc_chan_recv(c, &v), bool) first try
// the operation inline (yc__chan_try_send / _recv) and suspend only when it
// cannot complete at once.  Not when an argument has a side effect (it
// would be evaluated twice) or the value type is not the result type (the
// await's size check reports that).
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
// CHECK: { bool yc_r; if (yc__chan_try_recv(f->in, &f->v, &yc_r)) { f->yc_t{{[0-9]+}} = yc_r; } else { f->yc_sub = (yc_coro *)(yc_chan_recv(f->in, &f->v)); yc_c->state = 1; return yc__delegate(yc_c, f->yc_sub); yc_resume_1:
// CHECK: { int yc_r; if (yc__chan_try_send(f->out, &f->v, &yc_r)) { f->r = yc_r; } else { f->yc_sub = (yc_coro *)(yc_chan_send(f->out, &f->v)); yc_c->state = 2;
// CHECK-NOT: yc__chan_try_send(f->out, &f->buf
// CHECK: f->yc_sub = (yc_coro *)(yc_chan_send(f->out, &f->buf[f->k++])); yc_c->state = 3;
// CHECK-NOT: yc__chan_try_send
// CHECK: f->yc_sub = (yc_coro *)(yc_chan_send(f->out, &f->v)); yc_c->state = 4;
