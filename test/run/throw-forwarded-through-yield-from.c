// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: next -> 0
// CHECK-NEXT: next -> 1
// CHECK-NEXT: leaf caught 1 at i=1
// CHECK-NEXT: throw(1) -> 1 100
// CHECK-NEXT: next -> 101
// CHECK-NEXT: leaf re-raises 2
// CHECK-NEXT: cleanup leaf
// CHECK-NEXT: cleanup middle
// CHECK-NEXT: top caught 2
// CHECK-NEXT: throw(2) -> 1 -2
// CHECK-NEXT: next -> 999
// CHECK-NEXT: error=0
// CHECK-NOT: {{.}}
/* yc_throw on a generator suspended in yield_from raises the code in the
 * innermost delegate (two levels down): if it catches, its next value
 * comes back out; if it does not, its cleanup runs and the error arrives
 * at the yield_from in the delegator, whose catch handles it. */
#include <stdio.h>

#include <yieldc.h>

static void release(const char **s) { printf("cleanup %s\n", *s); }

yc_generator(int) leaf(void) {
  const char *held __attribute__((cleanup(release))) = "leaf";
  int i = 0;
  for (;;) {
    yc_try {
      yield(i);
      i++;
    } yc_catch (err) {
      if (err != 1) {
        printf("leaf re-raises %d\n", err);
        yc_raise(err);
      }
      printf("leaf caught %d at i=%d\n", err, i);
      i = 100;
    }
  }
}

yc_generator(int) middle(void) {
  const char *held __attribute__((cleanup(release))) = "middle";
  yield_from(leaf());
  printf("%s not reached\n", held);
}

yc_generator(int) top(void) {
  yc_try {
    yield_from(middle());
  } yc_catch (err) {
    printf("top caught %d\n", err);
    yield(-err);
  }
  yield(999);
}

int main(void) {
  yc_gen *g = top();
  int v;
  yc_next(g, &v);
  printf("next -> %d\n", v);
  yc_next(g, &v);
  printf("next -> %d\n", v);
  bool ok = yc_throw(g, 1, &v);
  printf("throw(1) -> %d %d\n", ok, v);
  yc_next(g, &v);
  printf("next -> %d\n", v);
  ok = yc_throw(g, 2, &v);
  printf("throw(2) -> %d %d\n", ok, v);
  while (yc_next(g, &v))
    printf("next -> %d\n", v);
  printf("error=%d\n", yc_error(g));
  yc_free(g);
  return 0;
}
