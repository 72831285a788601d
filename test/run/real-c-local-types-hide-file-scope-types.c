// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 4
// CHECK-NEXT: 28
// CHECK-NEXT: global 2.5
// CHECK-NEXT: 24
// CHECK-NEXT: 7
// CHECK-NEXT: 35
// CHECK-NEXT: 15
// CHECK-NEXT: global 100
// CHECK-NOT: {{.}}
/* Types declared in a generator body that hide file-scope ones of the same
 * name, with values of both live across yields: a local struct item that
 * is a different type from the file-scope struct item (a pointer to the
 * outer one is declared before the inner tag and used after it), a local
 * typedef pair that hides the file-scope typedef pair, and a local enum
 * whose constant RED hides a file-scope RED. */
#include <stdio.h>

#include <yieldc.h>

struct item {
  const char *label;
  double weight;
};
typedef double pair;
enum { RED = 100 };

static struct item global_item = {"global", 2.5};

yc_generator(int) inventory(int base) {
  struct item *outer = &global_item;
  struct item {
    int id, qty;
  };
  struct item it = {base, 2};
  yield(it.id);
  it.qty *= 10;
  yield(it.qty + (int)sizeof(struct item));
  printf("%s %.1f\n", outer->label, outer->weight);
  struct item copy = it;
  yield(copy.id + copy.qty);
}

yc_generator(int) typedefs(int n) {
  pair outside = 0.5;
  typedef struct {
    int lo, hi;
  } pair;
  enum color { RED = 3, GREEN = 5, BLUE = 7 };
  enum color c = GREEN;
  pair p = {n, n * 2};
  yield(p.lo + c);
  c = BLUE;
  p.hi++;
  yield(p.hi * c);
  pair q = p;
  yield(q.lo + q.hi + RED + (int)(outside * 10));
}

int main(void) {
  yc_foreach (int v, inventory(4))
    printf("%d\n", v);
  yc_foreach (int v, typedefs(2))
    printf("%d\n", v);
  printf("%s %d\n", global_item.label, RED);
  return 0;
}
