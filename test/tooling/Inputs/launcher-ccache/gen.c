/* A generator, consumed in main.c. */
#include <yieldc.h>

#include "gen.h"

yc_generator(int) squares(int n) {
  for (int i = 1; i <= n; i++)
    yield(i * i);
}
