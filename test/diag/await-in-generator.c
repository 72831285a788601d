// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
#include <yieldc.h>

yc_async(int) fetch(void);

yc_generator(int) gen(void) {
  await(fetch());
}
// CHECK: await-in-generator.c:[[@LINE-2]]:3: error: await in a generator function
// CHECK: note: {{.*}}use yield_from(g) to delegate to a generator
