/* Input of test/tooling/lsp-diagnostics.c: -Wreturn-type around a coroutine. */
#include <yieldc.h>
int before(int x) { if (x) return 1; }
yc_generator(int) g(int n) {
  if (n) return;
  yield(n);
}
int after(int x) { if (x) return 1; }
