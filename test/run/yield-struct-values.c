// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: walk (0,0)
// CHECK-NEXT: Aalk (1,2)
// CHECK-NEXT: Balk (4,-2)
// CHECK-NEXT: Calk (-6,-2)
// CHECK-NEXT: end (-1,-1)
// CHECK-NEXT: more: 0
// CHECK-NOT: {{.}}
/* Y is a struct (with an array member); S is a struct; yields of struct
 * locals and compound literals; the consumer receives whole values. */
#include <stdio.h>
#include <string.h>

#include <yieldc.h>

struct point {
  int x, y;
  char tag[8];
};

struct move {
  int dx, dy;
};

yc_generator(struct point, struct move) walker(const char *name) {
  struct point p = {0, 0, ""};
  strncpy(p.tag, name, sizeof p.tag - 1);
  for (int step = 0; step < 4; step++) {
    struct move m = yield(p, struct move);
    p.x += m.dx;
    p.y += m.dy;
    p.tag[0] = (char)('A' + step);
  }
  yield(((struct point){-1, -1, "end"}));
}

int main(void) {
  yc_gen *g = walker("walk");
  struct point p;
  yc_next(g, &p);
  printf("%s (%d,%d)\n", p.tag, p.x, p.y);
  struct move moves[] = {{1, 2}, {3, -4}, {-10, 0}, {0, 7}};
  for (int i = 0; i < 4; i++) {
    if (!yc_send(g, &moves[i], &p))
      printf("send failed\n");
    printf("%s (%d,%d)\n", p.tag, p.x, p.y);
  }
  printf("more: %d\n", yc_next(g, &p));
  yc_free(g);
  return 0;
}
