/* bench/gen_other.c - a generator defined in another translation unit than
 * its consumer (authoring view; bench/run.sh translates it). */
#include <yieldc.h>

yc_generator(int) count_up_ext(int limit) {
  for (int i = 0; i < limit; i++)
    yield(i);
}
