/* A header that defines coroutine functions instead of declaring them
 * (coroutine-defined-in-header.c). */
#include <yieldc.h>

yc_generator(int) count_to(int n);

yc_generator(int) squares(int n) {
  for (int i = 0; i < n; i++)
    yield(i * i);
}

static inline yc_async(int) answer(void) { yc_return(42); }
