// A suspension point hidden in a user macro is refused: the reader of the
// function must see every place it can stop.
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
#include <yieldc.h>

#define EMIT_TWICE(v) do { yield(v); yield(v); } while (0)

yc_generator(int) twice(void) {
  EMIT_TWICE(7);
}
// CHECK: suspension-from-macro.c:[[@LINE-2]]:3: error: suspension form comes from the body of a macro
// CHECK: note: write yield(...) directly
