// What C assigns to Y without a cast is yielded as C converts it:
// arithmetic conversions, a null pointer constant to a pointer, void * to
// and from object pointers, added qualifiers, a pointer to _Bool, a
// function to a function pointer, a typedef of the same struct.
// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
#include <stdbool.h>
#include <stdio.h>
#include <yieldc.h>

typedef struct point { int x, y; } point;
enum colour { RED, GREEN };
static int inc(int x) { return x + 1; }

yc_generator(double) numbers(enum colour c, char ch, float f) {
  yield(c);
  yield(ch);
  yield(3);
  yield(f);
  yield(5L);
}
yc_generator(const char *) strings(char *p, void *v) {
  yield(p);
  yield(v);
  yield(0);
  yield(NULL);
  yield("lit");
}
yc_generator(bool) flags(int *p) { yield(p); }
yc_generator(int (*)(int)) funcs(void) {
  yield(inc);
  yield(&inc);
}
yc_generator(struct point) points(point p) { yield(p); }

int main(void) {
  char buf[] = "buf";
  float f = 4.5f;
  yc_foreach (double d, numbers(GREEN, 'A', f))
    printf("%g ", d);
  printf("\n");
  yc_foreach (const char *s, strings(buf, buf))
    printf("%s ", s ? s : "(null)");
  printf("\n");
  int i;
  yc_foreach (bool b, flags(&i))
    printf("%d\n", b);
  yc_foreach (int (*fn)(int), funcs())
    printf("%d\n", fn(1));
  yc_foreach (struct point p, points((point){1, 2}))
    printf("%d,%d\n", p.x, p.y);
}
// CHECK: 1 65 3 4.5 5
// CHECK-NEXT: buf buf (null) (null) lit
// CHECK-NEXT: 1
// CHECK-NEXT: 2
// CHECK-NEXT: 2
// CHECK-NEXT: 1,2
