/* The consumer shared by the expr-* tests (twin: twins/drive.py): next,
 * then send 100, 200, ...; prints what is yielded and the return value. */
#include <stdio.h>
#include <yieldc.h>

static void drive(yc_gen *g) {
  int out, in = 100;
  bool ok = yc_next(g, &out);
  while (ok) {
    printf("yielded %d\n", out);
    ok = yc_send(g, &in, &out);
    in += 100;
  }
  int r;
  if (yc_result(g, &r)) printf("result %d\n", r);
  if (yc_error(g)) printf("error %d\n", yc_error(g));
  yc_free(g);
}
