/* `yieldc cc` reports errors in the user's file and line and keeps the
 * compiler's exit status.
 *
 * RUN: rm -rf %t && mkdir -p %t
 *
 * A clean file compiles; the compiler's own exit status comes through.
 * RUN: %yieldc cc %compiler -c %s -o %t/ok.o
 * RUN: printf '#!/bin/sh\nexit 3\n' > %t/fail3 && chmod +x %t/fail3
 * RUN: %yieldc cc %t/fail3 -c %s -o %t/x.o; test $? = 3
 *
 * A C type error after a yield: the translator reports it clang-style,
 * at the user's line, exit status 1, and the compiler does not run.
 * RUN: %yieldc cc %t/fail3 -DTYPE_ERROR -c %s -o %t/x.o 2> %t/type.err; test $? = 1
 * RUN: FileCheck --check-prefix=TYPE %s < %t/type.err
 *
 * An error only the compiler finds (gcc's -Wduplicated-cond) names the
 * user's file and line through the translation's #line directives.
 * RUN: %yieldc cc gcc %sanflags -Werror=duplicated-cond -DDUPLICATE -c %s -o %t/x.o 2> %t/dup.err; test $? = 1
 * RUN: FileCheck --check-prefix=DUP %s < %t/dup.err
 * The translation the compiler read stays, for the reader of the error.
 * RUN: ls %t/x.o.yc.c
 *
 * A file without coroutines is compiled as it is: the error names it.
 * RUN: %yieldc cc gcc %sanflags -Werror=duplicated-cond -c %S/Inputs/plain-dup.c -o %t/p.o 2> %t/plain.err; test $? = 1
 * RUN: FileCheck --check-prefix=PLAIN %s < %t/plain.err
 * PLAIN: {{.*}}Inputs/plain-dup.c:4:{{[0-9]+}}: error: duplicated 'if' condition
 */
#include <yieldc.h>

struct point { int x, y; };

yc_generator(int) numbers(int n) {
  yield(n);
#ifdef TYPE_ERROR
  struct point p = n; // TYPE: launcher-errors.c:[[@LINE]]:{{[0-9]+}}: error: initializing 'struct point' with an expression of incompatible type 'int'
  // TYPE-NEXT: struct point p = n;
  // TYPE-NEXT: {{^ *\^}}
  yield(p.x);
#endif
#ifdef DUPLICATE
  if (n == 1)
    yield(1);
  else if (n == 1) // DUP: launcher-errors.c:[[@LINE]]:{{[0-9]+}}: error: duplicated 'if' condition
    yield(2);
#endif
  yield(n + 1);
}
