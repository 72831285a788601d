// An input that cannot be read is exit status 2 with a clear message.
// RUN: not %yieldc %t.does-not-exist.c -o %t.c 2>&1 | FileCheck %s
// RUN: sh -c '%yieldc %t.does-not-exist.c -o %t.c 2>/dev/null; test $? -eq 2'
// CHECK: yieldc: error: cannot read '{{.*}}does-not-exist.c': No such file or directory
