// Without yieldc.h, yield(x) in a plain function is a call of an undeclared
// function: a warning (as the compiler's), with the note, and the file is
// copied as it is, as any file without coroutines.
// RUN: %yieldc %s -o %t.c 2>&1 | FileCheck %s
// RUN: diff %s %t.c
// A file that includes yieldc.h and calls a function of its own named
// differently gets no such note.
// RUN: %yieldc %S/Inputs/plain-calls.c -o %t.plain.c 2>&1 | count 0
int f(int x) {
  yield(x);
  return x;
}
// CHECK: missing-yieldc-include-call.c:[[@LINE-3]]:3: warning: implicit declaration of function 'yield' is invalid in C99
// CHECK-NEXT: {{^}}  yield(x);
// CHECK: note: 'yield' is a yieldc form from <yieldc.h>, which this file does not include; add at the top of the file:
// CHECK: {{^}}#include <yieldc.h>
