// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: close during the initialiser
// CHECK-NEXT: throw during the initialiser
// CHECK-NEXT: throw -> 0, error 7
// CHECK-NEXT: cleanup 500
// CHECK-NEXT: close during the second initialiser
// CHECK-NOT: {{.}}
/* A cleanup local whose initialiser suspends exists only once the
 * initialiser has finished: a close or throw arriving inside it runs no
 * cleanup (Python: the try/finally had not started). */
#include <stdio.h>
#include <yieldc.h>

static void show(int *x) { printf("cleanup %d\n", *x); }

yc_generator(int, int) g(void) {
  int x __attribute__((cleanup(show))) = 100 + yield(1, int);
  printf("initialised %d\n", x);
  yield(2);
}

yc_generator(int, int) h(void) {
  for (int j = 0; j < 2; j++) {
    int x __attribute__((cleanup(show))) = 100 * yield(j, int);
    (void)x;
  }
}

int main(void) {
  int v, s = 5;
  yc_gen *a = g();
  yc_next(a, &v);
  printf("close during the initialiser\n");
  yc_close(a);
  yc_free(a);
  a = g();
  yc_next(a, &v);
  printf("throw during the initialiser\n");
  bool caught = yc_throw(a, 7, &v);
  printf("throw -> %d, error %d\n", caught, yc_error(a));
  yc_free(a);
  a = h();
  yc_next(a, &v);
  yc_send(a, &s, &v);
  printf("close during the second initialiser\n");
  yc_close(a);
  yc_free(a);
  return 0;
}
