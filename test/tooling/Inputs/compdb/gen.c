/* gen.c - parses only with compile_commands.json's flags: cfg.h is found
 * through a relative -I, and COUNT decides how many yields there are. */
#include <yieldc.h>

#include "cfg.h"

yc_generator(int) counted(void) {
  cfg_int v = 1;
#if COUNT == 2
  yield(v);
  yield(v + 1);
#else
  yield(v);
#endif
}
