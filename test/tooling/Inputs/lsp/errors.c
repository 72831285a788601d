/* Input of test/tooling/lsp-diagnostics.c: two of yieldc's errors and a
 * warning only clang knows. */
#include <yieldc.h>

yc_generator(int, void, int) total(int n) {
  int sum = 0;
  for (int i = 0; i < n; i++) {
    yield(i);
    sum += i;
  }
  yc_return(sum);
}

yc_generator(int) outer(int n) {
  int unused_here;
  long r = yield_from(total(n), long);
  yield((int)r);
}

int plain(int x) {
  yield(x);
  return x;
}
