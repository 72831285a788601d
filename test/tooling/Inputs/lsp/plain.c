/* Input of test/tooling/lsp-plain.c: no coroutine; clang warns twice. */
#include <yieldc.h>

int plain(int x) {
  int unused_here;
  if (x)
    return 1;
}

int main(void) { return plain(1); }
