// A file that uses yieldc's forms without #include <yieldc.h>: clang's own
// error is not enough, a note says what is missing and the line to add.
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.c
// A program's own function named like a form is not one.
// RUN: not %yieldc %S/Inputs/own-await.c -o %t.c 2>&1 | FileCheck --check-prefix=OWN %s
// OWN: own-await.c:6:19: error: expected ';' at end of declaration
// OWN-NOT: note
#include <stdio.h>

yc_generator(int) count(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}
// CHECK: missing-yieldc-include.c:[[@LINE-4]]:19: error: expected function body after function declarator
// CHECK: missing-yieldc-include.c:[[@LINE-5]]:1: note: 'yc_generator' is a yieldc form from <yieldc.h>, which this file does not include; add at the top of the file:
// CHECK-NEXT: {{^}}yc_generator(int) count(int n) {
// CHECK-NEXT: {{^}}^
// CHECK-NEXT: {{^}}#include <yieldc.h>
