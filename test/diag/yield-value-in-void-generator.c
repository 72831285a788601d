// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
#include <yieldc.h>

yc_generator(void) task(void) {
  yield(1);
}
// CHECK: yield-value-in-void-generator.c:[[@LINE-2]]:3: error: yield(v) in a generator whose element type is void
// CHECK: note: {{.*}}or write yield()
