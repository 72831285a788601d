// Colours as clang's: bold location and message, red error, cyan note,
// green caret; with -fdiagnostics-color=always, or the compiler flag of
// the same name after '--' (what `yieldc cc` passes on).  Not in a pipe
// by default, nor with =never.
// RUN: not %yieldc -fdiagnostics-color=always %s -o %t.c 2> %t.always
// RUN: FileCheck --check-prefix=ON %s < %t.always
// RUN: not %yieldc %s -o %t.c -- -fdiagnostics-color=always 2> %t.flag
// RUN: FileCheck --check-prefix=ON %s < %t.flag
// RUN: not %yieldc -fdiagnostics-color %s -o %t.c 2> %t.bare
// RUN: FileCheck --check-prefix=ON %s < %t.bare
// ON: {{.\[1m.*}}color.c:[[@LINE+18]]:3: {{.\[0;1;31m}}error: {{.\[0m.\[1m}}suspension form used outside a coroutine function{{.\[0m$}}
// ON: {{^ *.\[0;1;32m\^.\[0m$}}
// ON: color.c:[[@LINE+16]]:3: {{.\[0;1;36m}}note: {{.\[0m}}declare the function
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck --check-prefix=OFF %s
// RUN: not %yieldc -fdiagnostics-color=never %s -o %t.c -- -fdiagnostics-color=never 2>&1 | FileCheck --check-prefix=OFF %s
// OFF-NOT: {{.\[}}
// OFF: color.c:{{[0-9]+}}:3: error: suspension form used outside a coroutine function
// OFF-NOT: {{.\[}}
// On a terminal (script(1) gives one) by default, unless NO_COLOR is set or
// TERM is dumb.
// RUN: not env TERM=xterm NO_COLOR= script -qec "%yieldc %s -o %t.c" /dev/null > %t.tty
// RUN: FileCheck --check-prefix=TTY %s < %t.tty
// TTY: {{.\[0;1;31m}}error: {{.\[0m}}
// RUN: not env TERM=xterm NO_COLOR=1 script -qec "%yieldc %s -o %t.c" /dev/null | FileCheck --check-prefix=OFF %s
// RUN: not env TERM=dumb script -qec "%yieldc %s -o %t.c" /dev/null | FileCheck --check-prefix=OFF %s
#include <yieldc.h>

int plain(void) {
  yield(1);
  return 0;
}
