// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: 10
// CHECK-NEXT: 3
// CHECK-NEXT: 20
// CHECK-NEXT: 6
// CHECK-NEXT: 30
// CHECK-NEXT: 9
// CHECK-NEXT: 0
// CHECK-NEXT: -1
// CHECK-NEXT: 1
// CHECK-NEXT: 1
// CHECK-NEXT: 69
// CHECK-NOT: {{.}}
/* TEMP_FAILURE_RETRY from <unistd.h> (a statement expression with a
 * do-while and errno inside) wrapping a call that fails with EINTR twice
 * before it succeeds, and wrapping close(dup(1)); errno read and written
 * in a generator. The retry counter is a local whose address the retried
 * call takes, so it must stay the same object across the yields. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include <yieldc.h>

/* Like an interrupted system call: every third call succeeds. */
static int flaky(int *tries, int v) {
  ++*tries;
  if (*tries % 3 != 0) {
    errno = EINTR;
    return -1;
  }
  return v;
}

yc_generator(int) retried(int n) {
  int tries = 0;
  int got = 0;
  for (int i = 1; i <= n; i++) {
    int r = TEMP_FAILURE_RETRY(flaky(&tries, i * 10));
    got += r;
    yield(r);
    yield(tries);
  }
  long rc = TEMP_FAILURE_RETRY(close(dup(1)));
  yield((int)rc);
  errno = 0;
  int bad = close(-1);
  int saved = errno;
  yield(bad);
  yield(saved == EBADF);
  errno = EINTR;
  int seen = errno;
  yield(seen == EINTR);
  yield(got + tries);
}

int main(void) {
  yc_foreach (int v, retried(3))
    printf("%d\n", v);
  return 0;
}
