// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 1
// CHECK-NEXT: 1
// CHECK-NEXT: 2
// CHECK-NEXT: 1
// CHECK-NEXT: 1
// CHECK-NEXT: 1
// CHECK-NEXT: 701
// CHECK-NEXT: 314
// CHECK-NEXT: 6
// CHECK-NEXT: 199
// CHECK-NEXT: 1
// CHECK-NEXT: 19
// CHECK-NEXT: 3 4
// CHECK-NOT: {{.}}
/* Qualifiers and alignment of locals and parameters keep C's meaning
 * across yields: a struct with a const member as a local and as a
 * by-value parameter (initialised, never assigned), _Generic on the
 * address of a const local and of a const parameter (const int *: 1),
 * _Alignas(64) and alignas(32) locals still aligned after resuming, and
 * a volatile local. */
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>

#include <yieldc.h>

struct config {
  const int id;
  int hits;
};

#define KIND(p) _Generic((p), const int *: 1, int *: 2, default: 3)

yc_generator(int) qualified(const int c, struct config byval) {
  struct config local = {7, 0};
  const int k = c + 1;
  int plain = 0;
  volatile int v = 5;
  _Alignas(64) char buf[64];
  alignas(32) int words[4] = {1, 2, 3, 4};
  buf[0] = 'a';
  yield(KIND(&c));
  yield(KIND(&k));
  yield(KIND(&plain));
  yield(KIND(&local.id));
  yield((uintptr_t)buf % 64 == 0);
  yield((uintptr_t)words % 32 == 0);
  local.hits++;
  byval.hits += 10;
  yield(local.id * 100 + local.hits);
  yield(byval.id * 100 + byval.hits);
  v += 1;
  yield(v);
  buf[1] = 'b';
  yield(buf[0] + buf[1] + words[3]);
  yield((uintptr_t)buf % 64 == 0 && (uintptr_t)words % 32 == 0);
  yield(c + k + plain);
}

int main(void) {
  struct config cfg = {3, 4};
  yc_foreach (int v, qualified(9, cfg))
    printf("%d\n", v);
  printf("%d %d\n", cfg.id, cfg.hits);
  return 0;
}
