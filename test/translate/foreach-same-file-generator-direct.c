// yc_foreach over a direct call of a generator defined earlier in the file
// resumes it directly (the compiler can inline the small resume function);
// one declared here and defined in another file is resumed through its
// exported resume function, declared weak (a program without that
// definition still links and takes the generic path).
// RUN: %yieldc %s -o %t.c
// RUN: grep -v '^//' %t.c | FileCheck %s
// RUN: %cc -c %t.c -o %t.o
#include <stdio.h>
#include <yieldc.h>

yc_generator(int) here(int n) {
  for (int i = 0; i < n; i++) yield(i);
}
yc_generator(int) elsewhere(int n);

int main(void) {
  yc_foreach (int v, here(3)) printf("%d\n", v);
  yc_foreach (int w, elsewhere(3)) printf("%d\n", w);
  return 0;
}
// CHECK: #include <yieldc/coro.h>
// CHECK-NEXT: extern const yc__coro_type elsewhere__type YC__WEAK_IMPORT;
// CHECK-NEXT: int elsewhere__xresume(yc_coro *yc__c, void *yc__out, const void *yc__in) YC__WEAK_IMPORT;
// CHECK-NOT: here__type YC__WEAK_IMPORT
// CHECK: static inline __attribute__((always_inline)) int here__resume(
// CHECK: for (int v; yc__next_known(yc__fe1_once, &v, yc__sizeof_ptr(&v), &here__type, here__resume);)
// CHECK: for (int w; yc__next_known(yc__fe2_once, &w, yc__sizeof_ptr(&w), &elsewhere__type, elsewhere__xresume);)
