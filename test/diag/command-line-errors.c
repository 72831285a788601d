// The command line's errors say what to write instead.
//
// A compiler flag before '--': the note shows the command with the flags
// moved after it (a flag's separate value moves with it).
// RUN: not %yieldc %s -o %t.c -I/tmp 2>&1 | FileCheck --check-prefix=FLAG %s
// FLAG: yieldc: error: unknown option '-I/tmp'
// FLAG-NEXT: yieldc: note: compiler flags go after '--': yieldc {{.*}}command-line-errors.c -o {{.*}}.c -- -I/tmp
// RUN: not %yieldc %s -include 'my config.h' -o %t.c -- -DX=1 2>&1 | FileCheck --check-prefix=SEP %s
// SEP: yieldc: error: unknown option '-include'
// SEP-NEXT: yieldc: note: compiler flags go after '--': yieldc {{.*}}command-line-errors.c -o {{.*}}.c -- -include 'my config.h' -DX=1
//
// A misspelt option of yieldc's own: did you mean.
// RUN: not %yieldc %s --no-lines -o %t.c 2>&1 | FileCheck --check-prefix=TYPO %s
// TYPO: yieldc: error: unknown option '--no-lines'; did you mean '--no-line'?
// TYPO-NOT: note
// RUN: not %yieldc %s --emit dot 2>&1 | FileCheck --check-prefix=EMIT %s
// EMIT: yieldc: error: unknown option '--emit'; did you mean '--emit=c|dot|dot=FUNC'?
// RUN: not %yieldc %s --verison 2>&1 | FileCheck --check-prefix=VERSION %s
// VERSION: yieldc: error: unknown option '--verison'; did you mean '--version'?
//
// Exit status 2 for all of them, and nothing written.
// RUN: rm -f %t.c
// RUN: sh -c '%yieldc %s -o %t.c -O2 2>/dev/null; test $? -eq 2'
// RUN: test ! -e %t.c
//
// Values.
// RUN: not %yieldc %s -o 2>&1 | FileCheck --check-prefix=VALUE %s
// VALUE: yieldc: error: -o needs a value: -o OUTPUT.c
// RUN: not %yieldc %s -o %t.c -fdiagnostics-color=sometimes 2>&1 | FileCheck --check-prefix=COLOR %s
// COLOR: yieldc: error: -fdiagnostics-color takes always, never or auto, not 'sometimes'
// RUN: not %yieldc %s -o - -MD 2>&1 | FileCheck --check-prefix=MDSTDOUT %s
// MDSTDOUT: yieldc: error: -MD with the output on stdout needs -MF FILE (and -MT TARGET)
#include <yieldc.h>
