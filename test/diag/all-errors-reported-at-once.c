// Every error in a file is reported in one run, in source order per check.
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
#include <yieldc.h>

int plain(void) { yield(1); return 0; }
yc_async(int) fetch(void) { yield(2); }
// CHECK: all-errors-reported-at-once.c:5:19: error: suspension form used outside a coroutine function
// CHECK: all-errors-reported-at-once.c:6:29: error: yield in an async function
