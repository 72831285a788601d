// #line points the body at the source, and generated scaffolding at the
// output itself.
// RUN: %yieldc %s -o %t.c
// RUN: grep -v '^//' %t.c | FileCheck %s -DOUT=%t.c
// RUN: %yieldc --no-line %s -o %t.noline.c
// RUN: grep -v '^//' %t.noline.c | FileCheck --check-prefix=NOLINE %s
#include <yieldc.h>

yc_generator(int) one(void) {
  yield(1);
}
// CHECK: #line 1 "{{.*}}line-directives-map-back.c"
// CHECK: #line {{[0-9]+}} "[[OUT]]"
// CHECK-NEXT: /* one: the frame holds what lives across suspension points. */
// CHECK: #line 9 "{{.*}}line-directives-map-back.c"
// CHECK-NEXT: yc_generator(int) one(void) {
// The resume function's scaffolding is the function's first line, and
// after the body its closing brace (what a debugger shows for it).
// CHECK: #line 9 "{{.*}}line-directives-map-back.c"
// CHECK-NEXT: static int one__resume(
// CHECK-NEXT: #line 9 "{{.*}}line-directives-map-back.c"
// CHECK-NEXT: static const char yc__func[]
// CHECK: default: return YC__RETURN;
// CHECK-NEXT: #line 9 "{{.*}}line-directives-map-back.c"
// CHECK-NEXT: {{^}}  }
// CHECK-NEXT: #line 9 "{{.*}}line-directives-map-back.c"
// CHECK-NEXT: {{^}}{
// CHECK-NEXT: { if (yc__out) {{.*}} }
// CHECK-NEXT: {{^}}}
// CHECK-NEXT: #line 11 "{{.*}}line-directives-map-back.c"
// CHECK-NEXT: yc__c->state = -1;
// NOLINE-NOT: {{^}}#line
