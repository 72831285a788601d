/* Generators declared in a header (header-declared-generators.c). */
#include <yieldc.h>

yc_generator(int, void, long) running_total(int n);
static yc_generator(int) local_helper(int n);
