/* The generator's second yield exists only when gen.h says so: a change
 * of the header changes the translation. */
#include <stdio.h>
#include <yieldc.h>

#include "gen.h"

yc_generator(int) numbers(void) {
  yield(1);
#if GEN_SECOND
  yield(2);
#endif
}

int main(void) {
  yc_foreach(int v, numbers()) printf("%d ", v);
  printf("end\n");
  return 0;
}
