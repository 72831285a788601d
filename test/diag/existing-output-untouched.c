// On error an existing output file is left exactly as it was.
// RUN: echo "previous translation" > %t.c
// RUN: not %yieldc %s -o %t.c 2>/dev/null
// RUN: FileCheck --check-prefix=KEPT %s < %t.c
// KEPT: previous translation
#include <yieldc.h>

int not_a_generator(void) {
  yield(1);
  return 0;
}
